import { indexRoster, type Roster } from "./roster";
import { suggestRosterUnit } from "./unitSuggestion";

const unit = (name: string, ...aliases: string[]) => ({ name, aliases });

/** Zibo's city-level units (淄博市知识产权联席会议 members), as a clerk would list them. */
const ZIBO: Roster = [
  unit("淄博市公安局"),
  unit("淄博市教育局"),
  unit("淄博市市场监督管理局"),
  unit("淄博市科学技术局", "市科技局"),
  unit("淄博市中级人民法院", "市中院"),
  unit("淄博市人民检察院"),
  unit("淄博海关"),
  unit("淄博市委宣传部"),
  unit("淄博市商务局"),
];

/** Zibo's districts, for 附件2. */
const ZIBO_DISTRICTS: Roster = [unit("张店区"), unit("淄川区"), unit("博山区"), unit("淄博高新区")];

const SHANGHAI: Roster = [
  unit("上海市知识产权局"),
  unit("上海市商务委员会", "市商务委"),
  unit("上海市科学技术委员会", "市科委"),
  unit("上海市教育委员会"),
  unit("上海市公安局"),
  unit("上海海关"),
  unit("上海市第一中级人民法院"),
  unit("上海市文化和旅游局", "市文旅局"),
  unit("浦东新区知识产权局"),
];

/** Units that have nothing to do with education. */
const FEW: Roster = [unit("淄博市公安局"), unit("淄博市财政局")];

const rosters: Record<string, Roster> = { ZIBO, ZIBO_DISTRICTS, SHANGHAI, FEW, BOTH: [...ZIBO, ...SHANGHAI] };

describe("suggestRosterUnit", () => {
  it.each<[string, string, string | undefined]>([
    // Typos: a small edit distance.
    ["淄博市工安局", "ZIBO", "淄博市公安局"],
    ["淄博市人民检查院", "ZIBO", "淄博市人民检察院"],
    ["上海市知识产权居", "SHANGHAI", "上海市知识产权局"],
    // The city written, left out, or only as 市.
    ["市公安局", "ZIBO", "淄博市公安局"],
    ["公安局", "ZIBO", "淄博市公安局"],
    ["淄博市海关", "ZIBO", "淄博海关"],
    ["海关", "SHANGHAI", "上海海关"],
    ["知识产权局", "SHANGHAI", "上海市知识产权局"],
    ["区知识产权局", "SHANGHAI", "浦东新区知识产权局"],
    // Common abbreviations: 委员会 ≈ 委, 监督管理局 ≈ 监管局, 知识产权 ≈ 知产.
    ["上海市商务委", "SHANGHAI", "上海市商务委员会"],
    ["市教委", "SHANGHAI", "上海市教育委员会"],
    ["市教育局", "SHANGHAI", "上海市教育委员会"], // 局 for 委: one edit
    ["淄博市市场监管局", "ZIBO", "淄博市市场监督管理局"],
    ["市场监督管理局", "ZIBO", "淄博市市场监督管理局"],
    ["上海市知产局", "SHANGHAI", "上海市知识产权局"],
    // Aliases count, and the roster's name is what is suggested.
    ["上海市科委", "SHANGHAI", "上海市科学技术委员会"],
    ["淄博市科技局", "ZIBO", "淄博市科学技术局"],
    ["上海市文旅局", "SHANGHAI", "上海市文化和旅游局"],
    // One inside the other.
    ["淄博市公安局交警支队", "ZIBO", "淄博市公安局"],
    ["市委宣传部", "ZIBO", "淄博市委宣传部"],
    ["张店区市场监督管理局", "ZIBO_DISTRICTS", "张店区"],
    ["高新区", "ZIBO_DISTRICTS", "淄博高新区"],
    // Full-width spaces and a 盖章 remark are not part of the name.
    ["淄博市　工安局（盖章）", "ZIBO", "淄博市公安局"],
    // Nothing close: another unit is not a typo of a listed one.
    ["市教育局", "FEW", undefined],
    ["淄博市教育局", "FEW", undefined],
    ["淄博市财政局", "ZIBO", undefined],
    ["上海市教育局", "ZIBO", undefined],
    ["淄博市农业农村局", "ZIBO", undefined],
    ["上海大学", "SHANGHAI", undefined],
    ["复旦大学", "SHANGHAI", undefined],
    // Another city's unit of the same kind is not this city's.
    ["上海海关", "ZIBO", undefined],
    ["淄博市公安局", "SHANGHAI", undefined],
    // A district's unit is not the city's, and another district is not this one.
    ["张店区公安分局", "ZIBO", undefined],
    ["周村区", "ZIBO_DISTRICTS", undefined],
    // Different numbers are different units, not typos.
    ["上海市第二中级人民法院", "SHANGHAI", undefined],
    // A place alone names no unit.
    ["淄博市", "ZIBO", undefined],
    ["上海", "SHANGHAI", undefined],
    // Two roster units equally close: no guess.
    ["公安局", "BOTH", undefined],
    ["市公安局", "BOTH", undefined],
    ["海关", "BOTH", undefined],
    // ...but a named city settles it.
    ["上海公安局", "BOTH", "上海市公安局"],
  ])("%s with the %s roster -> %s", (name, roster, expected) => {
    expect(suggestRosterUnit(name, indexRoster(rosters[roster] ?? []))).toBe(expected);
  });

  it("suggests nothing from an empty roster or an empty name", () => {
    expect(suggestRosterUnit("淄博市公安局", indexRoster([]))).toBeUndefined();
    expect(suggestRosterUnit("", indexRoster(ZIBO))).toBeUndefined();
  });

  it("suggests a unit's own name for any of its spellings on the roster", () => {
    const index = indexRoster(SHANGHAI);
    for (const entry of SHANGHAI) for (const spelling of [entry.name, ...entry.aliases]) expect(suggestRosterUnit(spelling, index)).toBe(entry.name);
  });
});

import fc from "fast-check";
import { issueMessages } from "../../messages/zhCN";
import { parseContact, type Phone } from "./contact";
import type { PhoneDefect } from "./phoneNumbers";

const mobile = (digits: string): Phone => ({ kind: "mobile", digits });
const landline = (digits: string): Phone => ({ kind: "landline", digits });
const service = (digits: string): Phone => ({ kind: "service", digits });
const WANG_MOBILE = [mobile("13812345678")];

describe("parseContact accepts", () => {
  it.each<[string, string[], Phone[]]>([
    // The two notices' own contact lines.
    ["联 系 人：王  斌\n联系电话：0533-3188608", ["王斌"], [landline("0533-3188608")]],
    [
      "（联系人：郑益枫 李 晴；电话：23110863 23110861；传真：54033862；邮箱地址：sxu@shanghai.gov.cn）",
      ["郑益枫", "李晴"],
      [landline("23110863"), landline("23110861")],
    ],
    // Separators between name and number.
    ["王斌 13812345678", ["王斌"], WANG_MOBILE],
    ["王斌13812345678", ["王斌"], WANG_MOBILE],
    ["王斌/13812345678", ["王斌"], WANG_MOBILE],
    ["王斌，13812345678", ["王斌"], WANG_MOBILE],
    ["王斌：13812345678", ["王斌"], WANG_MOBILE],
    ["王斌、13812345678", ["王斌"], WANG_MOBILE],
    ["王斌\n13812345678", ["王斌"], WANG_MOBILE],
    ["13812345678 王斌", ["王斌"], WANG_MOBILE],
    ["电话：021-62181234 联系人：王斌", ["王斌"], [landline("021-62181234")]],
    // Mobile spellings.
    ["王斌 138 1234 5678", ["王斌"], WANG_MOBILE],
    ["王斌 138-1234-5678", ["王斌"], WANG_MOBILE],
    ["王斌 138—1234—5678", ["王斌"], WANG_MOBILE],
    ["王斌 +86 138 1234 5678", ["王斌"], WANG_MOBILE],
    ["王斌 +8613812345678", ["王斌"], WANG_MOBILE],
    ["王斌 0086-13812345678", ["王斌"], WANG_MOBILE],
    ["王斌 86 13812345678", ["王斌"], WANG_MOBILE],
    ["王斌１３８１２３４５６７８", ["王斌"], WANG_MOBILE],
    ["张三 19912345678", ["张三"], [mobile("19912345678")]],
    // Landline spellings.
    ["王斌 021-62181234", ["王斌"], [landline("021-62181234")]],
    ["王斌 010-62181234", ["王斌"], [landline("010-62181234")]],
    ["王斌 0755-83216789", ["王斌"], [landline("0755-83216789")]],
    ["王斌 (021)62181234", ["王斌"], [landline("021-62181234")]],
    ["王斌 （021）6218 1234", ["王斌"], [landline("021-62181234")]],
    ["王斌 021 6218 1234", ["王斌"], [landline("021-62181234")]],
    ["王斌 02162181234", ["王斌"], [landline("021-62181234")]],
    ["王斌 05333188608", ["王斌"], [landline("0533-3188608")]],
    ["王斌：０２１－６２１８１２３４", ["王斌"], [landline("021-62181234")]],
    ["王斌 +86 21 6218 1234", ["王斌"], [landline("021-62181234")]],
    ["王斌 23110863", ["王斌"], [landline("23110863")]],
    ["王斌 3188608", ["王斌"], [landline("3188608")]],
    // Extensions.
    ["王斌 021-62181234转808", ["王斌"], [landline("021-62181234-808")]],
    ["王斌 021-62181234-808", ["王斌"], [landline("021-62181234-808")]],
    ["王斌 021-62181234 ext 808", ["王斌"], [landline("021-62181234-808")]],
    ["王斌 021-62181234 ext.808", ["王斌"], [landline("021-62181234-808")]],
    ["王斌 021-62181234分机808", ["王斌"], [landline("021-62181234-808")]],
    ["王斌 62181234转8080", ["王斌"], [landline("62181234-8080")]],
    // Titles, roles and labels around the name.
    ["王斌（科长）13812345678", ["王斌"], WANG_MOBILE],
    ["科长 王斌 13812345678", ["王斌"], WANG_MOBILE],
    ["王斌科长 13812345678", ["王斌"], WANG_MOBILE],
    ["联系人：王斌 13812345678", ["王斌"], WANG_MOBILE],
    ["联系人王斌手机13812345678", ["王斌"], WANG_MOBILE],
    ["姓名：王斌；联系方式：13812345678", ["王斌"], WANG_MOBILE],
    ["王老师 13812345678", ["王老师"], WANG_MOBILE],
    ["李主任 021-62181234", ["李主任"], [landline("021-62181234")]],
    ["市知识产权局王斌 13812345678", ["王斌"], WANG_MOBILE],
    ["宣传处科长王斌 13812345678", ["王斌"], WANG_MOBILE],
    // Name shapes.
    ["王  斌 13812345678", ["王斌"], WANG_MOBILE],
    ["李 晓明 13812345678", ["李晓明"], WANG_MOBILE],
    ["欧阳明 13812345678", ["欧阳明"], WANG_MOBILE],
    ["阿依古丽·买买提 13812345678", ["阿依古丽·买买提"], WANG_MOBILE],
    ["阿依古丽•买买提 13812345678", ["阿依古丽·买买提"], WANG_MOBILE],
    ["Li Qing 13812345678", ["Li Qing"], WANG_MOBILE],
    ["WANG Bin Tel: 13812345678", ["WANG Bin"], WANG_MOBILE],
    // Several contacts, several numbers.
    ["郑益枫 23110863；李晴 23110861", ["郑益枫", "李晴"], [landline("23110863"), landline("23110861")]],
    ["王斌，13812345678\n李晴，021-23110861", ["王斌", "李晴"], [mobile("13812345678"), landline("021-23110861")]],
    ["王 斌 李 晴 13812345678", ["王斌", "李晴"], WANG_MOBILE],
    ["王斌 13812345678、13912345678", ["王斌"], [mobile("13812345678"), mobile("13912345678")]],
    ["王斌 13812345678 13812345678", ["王斌"], WANG_MOBILE],
    ["王斌 手机：13812345678 电话：021-62181234", ["王斌"], [mobile("13812345678"), landline("021-62181234")]],
    // Numbers that are not phones are left alone.
    ["王斌 电话/传真：23110863", ["王斌"], [landline("23110863")]],
    ["王斌 13812345678 QQ：12345678", ["王斌"], WANG_MOBILE],
    ["王斌 13812345678 12345678@qq.com", ["王斌"], WANG_MOBILE],
    ["王斌 13812345678（3楼302室）", ["王斌"], WANG_MOBILE],
  ])("%j", (text, names, phones) => {
    expect(parseContact(text)).toEqual({ ok: true, names, phones });
  });
});

describe("parseContact rejects", () => {
  it.each<[string, string, string | undefined]>([
    ["", "empty", undefined],
    ["   \n ", "empty", undefined],
    ["联系人：", "empty", undefined],
    ["-", "empty", undefined],
    // A name alone, a number alone.
    ["王斌", "no-phone", undefined],
    ["联系人：王斌", "no-phone", undefined],
    ["王斌 传真：54033862", "no-phone", undefined],
    ["王斌 wangbin@163.com", "no-phone", undefined],
    ["王斌 电话：无", "no-phone", undefined],
    ["13812345678", "no-name", undefined],
    ["电话：021-62181234", "no-name", undefined],
    ["办公室 13812345678", "no-name", undefined],
    ["科长 13812345678", "no-name", undefined],
    ["wangbin 13812345678", "no-name", undefined],
    ["王 13812345678", "no-name", undefined],
    ["同上", "no-name", undefined],
    // Malformed numbers.
    ["王斌 1381234567", "phone-malformed", "1381234567"],
    ["王斌 138123456789", "phone-malformed", "138123456789"],
    ["王斌 12812345678", "phone-malformed", "12812345678"],
    ["王斌 138 1234 567", "phone-malformed", "138 1234 567"],
    ["王斌 021-621812", "phone-malformed", "021-621812"],
    ["王斌 0533-31886", "phone-malformed", "0533-31886"],
    ["王斌 05333-188608", "phone-malformed", "05333-188608"],
    ["王斌 12345", "phone-malformed", "12345"],
    ["王斌 13812345678；李晴 1391234567", "phone-malformed", "1391234567"],
    ["王斌１３８１２３４５６７", "phone-malformed", "１３８１２３４５６７"],
    ["1381234567", "phone-malformed", "1381234567"],
    // Placeholders.
    ["王斌 021-6218xxxx", "phone-placeholder", "021-6218xxxx"],
    ["王斌 138xxxx5678", "phone-placeholder", "138xxxx5678"],
    ["王斌 138****5678", "phone-placeholder", "138****5678"],
    ["王斌 ***", "phone-placeholder", "***"],
    ["王斌 XXX", "phone-placeholder", "XXX"],
    ["XXX", "phone-placeholder", "XXX"],
    ["XXX 13812345678", "phone-placeholder", "XXX"],
    ["王斌 电话待定", "phone-placeholder", "电话待定"],
    ["待定", "phone-placeholder", "待定"],
    ["王斌 暂无", "phone-placeholder", "暂无"],
    ["王斌 TBD", "phone-placeholder", "TBD"],
    ["王斌 13812345678 021-6218xxxx", "phone-placeholder", "021-6218xxxx"],
  ])("%j -> %s", (text, reason, fragment) => {
    const expected = fragment === undefined ? { ok: false, reason } : { ok: false, reason, fragment };
    // Which defect each malformed number has is the numbering-plan table's business, below.
    const defect = reason === "phone-malformed" ? { defect: expect.anything() } : {};
    expect(parseContact(text)).toEqual({ ...expected, ...defect });
  });
});

describe("parseContact reads numbers by China's numbering plan", () => {
  const areaLocal = (areaCode: string, digits: number, expected: "8" | "7-8"): PhoneDefect => ({
    kind: "area-local-length",
    areaCode,
    digits,
    expected,
  });
  const leading = (areaCode: string, digit: string): PhoneDefect => ({ kind: "local-leading-digit", areaCode, digit });
  const mobileLength = (digits: number): PhoneDefect => ({ kind: "mobile-length", digits });
  type Malformed = { fragment: string; defect: PhoneDefect };

  it.each<[string, Phone[] | Malformed]>([
    // 010 and 02x take 8-digit local numbers; digits typed together split by that.
    ["0216437000", { fragment: "0216437000", defect: areaLocal("021", 7, "8") }],
    ["02164370000", [landline("021-64370000")]],
    ["021-6437000", { fragment: "021-6437000", defect: areaLocal("021", 7, "8") }],
    ["０２１－６４３７０００", { fragment: "０２１－６４３７０００", defect: areaLocal("021", 7, "8") }],
    ["021-64370000转808", [landline("021-64370000-808")]],
    ["021-6437000转808", { fragment: "021-6437000转808", defect: areaLocal("021", 7, "8") }],
    ["021-6437000-808", { fragment: "021-6437000-808", defect: areaLocal("021", 7, "8") }],
    ["010-1234567", { fragment: "010-1234567", defect: areaLocal("010", 7, "8") }],
    // A local number never starts 0 or 1.
    ["010-12345678", { fragment: "010-12345678", defect: leading("010", "1") }],
    ["010 1234 5678", { fragment: "010 1234 5678", defect: leading("010", "1") }],
    ["0755-12345678", { fragment: "0755-12345678", defect: leading("0755", "1") }],
    ["0755-0123456", { fragment: "0755-0123456", defect: leading("0755", "0") }],
    // Every other area code takes 7 or 8.
    ["0533-3188608", [landline("0533-3188608")]],
    ["05333188608", [landline("0533-3188608")]],
    ["0533-31886081", [landline("0533-31886081")]],
    ["０５３３－３１８８６０８", [landline("0533-3188608")]],
    ["0533-318860", { fragment: "0533-318860", defect: areaLocal("0533", 6, "7-8") }],
    // Abroad a landline drops its trunk 0: +86 21 is 021, which still takes 8 digits.
    ["+86 21 6218 1234", [landline("021-62181234")]],
    ["+86 (0)21 6218 1234", [landline("021-62181234")]],
    ["+862162181234", [landline("021-62181234")]],
    ["+86 21 621 8123", { fragment: "+86 21 621 8123", defect: areaLocal("021", 7, "8") }],
    // 00 begins no area code (only the country code 0086).
    ["00852 2123 4567", { fragment: "00852", defect: { kind: "unknown-area-code", prefix: "00" } }],
    // Local numbers without area code: 7 or 8 digits.
    ["6437000", [landline("6437000")]],
    ["64370000", [landline("64370000")]],
    ["80012345", [landline("80012345")]],
    ["6437000 23110861", [landline("6437000"), landline("23110861")]],
    ["643700", { fragment: "643700", defect: { kind: "local-length", digits: 6 } }],
    ["623456789", { fragment: "623456789", defect: { kind: "local-length", digits: 9 } }],
    ["021-6437000 23110861", { fragment: "021-6437000", defect: areaLocal("021", 7, "8") }],
    // Mobiles: 1[3-9] and 9 digits; a bare number starting 1 is a mobile with digits missing, not a local number.
    ["13812345678", [mobile("13812345678")]],
    ["0086 13812345678", [mobile("13812345678")]],
    ["００８６ １３８１２３４５６７８", [mobile("13812345678")]],
    ["1381234567", { fragment: "1381234567", defect: mobileLength(10) }],
    ["12345678", { fragment: "12345678", defect: mobileLength(8) }],
    ["+86 138 1234 567", { fragment: "+86 138 1234 567", defect: mobileLength(10) }],
    ["12812345678", { fragment: "12812345678", defect: { kind: "mobile-prefix" } }],
    ["13812345678 021-6437000", { fragment: "021-6437000", defect: areaLocal("021", 7, "8") }],
    // 400 and 800 numbers: 10 digits.
    ["400-820-8820", [service("400-820-8820")]],
    ["4008208820", [service("400-820-8820")]],
    ["400 820 8820", [service("400-820-8820")]],
    ["800-810-8888", [service("800-810-8888")]],
    ["400-820-8820转1", [service("400-820-8820-1")]],
    ["400-820-882", { fragment: "400-820-882", defect: { kind: "service-length", prefix: "400", digits: 9 } }],
  ])("王斌 %s", (number, expected) => {
    const result = parseContact(`王斌 ${number}`);
    if (Array.isArray(expected)) expect(result).toEqual({ ok: true, names: ["王斌"], phones: expected });
    else expect(result).toEqual({ ok: false, reason: "phone-malformed", ...expected });
  });

  it("puts every defect into words in the message", () => {
    // One cell per kind, and words its sentence must have.
    const cells: Record<PhoneDefect["kind"], [string, string]> = {
      "mobile-length": ["王斌 1381234567", "有 10 位，手机号码应为 11 位"],
      "mobile-prefix": ["王斌 12812345678", "应以 13-19 开头"],
      "area-local-length": ["王斌 021-6437000", "区号 021 后是 7 位号码，021 后应为 8 位"],
      "local-leading-digit": ["王斌 0755-12345678", "区号 0755 后的号码以 1 开头"],
      "local-length": ["王斌 643700", "是 6 位，不带区号的座机号码应为 7-8 位"],
      "unknown-area-code": ["王斌 00852 2123 4567", "以 00 开头"],
      "service-length": ["王斌 400-820-882", "是 400 号码，但有 9 位"],
    };
    for (const [kind, [text, words]] of Object.entries(cells)) {
      const result = parseContact(text);
      if (result.ok || !result.defect || !result.fragment) throw new Error(`${text}: no defect`);
      expect(result.defect.kind).toBe(kind);
      const message = issueMessages.contactPhoneMalformed("第3行", text, result.fragment, result.defect);
      expect(message).toContain(words);
      expect(message.startsWith(`第3行：联系人“${text}”中的电话“${result.fragment}”`)).toBe(true);
      expect(message).toContain("，请核对");
      expect(message).not.toMatch(/undefined|null|NaN|\[object/);
    }
    // The reader never reports a leading digit without an area code, but the catalogue words it too.
    const bare = issueMessages.contactPhoneMalformed("第3行", "王斌 12345678", "12345678", {
      kind: "local-leading-digit",
      areaCode: null,
      digit: "1",
    });
    expect(bare).toContain("以 1 开头，不是座机号码");
    expect(bare).not.toMatch(/undefined|null/);
  });
});

describe("parseContact properties", () => {
  const contactAlphabet = fc.constantFrom(
    ..."0123456789 -()+.xX*转分机ext王斌李晴老师科长联系人电话传真：，；、/@\n·０１３８（）".split(""),
  );

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: contactAlphabet })), (text) => {
        parseContact(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads any 2-3 Han characters and a valid mobile as that name and that phone", () => {
    const hanName = fc
      .array(fc.integer({ min: 0x4e00, max: 0x9fff }), { minLength: 2, maxLength: 3 })
      .map((codes) => String.fromCharCode(...codes));
    const mobileDigits = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
      .map(([second, rest]) => `1${second}${rest.join("")}`);
    const spelling = fc.constantFrom(
      (d: string) => d,
      (d: string) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
      (d: string) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`,
      (d: string) => `+86 ${d}`,
    );
    const separator = fc.constantFrom(" ", "", "/", "，", "：", "、", "\n");
    fc.assert(
      fc.property(hanName, mobileDigits, spelling, separator, (name, digits, spell, sep) => {
        expect(parseContact(`${name}${sep}${spell(digits)}`)).toEqual({
          ok: true,
          names: [name],
          phones: [mobile(digits)],
        });
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from "fast-check";
import { parseContact, type Phone } from "./contact";

const mobile = (digits: string): Phone => ({ kind: "mobile", digits });
const landline = (digits: string): Phone => ({ kind: "landline", digits });
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
    expect(parseContact(text)).toEqual(expected);
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

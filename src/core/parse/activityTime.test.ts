import fc from "fast-check";
import { parseIsoDate } from "../calendarDate";
import { parseActivityTime, type DateSpan } from "./activityTime";

const day = (iso: string): DateSpan => ({ start: iso, end: iso });
const range = (start: string, end: string): DateSpan => ({ start, end });

describe("parseActivityTime: what units really write", () => {
  const D22 = [day("2024-04-22")];
  const WEEK = [range("2024-04-20", "2024-04-26")];

  it.each<[string, DateSpan[]]>([
    // numeric dates
    ["2024-04-22", D22],
    ["2024/4/22", D22],
    ["2024.4.22", D22],
    ["2024-4-22", D22],
    ["2024/04/22", D22],
    ["4/22", D22],
    ["4.22", D22],
    ["4-22", D22],
    ["20240422", D22],
    ["24.4.22", D22],
    // 年月日
    ["2024年4月22日", D22],
    ["4月22日", D22],
    ["04月22日", D22],
    ["4月22号", D22],
    ["4月22", D22],
    ["4 月 22 日", D22],
    ["2024 年 4 月 22 日", D22],
    ["24年4月22日", D22],
    ["2024年04月22日", D22],
    // full-width
    ["４月２２日", D22],
    ["２０２４－０４－２２", D22],
    ["２０２４年４月２２日", D22],
    ["４．２２", D22],
    // Chinese numerals
    ["四月二十二日", D22],
    ["二〇二四年四月二十日", [day("2024-04-20")]],
    ["二零二四年四月廿二日", D22],
    ["二○二四年四月二十二日", D22],
    ["4月二十二日", D22],
    ["十二月三十一日", [day("2024-12-31")]],
    // times of day and remarks
    ["4月22日上午9:30", D22],
    ["4月22日 14:00-16:00", D22],
    ["4月22日下午", D22],
    ["4月22日全天", D22],
    ["4月22日（周一）", D22],
    ["4月22日(星期一)", D22],
    ["2024-04-22 09:30", D22],
    ["2024-04-22 09:30:00", D22],
    ["2024-04-22T09:30:00", D22],
    ["4月22日9：30-11：30", D22],
    ["4月22日上午9点", D22],
    ["4月22日9点30分-11点", D22],
    ["4月22日晚7点", D22],
    ["4月22日 上午9.30-11.30", D22],
    ["4月22日 9.30", D22],
    ["4.22上午", D22],
    ["4.22（周一）", D22],
    ["4/22 9:30", D22],
    ["2024年4月22日（星期一）14:30-16:30", D22],
    ["拟于4月22日", D22],
    ["4月22日前后", D22],
    ["4月22日起", D22],
    ["4月22日报到", D22],
    ["截至4月22日", D22],
    // digits that are not dates
    ["4月22日 联系电话13812345678", D22],
    ["4月22日 021-62181234", D22],
    ["4月22日 1号楼报告厅", D22],
    ["按〔2024〕2号通知，4月22日", D22],
    ["4月22日，约200人", D22],
    ["4月22日 2场", D22],
    // ranges
    ["4月20日-22日", [range("2024-04-20", "2024-04-22")]],
    ["4月20日至4月26日", WEEK],
    ["4月20日至26日", WEEK],
    ["2024.4.20-2024.4.26", WEEK],
    ["4/20-4/26", WEEK],
    ["4.20-4.26", WEEK],
    ["4.20-26", WEEK],
    ["4月20-26日", WEEK],
    ["4月20-26", WEEK],
    ["2024年4月20日—2024年4月26日", WEEK],
    ["4月20日~26日", WEEK],
    ["4月20日～26日", WEEK],
    ["4月20日到26日", WEEK],
    ["4月20日——26日", WEEK],
    ["4月20日－26日", WEEK],
    ["4月20日–26日", WEEK],
    ["4月20日 - 4月26日", WEEK],
    ["4月20号-26号", WEEK],
    ["4月20日-26日期间", WEEK],
    ["宣传周期间（4月20日-26日）", WEEK],
    ["4月20日（周六）至4月26日（周五）", WEEK],
    ["4月20日9:00至4月26日17:00", WEEK],
    ["4月20日至4月26日每天9:00-17:00", WEEK],
    ["2024-04-20至2024-04-26", WEEK],
    ["2024.04.20-04.26", WEEK],
    ["20240420-20240426", WEEK],
    ["二〇二四年四月二十日至二十六日", WEEK],
    ["四月二十日-二十六日", WEEK],
    ["4月28日-5月2日", [range("2024-04-28", "2024-05-02")]],
    ["2024年4月25日至5月2日", [range("2024-04-25", "2024-05-02")]],
    ["12月30日-1月2日", [range("2024-12-30", "2025-01-02")]],
    // lists
    ["4月20日、22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20日、4月22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20日，21日", [day("2024-04-20"), day("2024-04-21")]],
    ["4月20、21日", [day("2024-04-20"), day("2024-04-21")]],
    ["4月20日,22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20日；22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20日及22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20日和22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20号、22号", [day("2024-04-20"), day("2024-04-22")]],
    ["4月22、23、24日", [day("2024-04-22"), day("2024-04-23"), day("2024-04-24")]],
    ["4/22、4/23", [day("2024-04-22"), day("2024-04-23")]],
    ["4/22,23", [day("2024-04-22"), day("2024-04-23")]],
    ["4月二十、二十一日", [day("2024-04-20"), day("2024-04-21")]],
    ["4月20日-22日、24日", [range("2024-04-20", "2024-04-22"), day("2024-04-24")]],
    ["4月22日9-11点、4月23日", [day("2024-04-22"), day("2024-04-23")]],
    ["1、4月20日；2、4月22日", [day("2024-04-20"), day("2024-04-22")]],
    // line breaks
    ["4月20日\n4月22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20日\r\n22日", [day("2024-04-20"), day("2024-04-22")]],
    ["4月20日上午\n\n  4月22日下午 14:00-16:00", [day("2024-04-20"), day("2024-04-22")]],
    ["第1场：4月20日\n第2场：4月22日", [day("2024-04-20"), day("2024-04-22")]],
    // other years come back as written, for the caller to report
    ["2023年4月22日", [day("2023-04-22")]],
    ["2023年4月20日、4月22日", [day("2023-04-20"), day("2023-04-22")]],
    ["2025/4/22", [day("2025-04-22")]],
    ["2月29日", [day("2024-02-29")]],
  ])("%j", (text, spans) => {
    expect(parseActivityTime(text, 2024)).toEqual({ ok: true, spans });
  });

  it("takes the year from defaultYear when the text has none", () => {
    expect(parseActivityTime("4月22日", 2025)).toEqual({ ok: true, spans: [day("2025-04-22")] });
    expect(parseActivityTime("4.20-4.26", 2025)).toEqual({ ok: true, spans: [range("2025-04-20", "2025-04-26")] });
  });
});

describe("parseActivityTime: what names no usable day", () => {
  type Failure = [text: string, reason: string, fragment?: string];
  const failures: Failure[] = [
    ["", "empty"],
    ["   ", "empty"],
    ["\n \r\n", "empty"],
    ["\u3000", "empty"],
    ["4月", "no-specific-day"],
    ["4月下旬", "no-specific-day"],
    ["4月中旬", "no-specific-day"],
    ["4月底", "no-specific-day"],
    ["4月第4周", "no-specific-day"],
    ["四月", "no-specific-day"],
    ["四月下旬", "no-specific-day"],
    ["2024年4月", "no-specific-day"],
    ["2024年", "no-specific-day"],
    ["2024", "no-specific-day"],
    ["上半年", "no-specific-day"],
    ["待定", "no-specific-day"],
    ["时间待定", "no-specific-day"],
    ["宣传周期间", "no-specific-day"],
    ["另行通知", "no-specific-day"],
    ["近期", "no-specific-day"],
    ["TBD", "no-specific-day"],
    ["9:30", "no-specific-day"],
    ["14:00-16:00", "no-specific-day"],
    ["13812345678", "no-specific-day"],
    ["22日", "no-specific-day", "22日"],
    ["20-22日", "no-specific-day", "22日"],
    ["4月20日至5月", "no-specific-day", "4月20日至5月"],
    ["abc", "unrecognised"],
    ["同上", "unrecognised"],
    ["见附件", "unrecognised"],
    ["-", "unrecognised"],
    ["4月31日", "impossible-date", "4月31日"],
    ["2月30日", "impossible-date", "2月30日"],
    ["13月1日", "impossible-date", "13月1日"],
    ["2024/4/31", "impossible-date", "2024/4/31"],
    ["4月0日", "impossible-date", "4月0日"],
    ["4.31", "impossible-date", "4.31"],
    ["13/1", "impossible-date", "13/1"],
    ["20240431", "impossible-date", "20240431"],
    ["四月三十一日", "impossible-date", "四月三十一日"],
    ["2023年2月29日", "impossible-date", "2023年2月29日"],
    ["2024年13月", "impossible-date", "2024年13月"],
    ["202年4月22日", "impossible-date", "202年4月22日"],
    ["4月32日上午9:30", "impossible-date", "4月32日"],
    ["4月22日、4月31日", "impossible-date", "4月31日"],
    ["4月20日-4月35日", "impossible-date", "4月35日"],
    ["4月22日-20日", "impossible-date", "4月22日-20日"],
    ["4月22日至3月1日", "impossible-date", "4月22日至3月1日"],
    ["４月３１日", "impossible-date", "４月３１日"],
  ];

  // As objects: jest would hand a callback with an optional third parameter its `done` callback.
  it.each(failures.map(([text, reason, fragment]) => ({ text, shown: JSON.stringify(text), reason, fragment })))(
    "$shown -> $reason",
    ({ text, reason, fragment }) => {
      const expected = fragment === undefined ? { ok: false, reason } : { ok: false, reason, fragment };
      expect(parseActivityTime(text, 2024)).toEqual(expected);
    },
  );
});

describe("parseActivityTime: properties", () => {
  const CHINESE_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  /** 1..31 as in dates: 九, 十, 十二, 二十, 二十二. */
  const chineseNumber = (n: number): string => {
    if (n < 10) return CHINESE_DIGITS[n]!;
    const tens = n >= 20 ? CHINESE_DIGITS[Math.floor(n / 10)]! : "";
    const units = n % 10 === 0 ? "" : CHINESE_DIGITS[n % 10]!;
    return `${tens}十${units}`;
  };
  const chineseYear = (year: number): string => [...String(year)].map((c) => CHINESE_DIGITS[Number(c)]!).join("");
  const fullWidth = (text: string): string =>
    text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
  const pad = (n: number): string => String(n).padStart(2, "0");

  type Style = (y: number, m: number, d: number) => string;
  const STYLES: Style[] = [
    (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
    (y, m, d) => `${y}/${m}/${d}`,
    (y, m, d) => `${y}.${m}.${d}`,
    (y, m, d) => `${y}${pad(m)}${pad(d)}`,
    (_, m, d) => `${m}/${d}`,
    (_, m, d) => `${m}.${d}`,
    (_, m, d) => `${m}月${d}日`,
    (_, m, d) => `${pad(m)}月${pad(d)}号`,
    (y, m, d) => `${y}年${m}月${d}日`,
    (y, m, d) => ` ${y} 年 ${m} 月 ${d} 日 `,
    (_, m, d) => fullWidth(`${m}月${d}日`),
    (_, m, d) => `${chineseNumber(m)}月${chineseNumber(d)}日`,
    (y, m, d) => `${chineseYear(y)}年${chineseNumber(m)}月${chineseNumber(d)}日`,
  ];
  const REMARKS = ["", "上午9:30", " 14:00-16:00", "（周一）", "全天", "下午", " 9:30:00", "\n"];

  it("reads any day of 2024 in any five styles, with or without a remark, as exactly that day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 }),
        fc.shuffledSubarray(STYLES, { minLength: 5, maxLength: 5 }),
        fc.constantFrom(...REMARKS),
        (offset, styles, remark) => {
          const date = new Date(Date.UTC(2024, 0, 1 + offset));
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const iso = `${y}-${pad(m)}-${pad(d)}`;
          for (const style of styles) {
            expect(parseActivityTime(style(y, m, d) + remark, 2024)).toEqual({ ok: true, spans: [day(iso)] });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  const DATE_CHARS = [..."0123456789 年月日号-/.:~—至到、，,；和及上午点时分(（周一)）二十〇廿\n\u3000０１２４－abc"];
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.string({ unit: fc.constantFrom(...DATE_CHARS), maxLength: 40 }),
  );

  it("never throws, and every span it returns is real and in order", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseActivityTime(text, 2024);
        if (!result.ok) return;
        expect(result.spans.length).toBeGreaterThan(0);
        for (const span of result.spans) {
          expect(parseIsoDate(span.start)).toBeDefined();
          expect(parseIsoDate(span.end)).toBeDefined();
          expect(span.start <= span.end).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("stays linear on long hostile input", () => {
    const hostile = "4月20日、".repeat(20_000) + "9:30-".repeat(20_000) + "1".repeat(100_000) + "二十".repeat(20_000);
    const started = Date.now();
    expect(() => parseActivityTime(hostile, 2024)).not.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

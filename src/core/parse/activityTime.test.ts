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
    ["4月22日报到", D22],
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

describe("parseActivityTime: deadlines and open bounds name no day", () => {
  it.each<[text: string, fragment: string]>([
    // a bound after the day
    ["4月26日前", "4月26日前"],
    ["4月25日之前", "4月25日之前"],
    ["4月26日以前", "4月26日以前"],
    ["4月20日起", "4月20日起"],
    ["4月22日起", "4月22日起"],
    ["4月20日开始", "4月20日开始"],
    ["4月20日以后", "4月20日以后"],
    ["4月20日之后", "4月20日之后"],
    ["4月20日后", "4月20日后"],
    ["4月26日止", "4月26日止"],
    ["4月26日为止", "4月26日为止"],
    ["4月26日截止", "4月26日截止"],
    ["4月22日前后", "4月22日前后"],
    ["4月22日左右", "4月22日左右"],
    ["4月26日前完成", "4月26日前"],
    ["请于4月26日前报送", "4月26日前"],
    ["4月26日（周五）前", "4月26日（周五）前"],
    ["4月26日周五前", "4月26日周五前"],
    ["2024年4月26日（星期五）之前", "2024年4月26日（星期五）之前"],
    ["4月26日 前", "4月26日 前"],
    ["４月２６日前", "４月２６日前"],
    ["四月二十六日前", "四月二十六日前"],
    ["4.26前", "4.26前"],
    ["4.20以后", "4.20以后"],
    ["4/26之前", "4/26之前"],
    ["2024-04-26前", "2024-04-26前"],
    ["2024年4月26日前", "2024年4月26日前"],
    // after a time of day, 前 and 止 still bound the day
    ["4月26日17:00前", "4月26日17:00前"],
    ["4月26日下午5点前", "4月26日下午5点前"],
    ["4月26日(周五)18:00前", "4月26日(周五)18:00前"],
    // a bound before the day
    ["截至4月26日", "截至4月26日"],
    ["截至4月22日", "截至4月22日"],
    ["截止4月26日", "截止4月26日"],
    ["截止到4月26日", "截止到4月26日"],
    ["截止至2024年4月26日", "截止至2024年4月26日"],
    ["截至 4月26日", "截至 4月26日"],
    ["截止日期：4月26日", "截止日期：4月26日"],
    ["不晚于4月26日", "不晚于4月26日"],
    ["不迟于4月26日", "不迟于4月26日"],
    ["最迟4月26日", "最迟4月26日"],
    ["最晚4.26", "最晚4.26"],
    ["自4月20日起", "自4月20日起"],
    ["从4月20日开始", "从4月20日开始"],
    ["拟自4月20日起开展", "自4月20日起"],
    ["截止4月26日前", "截止4月26日前"],
    // a connector that joins nothing
    ["至4月26日", "至4月26日"],
    ["到4月26日", "到4月26日"],
    ["直至4月26日", "直至4月26日"],
    ["即日起至4月26日", "至4月26日"],
    ["4月20日至", "4月20日至"],
    ["4月20日至今", "4月20日至今"],
    ["4月20日起至今", "4月20日起至今"],
    ["4月20日-", "4月20日-"],
    // one bound among several items fails the cell
    ["4月22日、4月26日前", "4月26日前"],
    ["4月22日举办讲座，4月26日前报送总结", "4月26日前"],
    ["4月20日起，4月26日止", "4月20日起"],
  ])("%j -> deadline %j", (text, fragment) => {
    expect(parseActivityTime(text, 2024)).toEqual({ ok: false, reason: "deadline", fragment });
  });

  it.each<[string, DateSpan[]]>([
    ["4月22日（具体时间另行通知）", [day("2024-04-22")]],
    ["4月22日前往企业调研", [day("2024-04-22")]],
    ["4月22日（周一）上午前往企业", [day("2024-04-22")]],
    ["4月22日后续活动另行通知", [day("2024-04-22")]],
    ["4月22日后勤保障到位", [day("2024-04-22")]],
    ["4月22日到企业调研", [day("2024-04-22")]],
    ["4月22日报到", [day("2024-04-22")]],
    ["亲自4月22日带队", [day("2024-04-22")]],
    ["4月22日下午", [day("2024-04-22")]],
    ["4月22日上午9:30", [day("2024-04-22")]],
    ["4月22日 14:00-16:00", [day("2024-04-22")]],
    ["4月22日（周一）", [day("2024-04-22")]],
    ["4月22日一场", [day("2024-04-22")]],
    // after a time of day, 起 开始 后 左右 speak of the hour
    ["4月22日14:00起", [day("2024-04-22")]],
    ["4月22日上午9点开始", [day("2024-04-22")]],
    ["4月22日上午9点左右", [day("2024-04-22")]],
    ["4月22日下午3点以后", [day("2024-04-22")]],
    ["4月22日9-11点、4月23日", [day("2024-04-22"), day("2024-04-23")]],
    // a start bound that a range then closes
    ["4月20日起至4月26日", [range("2024-04-20", "2024-04-26")]],
    ["4月20日起至26日", [range("2024-04-20", "2024-04-26")]],
    ["4月20日起至26日止", [range("2024-04-20", "2024-04-26")]],
    ["自4月20日至26日", [range("2024-04-20", "2024-04-26")]],
    ["从4月20日到4月26日", [range("2024-04-20", "2024-04-26")]],
    ["自2024年4月20日起，至4月26日止", [range("2024-04-20", "2024-04-26")]],
    ["4月20日开始至4月26日结束", [range("2024-04-20", "2024-04-26")]],
    ["4月20日—26日期间", [range("2024-04-20", "2024-04-26")]],
  ])("%j stays a day", (text, spans) => {
    expect(parseActivityTime(text, 2024)).toEqual({ ok: true, spans });
  });

  it.each(["宣传周期间", "4月下旬", "4月中旬", "4月底", "另行通知", "待定", "宣传周内"])(
    "%j stays no-specific-day",
    (text) => {
      expect(parseActivityTime(text, 2024)).toEqual({ ok: false, reason: "no-specific-day" });
    },
  );

  it("keeps the reasons before it: an impossible date, and a day without a month", () => {
    expect(parseActivityTime("4月31日前", 2024)).toEqual({ ok: false, reason: "impossible-date", fragment: "4月31日" });
    expect(parseActivityTime("22日至4月26日", 2024)).toEqual({ ok: false, reason: "no-specific-day", fragment: "22日" });
    expect(parseActivityTime("22日前", 2024)).toEqual({ ok: false, reason: "no-specific-day", fragment: "22日" });
  });
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

  it.each([
    // unclosed brackets after every day, so each remark is looked through to the end of the text if nothing stops it
    "4月20日(周".repeat(20_000),
    "4月20日(".repeat(20_000) + ")前",
    "截至4月26日前、".repeat(20_000),
    "自4月20日起，".repeat(20_000),
    "4月20日至".repeat(20_000),
    "至".repeat(50_000) + "4月26日",
    "周一".repeat(50_000),
    "4月20日" + "周一".repeat(50_000) + "前",
    "4月20日" + "上午".repeat(50_000) + "前",
    "4月20日 " + "前".repeat(100_000),
  ])("stays linear on long input full of bound words (%#)", (hostile) => {
    const started = Date.now();
    expect(() => parseActivityTime(hostile, 2024)).not.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

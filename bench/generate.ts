import * as XLSX from "@e965/xlsx";
import type { Cell, RawSheet } from "../src/core/rawSheet";
import { seededRandom } from "../test/support/seededRandom";

export { seededRandom };

const HOSTS = ["上海市市场监督管理局", "上海海关", "上海市教育委员会", "浦东新区知识产权局", "上海市公安局", "上海市人民检察院", "上海市商务委员会"];
const NAMES = ["知识产权保护中心开放日", "知识产权进校园", "专利检索公益培训", "商业秘密保护培训", "知识产权保护发展状况新闻发布会"];
const PLACES = ["市知识产权保护中心", "建平中学", "线上（微信视频号）", "市民中心", "上海国际会议中心"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
const GIVEN = "斌晴敏伟芳娜秀英华慧建国明丽强磊军洋勇艳杰涛超";
const TIME_STYLES = [
  (d: number) => `4月${d}日`,
  (d: number) => `2024/4/${d}`,
  (d: number) => `4月${d}日上午9:30`,
  (d: number) => `2024年4月${d}日`,
  (d: number) => `4.${d}`,
  (d: number) => `4月${d}日 14:00-16:00`,
  (d: number) => `4月${d}日-${Math.min(d + 2, 26)}日`,
];
export const CITY_HEADER = ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动规模（人数）", "协办部门", "联系人"];

function pick<T>(random: () => number, items: readonly T[] | string): T {
  return items[Math.floor(random() * items.length)] as T;
}

function digits(random: () => number, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

/** A contact as units write it: a 2-3 character name and a mobile or Shanghai landline, every one different. */
function contact(random: () => number): string {
  const name = pick<string>(random, SURNAMES) + pick<string>(random, GIVEN) + (random() < 0.4 ? pick<string>(random, GIVEN) : "");
  const phone = random() < 0.6 ? `13${digits(random, 9)}` : `021-${2 + Math.floor(random() * 7)}${digits(random, 7)}`;
  return `${name} ${phone}`;
}

/**
 * One 附件1 activity row as text, varied like real returns, with about one row in ten carrying a typical
 * mistake: a day outside the week, no phone, or 若干 as the head-count. `contactOf` decides who the contact is:
 * in real returns one unit's rows share one or two contacts.
 */
export function activityRow(random: () => number, contactOf: (random: () => number) => string = contact): string[] {
  const day = 20 + Math.floor(random() * 7);
  const row = [
    pick<string>(random, HOSTS),
    pick<string>(random, NAMES),
    pick<(d: number) => string>(random, TIME_STYLES)(day),
    pick<string>(random, PLACES),
    random() < 0.5 ? String(50 + Math.floor(random() * 450)) : `约${50 + Math.floor(random() * 450)}人`,
    "",
    contactOf(random),
  ];
  const mistake = random();
  if (mistake < 0.04) row[2] = "4月27日";
  else if (mistake < 0.07) row[6] = (row[6] ?? "").split(" ")[0] ?? "";
  else if (mistake < 0.1) row[4] = "若干";
  return row;
}

const text = (value: string): Cell | null => (value === "" ? null : { kind: "text", text: value });

/**
 * A RawSheet holding a 附件1 table of `rows` activities: the core's input without any file reading. Realistic:
 * blocks of 5 to 30 rows (one unit each) share one or two contacts. With `distinctContacts`, every row has a
 * contact of its own: the worst case, where no parse result can be reused.
 */
export function bigRawSheet(rows: number, seed = 1, distinctContacts = false): RawSheet {
  const random = seededRandom(seed);
  const body: Array<Array<Cell | null>> = [];
  while (body.length < rows) {
    const unitContacts = [contact(random), contact(random)];
    const block = Math.min(rows - body.length, 5 + Math.floor(random() * 26));
    for (let i = 0; i < block; i++) {
      const contactOf = distinctContacts ? contact : (r: () => number) => unitContacts[r() < 0.8 ? 0 : 1] ?? "";
      body.push(activityRow(random, contactOf).map(text));
    }
  }
  return {
    name: "Sheet1",
    hidden: false,
    merges: [],
    rows: [[text("2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）")], [text("单位名称：上海海关")], CITY_HEADER.map(text), ...body],
  };
}

/** A small returned 附件1 workbook as .xlsx bytes. */
export function returnedWorkbook(unit: string, rows: number, random: () => number): Uint8Array {
  const aoa = [
    ["2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）"],
    [`单位名称：${unit}`],
    CITY_HEADER,
    ...Array.from({ length: rows }, () => activityRow(random)),
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), "Sheet1");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

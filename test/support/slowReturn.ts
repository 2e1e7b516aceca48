/**
 * A return that is honest but slow to read: 100,000 activity rows (the most a return may hold), about 13 MB. It
 * takes seconds to parse and check, long enough to stand for a file that holds a reader up, now that every real
 * file that hung the parser is refused by its structure first (test/fixtures/hostile/). Written once per machine
 * into the temporary folder and reused (generating it takes ~10 s).
 */
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { CITY_HEADER, activityRow, seededRandom } from "../../bench/generate";

export const SLOW_RETURN_NAME = "slow-return-100000-rows.xlsx";
const ROWS = 100_000;

/** The path of the slow return, written if missing. */
export function slowReturnFile(): string {
  const file = path.join(tmpdir(), `huizong-v1-${SLOW_RETURN_NAME}`);
  if (existsSync(file)) return file;
  const random = seededRandom(42);
  const aoa = [["2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）"], ["单位名称：上海市大数据中心"], CITY_HEADER, ...Array.from({ length: ROWS }, () => activityRow(random))];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), "Sheet1");
  // Written beside and renamed, so a parallel test never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, XLSX.write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer);
  renameSync(partial, file);
  return file;
}

/**
 * What a benchmark of the Excel adapter needs: returns generated like real ones (附件1 sheets of a few activities
 * each, about one row in ten with a mistake), checked by the core as the pane checks picked files, and a merge of N of
 * them through the adapter into the in-memory Excel, reporting the syncs and the largest request and response.
 * Plain TypeScript, no Node: bench/ calls it under tsx, a browser page could too.
 */
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { reportFromCheck } from "../../src/core/fileReport";
import type { IncomingReturn } from "../../src/core/merge/merge";
import type { Cell, RawSheet } from "../../src/core/rawSheet";
import { createExcelHost } from "../../src/excel/excelHost";
import { readFailureMessages } from "../../src/messages/zhCN";
import type { FakeExcel, SyncRecord } from "./fakeExcel";
import { install, uninstall } from "./install";
import { seededRandom } from "../support/seededRandom";

const HOSTS = ["上海市市场监督管理局", "上海海关", "上海市教育委员会", "上海市公安局", "上海市人民检察院", "上海市商务委员会", "上海市版权局"];
const NAMES = ["知识产权保护中心开放日", "知识产权进校园", "专利检索公益培训", "商业秘密保护培训", "知识产权保护发展状况新闻发布会", "地理标志产品展示"];
const PLACES = ["市知识产权保护中心", "建平中学", "线上（微信视频号）", "市民中心", "上海国际会议中心", "徐汇区图书馆报告厅"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "斌晴敏伟芳娜秀英华慧建国明丽强磊军洋勇艳";
const CITY_HEADER = ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动规模（人数）", "协办部门", "联系人"];


function pick<T>(random: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(random() * items.length)] as T;
}

const text = (value: string): Cell | null => (value === "" ? null : { kind: "text", text: value });

/** One unit's 附件1, filled in: `rows` activities, the unit named `unit`. */
export function generatedSheet(random: () => number, unit: string, rows: number): RawSheet {
  const contact = `${pick(random, SURNAMES)}${pick(random, GIVEN)} 13${String(Math.floor(random() * 1e9)).padStart(9, "0")}`;
  const body = Array.from({ length: rows }, () => {
    const day = 20 + Math.floor(random() * 7);
    const mistake = random() < 0.1 ? Math.floor(random() * 3) : -1;
    return [
      pick(random, HOSTS),
      pick(random, NAMES),
      mistake === 0 ? `4月${day + 8}日` : `4月${day}日上午9:30`,
      pick(random, PLACES),
      mistake === 1 ? "若干" : `约${(1 + Math.floor(random() * 9)) * 50}人`,
      random() < 0.3 ? pick(random, HOSTS) : "",
      mistake === 2 ? contact.split(" ")[0] ?? "" : contact,
    ].map(text);
  });
  return {
    name: "Sheet1",
    hidden: false,
    rows: [[text("2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）")], [text(`单位名称：${unit}`)], CITY_HEADER.map(text), ...body],
    merges: [{ startRow: 0, startCol: 0, endRow: 0, endCol: 6 }],
  };
}

/** `count` returns from different units, 5-8 activities each, checked as the pane checks picked files. */
export function generatedReturns(count: number, seed = 20240420): IncomingReturn[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const unit = `第${index + 1}报送单位`;
    const sheet = generatedSheet(random, unit, 5 + Math.floor(random() * 4));
    const file = `${unit}.xlsx`;
    const check = checkWorkbook({ sheets: [sheet] });
    const report = reportFromCheck(file, check, { notATemplate: readFailureMessages["not-a-template"], master: readFailureMessages["master-workbook"] });
    return { report, submission: check.status === "not-a-template" ? undefined : check.submission, modifiedMs: 1_713_000_000_000 + index };
  });
}

export interface MergeMeasure {
  rows: number;
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  totalRequestBytes: number;
  milliseconds: number;
}

export interface WorkbookMergeBenchmark {
  returns: number;
  /** Merging every return into a workbook without a master. */
  newMaster: MergeMeasure;
  /** Merging them all again into that master (each unit's rows replaced). */
  updateMaster: MergeMeasure;
}

/**
 * Merges `returnCount` generated returns through the adapter into a fresh in-memory Excel, then once more into the
 * master it made. Installs the fake as the Excel/Office globals for the run and removes it afterwards.
 */
export async function benchmarkWorkbookMerge(returnCount: number, options: { apiVersion?: string } = {}): Promise<WorkbookMergeBenchmark> {
  const returns = generatedReturns(returnCount);
  const excel = install({ apiVersion: options.apiVersion ?? "1.18" });
  try {
    const host = createExcelHost();
    const campaign = { start: "2024-04-20", end: "2024-04-26" };
    const newMaster = await measure(excel, async () => (await host.mergeIntoWorkbook(returns, { roster: undefined, campaign })).result.rows.length);
    const updateMaster = await measure(excel, async () => (await host.mergeIntoWorkbook(returns, { roster: undefined, campaign })).result.rows.length);
    return { returns: returnCount, newMaster, updateMaster };
  } finally {
    uninstall();
  }
}

async function measure(excel: FakeExcel, run: () => Promise<number>): Promise<MergeMeasure> {
  const mark = excel.syncs.length;
  const started = Date.now();
  const rows = await run();
  const milliseconds = Date.now() - started;
  const syncs: SyncRecord[] = excel.syncsSince(mark);
  return {
    rows,
    syncs: syncs.length,
    largestRequestBytes: Math.max(0, ...syncs.map((sync) => sync.requestBytes)),
    largestResponseBytes: Math.max(0, ...syncs.map((sync) => sync.responseBytes)),
    totalRequestBytes: syncs.reduce((sum, sync) => sum + sync.requestBytes, 0),
    milliseconds,
  };
}

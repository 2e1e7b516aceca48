/**
 * Reading the pane on files from a test: the files it hands the user (a download started by a button, the master
 * inside it) and the result it shows per checked file.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import type { MasterRow } from "../../src/core/merge/masterRow";
import { readMasterState } from "../../src/core/merge/masterState";
import { readWorkbook } from "../../src/files/readWorkbook";

export interface Downloaded {
  /** The name the page suggested. */
  name: string;
  /** Where Playwright saved it (removed with the browser context). */
  path: string;
  bytes: Uint8Array;
}

/** Clicks `button` and waits for the download it starts. */
export async function download(page: Page, button: Locator, timeout: number): Promise<Downloaded> {
  const [started] = await Promise.all([page.waitForEvent("download", { timeout }), button.click()]);
  const saved = await started.path();
  return { name: started.suggestedFilename(), path: saved, bytes: new Uint8Array(readFileSync(saved)) };
}

/** 活动汇总's rows in a downloaded master, as the next merge will read them. */
export function masterRows(bytes: Uint8Array): MasterRow[] {
  const read = readWorkbook(bytes, "汇总表.xlsx");
  if (!read.ok) throw new Error(`the downloaded master does not read: ${read.code}`);
  return readMasterState(read.workbook.sheets).rows;
}

/** 活动汇总's rows in a downloaded master, counted by 来源文件. */
export function rowsBySourceFile(bytes: Uint8Array): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of masterRows(bytes)) counts[row.sourceFile] = (counts[row.sourceFile] ?? 0) + 1;
  return counts;
}

/** Each checked file's status badge in the list of results, by file name. */
export async function fileStatuses(list: Locator): Promise<Record<string, string>> {
  const items = list.locator(":scope > li");
  const statuses: Record<string, string> = {};
  for (let index = 0; index < (await items.count()); index++) {
    const item = items.nth(index);
    const name = await item.getByRole("heading", { level: 3 }).innerText();
    statuses[name] = (await item.getByText(/^(通过|有错误|无法读取|不是活动表|已忽略)$/).innerText()).trim();
  }
  return statuses;
}

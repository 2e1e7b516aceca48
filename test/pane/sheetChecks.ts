import { DEFAULT_CAMPAIGN, type CampaignSettings } from "../../src/core/campaign";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { reportFromCheck } from "../../src/core/fileReport";
import { issueCell } from "../../src/core/issueLocation";
import type { IncomingReturn } from "../../src/core/merge/merge";
import type { RawSheet } from "../../src/core/rawSheet";
import type { SheetCheckResult } from "../../src/host/workbookHost";
import { readFailureMessages } from "../../src/messages/zhCN";

/** What a host's checkActiveSheet returns for a sheet, built with the real core (check, then locate each issue). */
export function sheetCheckResult(sheet: RawSheet, campaign: CampaignSettings = DEFAULT_CAMPAIGN, notesSupported = true): SheetCheckResult {
  const check = checkWorkbook({ sheets: [sheet] }, { campaign });
  if (check.status === "not-a-template") return { sheetName: sheet.name, check, issues: [], markedCells: 0, notesSupported };
  const issues = check.submission.issues.map((issue) => ({ ...issue, address: issueCell(check.submission, issue)?.address ?? null }));
  const markedCells = new Set(issues.flatMap((issue) => (issue.address ? [issue.address] : []))).size;
  return { sheetName: sheet.name, check, issues, markedCells, notesSupported };
}

/** A returned file as readReturnFiles would give it, from a RawSheet, with the real core. */
export function returnOf(fileName: string, sheet: RawSheet, modifiedMs = 0, campaign: CampaignSettings = DEFAULT_CAMPAIGN): IncomingReturn {
  const check = checkWorkbook({ sheets: [sheet] }, { campaign });
  const messages = { notATemplate: readFailureMessages["not-a-template"], master: readFailureMessages["master-workbook"] };
  return {
    report: reportFromCheck(fileName, check, messages),
    submission: check.status === "not-a-template" ? undefined : check.submission,
    modifiedMs,
  };
}

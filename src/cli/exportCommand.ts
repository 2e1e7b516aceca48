import { readFile, stat } from "node:fs/promises";
import { exportConsolidated } from "../files/exportFile";
import { cliMessages as say, exportText } from "../messages/zhCN";
import { EXIT, type CommandResult } from "./exitCodes";
import { fileSystemReason } from "./systemErrors";
import { UsageError } from "./usageError";
import { writeFileAtomically } from "./writeOutput";

export interface ExportOptions {
  output: string;
  /** Also list activities whose 校验结果 is not empty. */
  all: boolean;
  /** Overwrite an existing file, or write a name not ending in .xlsx. */
  force: boolean;
  json: boolean;
}

/** `huizong export MASTER.xlsx -o FILE.xlsx`: just the 附件N汇总 sheets, as their own workbook, ready to send. */
export async function exportCommand(master: string, options: ExportOptions): Promise<CommandResult> {
  await checkOutputName(options.output, options.force);
  const bytes = await readFile(master).catch((error: unknown) => {
    throw new UsageError(say.cannotRead(master, fileSystemReason(error)), false);
  });
  const outcome = exportConsolidated({ bytes: new Uint8Array(bytes), fileName: master }, { includeRowsWithProblems: options.all });
  if (!outcome.ok) return failed(options, outcome.code, outcome.message);
  try {
    await writeFileAtomically(options.output, outcome.bytes);
  } catch (error) {
    return failed(options, "cannot-write", say.cannotWrite(options.output, fileSystemReason(error)));
  }
  const document = { output: options.output, sheets: outcome.sheets, leftOut: outcome.leftOut };
  const listed = outcome.sheets.map((sheet) => exportText.sheetLine(sheet.name, sheet.rows)).join("，");
  const text = [exportText.written(options.output, listed), ...(outcome.leftOut > 0 ? [exportText.leftOut(outcome.leftOut)] : [])].join("\n");
  return { output: options.json ? JSON.stringify(document, null, 2) : text, exitCode: EXIT.clean };
}

function failed(options: ExportOptions, code: string, message: string): CommandResult {
  return { output: options.json ? JSON.stringify({ error: { code, message } }, null, 2) : message, exitCode: EXIT.unusable };
}

/** As for templates: never over a file the clerk may not mean to lose, never under a name Excel will not open. */
async function checkOutputName(output: string, force: boolean): Promise<void> {
  const info = await stat(output).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(exportText.isFolder(output), false);
  if (force) return;
  if (!/\.xlsx$/i.test(output)) throw new UsageError(exportText.notXlsx(output), false);
  if (info) throw new UsageError(exportText.exists(output), false);
}

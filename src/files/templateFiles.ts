/**
 * 附件1/附件2 as files to send: one .xlsx (what `huizong template` writes and the pane in a browser downloads), or one
 * per unit of the roster, each with its 单位名称 filled in, in a single .zip.
 *
 * Browser-safe (no Node APIs). It pulls in ExcelJS through writeWorkbook: the pane loads it with `await import`.
 */
import { zipSync, type Zippable } from "fflate";
import { templateWorkbookPlan } from "../core/plans/templatePlan";
import { templates } from "../core/templates/registry";
import type { TemplateKind } from "../core/templates/templateSchema";
import type { TemplateRequest } from "../host/workbookHost";
import { writeWorkbook } from "./writeWorkbook";

/** Longest unit name kept in a file name, in characters: long enough for any real unit, short of path limits. */
const MAX_UNIT_CHARS = 60;

/**
 * The name a template is offered under: "附件1-市级层面.xlsx" without a unit, "附件2-浦东新区知识产权局.xlsx" with one.
 * The unit is made safe for Windows, macOS and Linux file names (see {@link fileNamePart}); a unit with nothing left
 * gives the name without a unit.
 */
export function templateFileName(kind: TemplateKind, unit?: string): string {
  const template = templates[kind];
  const part = unit === undefined ? "" : fileNamePart(unit);
  return `${template.attachment}-${part || `${template.level}层面`}.xlsx`;
}

/** A template as an .xlsx file: the same sheet plan Excel inserts and `huizong template` writes. */
export async function templateFile(request: TemplateRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  const plan = templateWorkbookPlan(templates[request.kind], { campaign: request.campaign, unit: request.unit });
  return { fileName: templateFileName(request.kind, request.unit), bytes: await writeWorkbook(plan) };
}

/**
 * One template per unit, its 单位名称 filled in, zipped as "附件1-各单位模板.zip". Units are taken as given, in
 * order; blank ones and repeats are skipped (one file per unit). Two units whose names come out alike in a file
 * name (they differ only in characters a file name cannot hold, or past the length limit) get "(2)", "(3)"…
 *
 * The entries are stored, not deflated again (an .xlsx is already a deflated zip), under UTF-8 names with the
 * language-encoding flag set (fflate sets bit 11 for any name outside ASCII), so Windows' Explorer, 7-Zip and
 * macOS show the Chinese names.
 */
export async function rosterTemplatesZip(
  request: Omit<TemplateRequest, "unit">,
  units: readonly string[],
): Promise<{ fileName: string; bytes: Uint8Array; count: number }> {
  const wanted = [...new Set(units.map((unit) => unit.trim()).filter((unit) => unit !== ""))];
  const entries: Zippable = {};
  const taken = new Set<string>();
  for (const unit of wanted) {
    const file = await templateFile({ kind: request.kind, campaign: request.campaign, unit });
    const fileName = uniqueName(file.fileName, taken);
    entries[fileName] = [file.bytes, { level: 0 }];
  }
  const attachment = templates[request.kind].attachment;
  return { fileName: `${attachment}-各单位模板.zip`, bytes: zipSync(entries), count: wanted.length };
}

/**
 * Text made safe as part of a file name: runs of white space become one space, and runs of the characters Windows
 * refuses (\ / : * ? " < > |) or control characters one "_"; trimmed, cut to {@link MAX_UNIT_CHARS} characters
 * (never inside a surrogate pair), without the leading and trailing dots and spaces Windows and macOS mishandle.
 */
export function fileNamePart(text: string): string {
  // eslint-disable-next-line no-control-regex
  const replaced = text.replace(/\s+/g, " ").replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_").trim();
  return Array.from(replaced).slice(0, MAX_UNIT_CHARS).join("").replace(/[. ]+$/, "").replace(/^[. ]+/, "");
}

/** The name, or the name with "(2)", "(3)"… before the extension, not yet taken; compared as Windows does, ignoring case. */
function uniqueName(fileName: string, taken: Set<string>): string {
  const dot = fileName.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ""];
  let candidate = fileName;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}(${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

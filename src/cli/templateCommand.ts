import { stat } from "node:fs/promises";
import path from "node:path";
import type { CampaignSettings } from "../core/campaign";
import { templates } from "../core/templates/registry";
import type { TemplateKind } from "../core/templates/templateSchema";
import { templateFile } from "../files/templateFiles";
import { cliMessages as say, weekWithYearText } from "../messages/zhCN";
import { EXIT, type CommandResult } from "./exitCodes";
import { fileSystemReason } from "./systemErrors";
import { UsageError } from "./usageError";
import { writeFileAtomically } from "./writeOutput";

export interface TemplateOptions {
  kind: TemplateKind;
  unit: string | undefined;
  campaign: CampaignSettings;
  output: string;
  /** Overwrite an existing file, or write a name not ending in .xlsx. */
  force: boolean;
  json: boolean;
}

/** `huizong template`: 附件1 or 附件2 as an .xlsx ready to send, with its own guidance and validation. */
export async function templateCommand(options: TemplateOptions): Promise<CommandResult> {
  await checkOutputName(options.output, options.force);
  const template = templates[options.kind];
  const { bytes } = await templateFile({ kind: options.kind, campaign: options.campaign, unit: options.unit });
  try {
    await writeFileAtomically(options.output, bytes);
  } catch (error) {
    const message = say.cannotWrite(options.output, fileSystemReason(error));
    return { output: options.json ? JSON.stringify({ error: { code: "cannot-write", message } }, null, 2) : message, exitCode: EXIT.unusable };
  }
  const summary = {
    output: options.output,
    kind: options.kind,
    unit: options.unit ?? null,
    campaign: options.campaign,
  };
  const text = say.templateWritten(options.output, `${template.attachment} ${template.level}层面`, weekWithYearText(options.campaign.start, options.campaign.end), options.unit);
  return { output: options.json ? JSON.stringify(summary, null, 2) : text, exitCode: EXIT.clean };
}

/**
 * A template is written where the clerk says, but not over a file she may not mean to lose (last year's template,
 * a return), and not under a name Excel will not open as a workbook (`附件1`, `附件1.xls`), unless she confirms.
 */
async function checkOutputName(output: string, force: boolean): Promise<void> {
  const info = await stat(output).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(say.templateIsFolder(output, path.join(output, "附件1.xlsx")), false);
  if (force) return;
  if (!/\.xlsx$/i.test(output)) throw new UsageError(say.templateNotXlsx(output), false);
  if (info) throw new UsageError(say.templateExists(output), false);
}

import type { CampaignSettings } from "../core/campaign";
import { templates } from "../core/templates/registry";
import type { TemplateKind } from "../core/templates/templateSchema";
import { templateFile } from "../files/templateFiles";
import { cliMessages as say, weekText } from "../messages/zhCN";
import { EXIT, type CommandResult } from "./exitCodes";
import { writeFileAtomically } from "./writeOutput";

export interface TemplateOptions {
  kind: TemplateKind;
  unit: string | undefined;
  campaign: CampaignSettings;
  output: string;
  json: boolean;
}

/** `huizong template`: 附件1 or 附件2 as an .xlsx ready to send, with its own guidance and validation. */
export async function templateCommand(options: TemplateOptions): Promise<CommandResult> {
  const template = templates[options.kind];
  const { bytes } = await templateFile({ kind: options.kind, campaign: options.campaign, unit: options.unit });
  try {
    await writeFileAtomically(options.output, bytes);
  } catch (error) {
    const message = say.cannotWrite(options.output, (error as Error).message);
    return { output: options.json ? JSON.stringify({ error: { code: "cannot-write", message } }, null, 2) : message, exitCode: EXIT.unusable };
  }
  const summary = {
    output: options.output,
    kind: options.kind,
    unit: options.unit ?? null,
    campaign: options.campaign,
  };
  const text = say.templateWritten(options.output, `${template.attachment} ${template.level}层面`, weekText(options.campaign.start, options.campaign.end), options.unit);
  return { output: options.json ? JSON.stringify(summary, null, 2) : text, exitCode: EXIT.clean };
}

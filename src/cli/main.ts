#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { DEFAULT_CAMPAIGN, resolveCampaign, type CampaignSettings } from "../core/campaign";
import type { TemplateKind } from "../core/templates/templateSchema";
import { cliMessages as say, helpText } from "../messages/zhCN";
import { EXIT, type CommandResult } from "./exitCodes";
import { terminalText } from "./terminalText";

// Each command's module is imported only when that command runs: `validate` never loads ExcelJS, and the
// spreadsheet libraries load in the worker threads that read files, not here.

/** A usage problem found after parsing (bad --start/--end): reported like commander's own usage errors. */
class UsageError extends Error {
  override name = "UsageError";
}

interface WeekOptions {
  start?: string;
  end?: string;
}

/** Validated before any command module loads, so a bad week is a usage error (exit 2) like any other. */
function campaignFrom(options: WeekOptions): CampaignSettings | undefined {
  if (options.start === undefined && options.end === undefined) return undefined;
  const parsed = resolveCampaign(options);
  if (!parsed.success) throw new UsageError(say.badWeek(parsed.error.issues.map((issue) => issue.message).join("；")));
  return parsed.data;
}

function weekOptions(command: Command): Command {
  return command
    .addOption(new Option("--start <YYYY-MM-DD>", helpText.start))
    .addOption(new Option("--end <YYYY-MM-DD>", helpText.end));
}

function buildProgram(run: (result: Promise<CommandResult>) => void): Command {
  const program = new Command("huizong")
    .description(helpText.program)
    .helpOption("-h, --help", helpText.help)
    .helpCommand("help [command]", helpText.helpCommand)
    .configureHelp({ styleTitle: (title) => helpText.titles[title] ?? title })
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (text) => process.stdout.write(text) });

  weekOptions(
    program
      .command("validate")
      .description(helpText.validate)
      .argument("<FILE...>", helpText.files)
      .option("--roster <ROSTER>", helpText.validateRoster)
      .option("--json", helpText.json),
  ).action((files: string[], options: WeekOptions & { roster?: string; json?: boolean }) => {
    const settings = { json: options.json === true, campaign: campaignFrom(options), roster: options.roster };
    run(import("./validateCommand").then(({ validateCommand }) => validateCommand(files, settings)));
  });

  weekOptions(
    program
      .command("template")
      .description(helpText.template)
      .addOption(new Option("--kind <kind>", helpText.kind).choices(["city", "district"]).makeOptionMandatory())
      .option("--unit <NAME>", helpText.unit)
      .requiredOption("-o, --output <FILE.xlsx>", helpText.templateOutput)
      .option("--json", helpText.json),
  ).action((options: WeekOptions & { kind: TemplateKind; unit?: string; output: string; json?: boolean }) => {
    const settings = {
      kind: options.kind,
      unit: options.unit,
      output: options.output,
      json: options.json === true,
      campaign: campaignFrom(options) ?? DEFAULT_CAMPAIGN,
    };
    run(import("./templateCommand").then(({ templateCommand }) => templateCommand(settings)));
  });

  weekOptions(
    program
      .command("merge")
      .description(helpText.merge)
      .argument("<FILE...>", helpText.files)
      .requiredOption("-o, --output <MASTER.xlsx>", helpText.masterOutput)
      .option("--roster <ROSTER>", helpText.roster)
      .option("--force", helpText.force)
      .option("--json", helpText.json),
  ).action((files: string[], options: WeekOptions & { output: string; roster?: string; force?: boolean; json?: boolean }) => {
    const settings = {
      output: options.output,
      roster: options.roster,
      force: options.force === true,
      json: options.json === true,
      campaign: campaignFrom(options),
    };
    run(import("./mergeCommand").then(({ mergeCommand }) => mergeCommand(files, settings)));
  });
  return program;
}

/** Commander's error codes in the clerk's language. */
function usageMessage(error: CommanderError): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "commander.unknownOption":
      return say.usageError(`不认识的选项 ${option}`);
    case "commander.unknownCommand":
      return say.usageError(`不认识的命令 ${option}，可用：template、validate、merge`);
    case "commander.missingArgument":
      return say.usageError("缺少要处理的文件");
    case "commander.optionMissingArgument":
      return say.usageError(`选项 ${option} 后缺少取值`);
    case "commander.missingMandatoryOptionValue":
      return say.usageError(`缺少必需的选项 ${option}`);
    case "commander.invalidArgument":
      return say.usageError("--kind 只能是 city（附件1 市级层面）或 district（附件2 区级层面）");
    case "commander.excessArguments":
      return say.usageError("多余的参数");
    default:
      return say.usageError(error.message.replace(/^error:\s*/, ""));
  }
}

function printUsageError(message: string, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify({ error: { code: "usage", message } }, null, 2)}\n`);
  else process.stderr.write(`${terminalText(message)}\n${say.seeHelp}\n`);
  process.exitCode = EXIT.unusable;
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  let pending: Promise<CommandResult> | undefined;
  try {
    // The callback returns nothing: commander would otherwise chain onto the command's promise and turn its
    // rejection into an unhandled one.
    buildProgram((result) => {
      pending = result;
    }).parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0 and their text already printed.
      if (error.exitCode === 0) return;
      return printUsageError(usageMessage(error), json);
    }
    if (error instanceof UsageError) return printUsageError(error.message, json);
    throw error;
  }
  if (!pending) return printUsageError(say.usageError("请给出命令：template、validate 或 merge"), json);
  const result = await pending;
  // JSON escapes control characters itself; the human report shows them as codes (terminalText.ts).
  process.stdout.write(`${json ? result.output : terminalText(result.output)}\n`);
  process.exitCode = result.exitCode;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A crash is never an exit code: it is reported as a message (with the stack for a bug report).
  process.stderr.write(`${say.internalError}\n${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = EXIT.unusable;
});

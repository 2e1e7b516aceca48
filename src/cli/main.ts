#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import packageJson from "../../package.json";
import { DEFAULT_CAMPAIGN, LONGEST_PLAUSIBLE_WEEK_DAYS, resolveCampaign, type CampaignInputProblem, type CampaignSettings } from "../core/campaign";
import type { TemplateKind } from "../core/templates/templateSchema";
import { cliMessages as say, helpText } from "../messages/zhCN";
import { EXIT, type CommandResult } from "./exitCodes";
import { terminalText } from "./terminalText";
import { commandNames, helpConfiguration, usageMessage } from "./usage";
import { UsageError } from "./usageError";
import { enterUserFolder } from "./workingFolder";

// Each command's module is imported only when that command runs. `validate` and `merge` run in the engine, a child
// process the supervisor watches (supervisor.ts): this process parses the arguments, waits and prints.

interface WeekOptions {
  start?: string;
  end?: string;
  force?: boolean;
}

/**
 * Validated before any command module loads, so a bad week is a usage error (exit 2) like any other. A week of
 * more than a month is nearly always a typo in a month or a year, and would pass every date of it: confirmed with
 * --force.
 */
function campaignFrom(options: WeekOptions): CampaignSettings | undefined {
  if (options.start === undefined && options.end === undefined) return undefined;
  const parsed = resolveCampaign(options);
  if (!parsed.success) throw new UsageError(say.badWeek(parsed.problems.map(weekProblemText).join("；")));
  if (parsed.days > LONGEST_PLAUSIBLE_WEEK_DAYS && options.force !== true) throw new UsageError(say.longWeek(parsed.days));
  return parsed.data;
}

function weekProblemText(problem: CampaignInputProblem): string {
  return problem.code === "not-a-day"
    ? say.notADay(`--${problem.flag}`, problem.value)
    : say.endBeforeStart(problem.start, problem.end, problem.startGiven);
}

function weekOptions(command: Command): Command {
  return command
    .addOption(new Option(`--start <${helpText.dateValue}>`, helpText.start))
    .addOption(new Option(`--end <${helpText.dateValue}>`, helpText.end));
}

function buildProgram(run: (result: Promise<CommandResult>) => void): Command {
  const program = new Command("huizong")
    .description(helpText.program)
    .version(packageJson.version, "-v, --version", helpText.version)
    .helpOption("-h, --help", helpText.help)
    .helpCommand(`help [${helpText.commandPlaceholder.slice(1, -1)}]`, helpText.helpCommand)
    .configureHelp(helpConfiguration)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (text) => process.stdout.write(text) });

  weekOptions(
    program
      .command("validate")
      .description(helpText.validate)
      .argument(`<${helpText.filesArgument}...>`, helpText.files)
      .option(`--roster <${helpText.rosterValue}>`, helpText.validateRoster)
      .option("--force", helpText.validateForce)
      .option("--json", helpText.json),
  ).action((files: string[], options: WeekOptions & { roster?: string; json?: boolean }) => {
    const settings = { json: options.json === true, campaign: campaignFrom(options), roster: options.roster };
    run(import("./supervisor").then(({ runSupervised }) => runSupervised({ name: "validate", args: files, options: settings })));
  });

  weekOptions(
    program
      .command("template")
      .description(helpText.template)
      .addOption(new Option(`--kind <${helpText.kindValue}>`, helpText.kind).choices(["city", "district"]).makeOptionMandatory())
      .option(`--unit <${helpText.unitValue}>`, helpText.unit)
      .requiredOption(`-o, --output <${helpText.templateFileValue}>`, helpText.templateOutput)
      .option("--force", helpText.templateForce)
      .option("--json", helpText.json),
  ).action((options: WeekOptions & { kind: TemplateKind; unit?: string; output: string; json?: boolean }) => {
    const settings = {
      kind: options.kind,
      unit: options.unit,
      output: options.output,
      force: options.force === true,
      json: options.json === true,
      campaign: campaignFrom(options) ?? DEFAULT_CAMPAIGN,
    };
    run(import("./templateCommand").then(({ templateCommand }) => templateCommand(settings)));
  });

  weekOptions(
    program
      .command("merge")
      .description(helpText.merge)
      .argument(`<${helpText.filesArgument}...>`, helpText.files)
      .requiredOption(`-o, --output <${helpText.masterFileValue}>`, helpText.masterOutput)
      .option(`--roster <${helpText.rosterValue}>`, helpText.roster)
      .option(`--chase <${helpText.chaseValue}>`, helpText.chase)
      .option("--force", helpText.mergeForce)
      .option("--json", helpText.json),
  ).action((files: string[], options: WeekOptions & { output: string; roster?: string; chase?: string; json?: boolean }) => {
    const settings = {
      output: options.output,
      roster: options.roster,
      chase: options.chase,
      force: options.force === true,
      json: options.json === true,
      campaign: campaignFrom(options),
    };
    run(import("./supervisor").then(({ runSupervised }) => runSupervised({ name: "merge", args: files, options: settings })));
  });

  program
    .command("export")
    .description(helpText.export)
    .argument(`<${helpText.masterFileValue}>`, helpText.exportMaster)
    .requiredOption(`-o, --output <${helpText.exportFileValue}>`, helpText.exportOutput)
    .option("--all", helpText.exportAll)
    .option("--force", helpText.exportForce)
    .option("--json", helpText.json)
    .action((master: string, options: { output: string; all?: boolean; force?: boolean; json?: boolean }) => {
      const settings = { output: options.output, all: options.all === true, force: options.force === true, json: options.json === true };
      run(import("./exportCommand").then(({ exportCommand }) => exportCommand(master, settings)));
    });
  return program;
}

function printUsageError(message: string, json: boolean, hint = true): void {
  if (json) process.stdout.write(`${JSON.stringify({ error: { code: "usage", message } }, null, 2)}\n`);
  else process.stderr.write(`${terminalText(message)}\n${hint ? `${say.seeHelp}\n` : ""}`);
  process.exitCode = EXIT.unusable;
}

async function main(argv: string[]): Promise<void> {
  enterUserFolder();
  const json = argv.includes("--json");
  let pending: Promise<CommandResult> | undefined;
  const program = buildProgram((result) => {
    pending = result;
  });
  try {
    // The callback returns nothing: commander would otherwise chain onto the command's promise and turn its
    // rejection into an unhandled one.
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0 and their text already printed.
      if (error.exitCode === 0) return;
      // `huizong` alone: the overview of the commands is the answer, before saying one is missing.
      if (error.code === "commander.help" && !json) process.stderr.write(`${program.helpInformation()}\n`);
      return printUsageError(usageMessage(error, program, argv), json, error.code !== "commander.help");
    }
    if (error instanceof UsageError) return printUsageError(error.message, json, error.showHelpHint);
    throw error;
  }
  if (!pending) return printUsageError(say.usageError(say.noCommand(commandNames(program).filter((name) => name !== "help"))), json);
  let result: CommandResult;
  try {
    result = await pending;
  } catch (error) {
    if (error instanceof UsageError) return printUsageError(error.message, json, error.showHelpHint);
    throw error;
  }
  // JSON escapes control characters itself; the human report shows them as codes (terminalText.ts).
  process.stdout.write(`${json ? result.output : terminalText(result.output)}\n`);
  process.exitCode = result.exitCode;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A crash is never an exit code: it is reported as a message (with the stack for a bug report).
  process.stderr.write(`${say.internalError}\n${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = EXIT.unusable;
});

import type { Argument, Command, CommanderError, Help } from "commander";
import { cliMessages as say, helpText } from "../messages/zhCN";
import { closestCommand, closestOption } from "./suggest";

/**
 * The command line's help and usage errors in the clerk's language. Commander writes its help and its errors in
 * English (`Usage:`, `[options]`, `error: unknown option`, `(choices: …)`); everything it would show is replaced
 * here, and its errors are told by their codes, never by their text.
 */

/** `validate [选项] <文件或文件夹...>`: commander's usage with its English placeholders in Chinese. */
export function usageOf(command: Command): string {
  return [
    command.name(),
    command.options.length > 0 || command.commands.length > 0 ? helpText.optionsPlaceholder : "",
    command.commands.length > 0 ? helpText.commandPlaceholder : "",
    ...command.registeredArguments.map(argumentTerm),
  ]
    .filter((part) => part !== "")
    .join(" ");
}

function argumentTerm(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? "..." : ""}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

function ancestorsOf(command: Command): string[] {
  const names: string[] = [];
  for (let parent = command.parent; parent; parent = parent.parent) names.unshift(parent.name());
  return names;
}

// Hangul, CJK (with its punctuation and full-width forms) and the supplementary ideographs take two columns.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;
// eslint-disable-next-line no-control-regex -- colours are escape sequences
const COLOUR = /\u001b\[[0-9;]*m/g;

/** Columns a text takes in a terminal: commander counts characters, and Chinese descriptions came out ragged. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text.replace(COLOUR, "")) width += WIDE.test(character) ? 2 : 1;
  return width;
}

/**
 * Text folded to a width of terminal columns. Commander folds at spaces only, which Chinese has none of: a
 * sentence came out as one overlong line, or broke around the one Latin word in it. Here a line may break between
 * any two Chinese characters (not before the punctuation that closes a clause), or at a space; Latin words and
 * flags stay whole.
 */
export function wrapText(text: string, width: number): string {
  if (width < 20) return text;
  return text
    .split("\n")
    .map((paragraph) => {
      const lines: string[] = [];
      let line = "";
      for (const token of paragraph.match(TOKENS) ?? []) {
        if (line !== "" && displayWidth(line + token) > width && !/^\s+$/.test(token) && !CLOSING.test(token)) {
          lines.push(line.trimEnd());
          line = "";
        }
        if (line === "" && /^\s+$/.test(token)) continue;
        line += token;
      }
      lines.push(line.trimEnd());
      return lines.join("\n");
    })
    .join("\n");
}

/** A run of spaces, a date, a Latin word or flag, or one character of anything else (each a place to break before). */
const TOKENS = /\s+|\d{4}年\d{1,2}月\d{1,2}日|[\x21-\x7e]+|./gu;
/** Punctuation that never starts a line in Chinese typesetting. */
const CLOSING = /^[，。、；：？！）」』”’》〉】…]/;

/** What configureHelp gets: every English word commander would print, in Chinese. */
export const helpConfiguration: Partial<Help> = {
  styleTitle: (title) => helpText.titles[title] ?? title,
  // Commander appends `(choices: …)` and `(default: …)` in English; each description says them in Chinese.
  optionDescription: (option) => option.description,
  commandUsage: (command) => [...ancestorsOf(command), usageOf(command)].join(" "),
  subcommandTerm: usageOf,
  displayWidth,
  boxWrap: wrapText,
};

/** The names a clerk may type as a command; help is one too. */
export function commandNames(program: Command): string[] {
  return [...program.commands.map((command) => command.name()), "help"];
}

/** The subcommand argv names, if any: a mistyped option is compared with its options. */
function commandOf(program: Command, argv: readonly string[]): Command {
  const name = argv.find((arg) => !arg.startsWith("-"));
  return program.commands.find((command) => command.name() === name) ?? program;
}

/** The flags of an option as commander quotes them (`-o, --output <文件.xlsx>`), without the value's placeholder. */
function quotedName(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  return quoted.replace(/\s*[<[].*$/, "");
}

/** Options the command does not know, in the order typed (`--type`, `--out=x`); `--` ends the options. */
function unknownOptionsIn(command: Command, argv: readonly string[]): string[] {
  const known = new Set<string>();
  for (const owner of [command, command.parent]) {
    for (const option of owner?.options ?? []) for (const flag of [option.long, option.short]) if (flag) known.add(flag);
  }
  known.add("--help").add("-h");
  const end = argv.indexOf("--");
  const options = (end === -1 ? argv : argv.slice(0, end)).filter((arg) => /^-./.test(arg) && !/^-\d/.test(arg));
  return options.map((arg) => arg.replace(/=.*$/, "")).filter((flag) => !known.has(flag));
}

function unknownOptionMessage(option: string, command: Command): string {
  // `huizong --json`: an option of the commands, given without one.
  if (!command.parent && command.commands.some((sub) => sub.options.some((known) => known.long === option))) {
    return say.usageError(say.noCommand(commandNames(command).filter((name) => name !== "help")));
  }
  const known = [...command.options, ...(command.parent?.options ?? [])].flatMap((candidate) => candidate.long ?? []);
  const suggestion = closestOption(option, [...known, "--help"]);
  return say.usageError(suggestion ? `${say.unknownOption(option)}，${say.didYouMean(suggestion)}` : say.unknownOption(option));
}

function unknownCommandMessage(typed: string, program: Command): string {
  const known = commandNames(program);
  const suggestion = closestCommand(typed, known);
  const unknown = say.unknownCommand(typed, known);
  return say.usageError(suggestion ? `${unknown}。${say.didYouMean(suggestion)}` : unknown);
}

/** Commander's error in the clerk's words, from its code; what argv held explains it further where it can. */
export function usageMessage(error: CommanderError, program: Command, argv: readonly string[]): string {
  const command = commandOf(program, argv);
  switch (error.code) {
    case "commander.unknownOption":
      return unknownOptionMessage(quotedName(error), command);
    case "commander.unknownCommand":
      return unknownCommandMessage(quotedName(error), program);
    case "commander.missingArgument":
      return say.usageError(say.missingFiles);
    case "commander.optionMissingArgument":
      return say.usageError(say.optionMissingValue(quotedName(error)));
    case "commander.missingMandatoryOptionValue": {
      // Commander asks for --kind before it notices --type: the mistyped option is the real mistake.
      const unknown = unknownOptionsIn(command, argv)[0];
      if (unknown !== undefined) return unknownOptionMessage(unknown, command);
      const missing = quotedName(error);
      // `template --kind city 附件1.xlsx`: the file is there, only -o is missing before it.
      const file = argv.slice(argv.indexOf(command.name()) + 1).find((arg) => /\.xlsx$/i.test(arg) && !arg.startsWith("-"));
      return say.usageError(missing.includes("--output") && file && command.registeredArguments.length === 0 ? say.outputNeedsFlag(file) : say.missingOption(missing));
    }
    case "commander.invalidArgument":
      return say.usageError(say.badKind);
    case "commander.excessArguments":
      return say.usageError(command.name() === "template" ? say.templateTakesNoFiles : say.excessArguments);
    case "commander.help": {
      // `huizong help nothing` ends here like `huizong` alone: the typed name is what to answer.
      const asked = argv[0] === "help" ? argv[1] : undefined;
      if (asked !== undefined && !asked.startsWith("-")) return unknownCommandMessage(asked, program);
      return say.usageError(say.noCommand(commandNames(program).filter((name) => name !== "help")));
    }
    default:
      // Commander's own sentence is English: the code alone says it is a usage error, and the help says the rest.
      return say.usageError(say.badUsage);
  }
}

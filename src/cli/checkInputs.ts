/**
 * Reads and checks the files named on the command line. One file after another on this thread; with many files,
 * a second thread reads beside it (twoReaders.ts), both taking the next file from one shared count, since a check
 * takes milliseconds and most of a merge is reading. What keeps a hanging or exploding file from stopping the run
 * is the supervisor (supervisor.ts): this whole command runs in a child process it watches, told through
 * {@link FileWatch} which file is being checked, so it knows whose fault a hang or a death is, gives that file up
 * and starts the run again without it. The second thread is watched the same way from this process.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { campaignYear, type CampaignSettings } from "../core/campaign";
import type { CheckOptions } from "../core/checkWorkbook";
import { unreadableReport } from "../core/fileReport";
import { metadataCampaign } from "../core/templateMetadata";
import { checkFile, type CheckedFile } from "../files/checkFile";
import { describeError } from "../files/checkMessages";
import { phaseClock } from "../files/phaseClock";
import { DEFAULT_READ_LIMITS } from "../files/readLimits";
import { cliMessages, readFailureMessages } from "../messages/zhCN";
import { DEFAULT_TIMEOUT_MS, SECOND_READER_FROM } from "./engineProtocol";
import { readInput } from "./inputFiles";
import { terminalText } from "./terminalText";

/** Why a file was given up by the supervisor: it ran past its time, or its process died on it. */
export type GivenUpCode = "read-timeout" | "corrupt";

/**
 * How a run of checks is watched; without a supervisor (UNWATCHED) nothing is told, checkFile is the checker, and
 * the second reading thread, if one starts, is still watched by this process.
 */
export interface FileWatch {
  /** File `index` (of `total`) is about to be checked: its clock starts, and the one before it is done. */
  starting(index: number, total: number, file: string): void;
  /** Every file is checked: the clock stops. */
  finished(): void;
  /** Files an earlier attempt of this run hung or died on: reported unreadable without being touched again. */
  givenUp: ReadonlyMap<number, GivenUpCode>;
  /** The checker; tests swap in one that misbehaves on cue. */
  check: typeof checkFile;
  /** Where a failed file's cause goes, in English for maintainers (the report says it in Chinese). */
  log(line: string): void;
  /** A second thread reads too: from now until `finished`, a death of the process may be either thread's file. */
  readingOnTwoThreads(): void;
  /** This thread has no file of its own left; the rest are the second reader's, watched here: the clock stops. */
  waiting(): void;
  /** A second thread may read beside this one (engine runs only); undefined: every file is read on this thread. */
  secondReader: SecondReader | undefined;
}

/** Where the second reading thread's code is, when it is worth starting, and how it is held to its limits. */
export interface SecondReader {
  entry: string;
  /** Fewer files are read on this thread alone: a second one costs more to start and warm up than it saves. */
  fromFiles: number;
  /** How long one file may take it before it is stopped. */
  timeoutMs: number;
  /** Its JS heap in MB; one that reaches it ends with an error. Default: this thread's own limit. */
  maxOldGenerationMb?: number | undefined;
}

// Beside this module: readerThreadEntry.ts when run from source (tsx, Jest), readerThread.mjs in the bundle.
export const SECOND_READER_ENTRY = /\.[cm]?ts$/.test(__filename)
  ? path.join(__dirname, "readerThreadEntry.ts")
  : path.join(__dirname, "readerThread.mjs");

/** A run in this process (tests, `npm run bench`'s unguarded merge): its second reading thread is watched all the same. */
export const UNWATCHED: FileWatch = {
  starting: () => {},
  finished: () => {},
  givenUp: new Map(),
  check: checkFile,
  log: (line) => process.stderr.write(`${terminalText(line)}\n`),
  readingOnTwoThreads: () => {},
  waiting: () => {},
  secondReader: { entry: SECOND_READER_ENTRY, fromFiles: SECOND_READER_FROM, timeoutMs: DEFAULT_TIMEOUT_MS },
};

/** A file named on the command line, read and checked; `modifiedMs` is 0 when it could not be read. */
export interface CheckedInput extends CheckedFile {
  modifiedMs: number;
}

/** Every file read and checked, in input order. Only one file's bytes are held at a time on each thread. */
export async function checkInputs(files: readonly string[], options: CheckOptions, watch: FileWatch = UNWATCHED): Promise<CheckedInput[]> {
  if (watch.secondReader && files.length >= watch.secondReader.fromFiles && availableParallelism() > 1) {
    const { checkOnTwoThreads } = await import("./twoReaders");
    return checkOnTwoThreads(files, options, watch, watch.secondReader);
  }
  const checked = files.map((file, index) => checkInput(files, index, options, watch));
  watch.finished();
  return checked;
}

/** File `index` of `files` read and checked: the step both reading threads take. */
export function checkInput(files: readonly string[], index: number, options: CheckOptions, watch: FileWatch): CheckedInput {
  const file = files[index]!;
  const input = phaseClock.time("reading", () => readInput(file, DEFAULT_READ_LIMITS));
  if (!input.ok) return { report: input.report, check: undefined, modifiedMs: 0 };
  const givenUp = watch.givenUp.get(index);
  if (givenUp) return givenUpInput(file, givenUp, input.modifiedMs);
  watch.starting(index, files.length, file);
  const result = checkSafely(input.bytes, file, options, watch);
  return { ...withWeekYearNote(result, options.campaign), modifiedMs: input.modifiedMs };
}

/** A file given up on (it hung or killed a reader): reported unreadable without being read. */
export function givenUpInput(file: string, code: GivenUpCode, modifiedMs: number): CheckedInput {
  return { report: unreadableReport(file, code, readFailureMessages[code]), check: undefined, modifiedMs };
}

/** A checker that throws has a bug: the file is reported as unreadable and the run goes on. */
function checkSafely(bytes: Uint8Array, file: string, options: CheckOptions, watch: FileWatch): CheckedFile {
  try {
    return watch.check(bytes, file, options);
  } catch (error) {
    watch.log(`huizong: ${file}: checkFile threw: ${describeError(error)}`);
    return { report: unreadableReport(file, "corrupt", readFailureMessages.corrupt), check: undefined };
  }
}

/**
 * A week given by --start/--end in another year than the template's own: every date of the return is then out of
 * the week, one error a row. Said once, first, naming both years, so the clerk looks at the flag, not the rows.
 */
export function withWeekYearNote(checked: CheckedFile, given: CampaignSettings | undefined): CheckedFile {
  const { check, report } = checked;
  const own = metadataCampaign(check?.metadata);
  if (!given || !own || !check || check.status === "not-a-template" || campaignYear(own) === campaignYear(given)) return checked;
  const message = cliMessages.weekYearDiffers(campaignYear(own), campaignYear(given));
  const issue = { severity: "warning", row: null, column: null, code: "week-year-differs", message } as const;
  return { check, report: { ...report, issues: [issue, ...report.issues] } };
}

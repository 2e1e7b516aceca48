/**
 * What the command line's two processes say to each other (see supervisor.ts): the front process, which parsed the
 * arguments and watches, and the engine, which runs the command and reads the files.
 */
import type { HandedOutput } from "./outputHandoff";
import type { GivenUpCode } from "./checkInputs";
import type { MergeOptions } from "./mergeCommand";
import type { ValidateOptions } from "./validateCommand";
import type { PhaseTimes } from "../files/phaseClock";

/**
 * A returned schedule is checked in milliseconds; the largest file the reader accepts (19 MB, 1.5 million cells)
 * in about 5 s on a developer machine. 20 s leaves room for a slow office PC and still stops a runaway parse.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * From this many files the engine reads on two threads (twoReaders.ts). Below it a second thread loses: starting
 * it and warming up its own copy of the parser cost more than it saves (measured on two cores: 300 returns 10%
 * slower, 1,000 returns 15% faster, 3,000 returns 10-20% faster, in alternated runs of `huizong merge`).
 */
export const SECOND_READER_FROM = 500;

/** A command that reads returned files, as parsed from the arguments. */
export type EngineCommand =
  | { name: "validate"; args: string[]; options: ValidateOptions }
  | { name: "merge"; args: string[]; options: MergeOptions };

/** Front -> engine: the command, and the files earlier attempts of this run gave up on (by input index). */
export interface EngineJob {
  command: EngineCommand;
  givenUp: Array<[number, GivenUpCode]>;
  /**
   * From this many files a second thread reads too; null: never (after an abort the front could not pin on one
   * file, and for a checker swapped by tests without a second thread like it).
   */
  secondReaderFrom: number | null;
  /** How long one file may take: the engine stops its second reading thread on a file past it. */
  timeoutMs: number;
  /** Where the engine says which file its main thread is on (fileBoard.ts). */
  board: string;
}

/** Engine -> front. */
export type EngineMessage =
  /** Loaded and waiting for its job. */
  | { type: "ready" }
  /** A second thread reads too: until "finished", a death of the engine may be on either thread's file. */
  | { type: "two-threads" }
  /** Every file is checked: the clock stops. */
  | { type: "finished" }
  /** A line for maintainers' log (in English: the report says it in Chinese), e.g. what a checker threw. */
  | { type: "log"; line: string }
  /** The command's answer (its output handed over: outputHandoff.ts), and where its time went. */
  | { type: "done"; exitCode: number; output: HandedOutput; phases: PhaseTimes; startedAt: number }
  /** A usage error found while running (a missing path, an empty folder): exit 2 with the usual hint. */
  | { type: "usage"; message: string; showHelpHint: boolean }
  /** The command threw: a bug, reported with its stack. */
  | { type: "crashed"; error: string };

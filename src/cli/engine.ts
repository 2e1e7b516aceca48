/**
 * The command line's engine: the child process the supervisor (supervisor.ts) starts to run `validate` or `merge`
 * whole, reading and checking every file (on two threads when there are many: twoReaders.ts) and saying which file
 * its main thread is on (fileBoard.ts), so that a file that hangs the parser or makes V8 abort costs only a restart
 * of this process without that file.
 */
import { checkFile } from "../files/checkFile";
import { describeError } from "../files/checkMessages";
import { phaseClock } from "../files/phaseClock";
import type { CommandResult } from "./exitCodes";
import { SECOND_READER_ENTRY, type FileWatch } from "./checkInputs";
import type { EngineCommand, EngineJob, EngineMessage } from "./engineProtocol";
import { FileBoardWriter } from "./fileBoard";
import { handOver } from "./outputHandoff";
import { UsageError } from "./usageError";

/**
 * Serves one job from the supervisor, then exits. `check` is swapped by tests for a checker that misbehaves, and
 * `readerThreadEntry` for a second reading thread that misbehaves alike; a swapped checker without one reads on
 * one thread only.
 */
export function serveEngine(check: typeof checkFile = checkFile, readerThreadEntry = check === checkFile ? SECOND_READER_ENTRY : undefined): void {
  const channel = process.send?.bind(process);
  if (!channel) throw new Error("the engine runs only as a child process started by the supervisor");
  const send = (message: EngineMessage, then?: () => void) => channel(message, undefined, {}, then);

  process.once("message", (job: EngineJob) => {
    const board = new FileBoardWriter(job.board);
    const watch: FileWatch = {
      starting: (index, total, file) => board.starting(index, total, file),
      finished: () => {
        board.onNoFile();
        send({ type: "finished" });
      },
      givenUp: new Map(job.givenUp),
      check,
      log: (line) => send({ type: "log", line }),
      readingOnTwoThreads: () => send({ type: "two-threads" }),
      waiting: () => board.onNoFile(),
      secondReader:
        job.secondReaderFrom !== null && readerThreadEntry
          ? { entry: readerThreadEntry, fromFiles: job.secondReaderFrom, timeoutMs: job.timeoutMs }
          : undefined,
    };
    const startedAt = performance.timeOrigin + performance.now();
    run(job.command, watch).then(
      (result) => {
        const done = { type: "done", exitCode: result.exitCode, output: handOver(result.output), phases: phaseClock.read(), startedAt } as const;
        send(done, () => process.disconnect());
      },
      (error: unknown) => {
        const message: EngineMessage =
          error instanceof UsageError
            ? { type: "usage", message: error.message, showHelpHint: error.showHelpHint }
            : { type: "crashed", error: describeError(error) };
        send(message, () => process.disconnect());
      },
    );
  });
  // The supervisor gone (killed, or done without a word): nothing is left to answer.
  process.on("disconnect", () => process.exit());
  // Loading the modules above is most of the engine's start-up: the supervisor starts no file's clock before this.
  send({ type: "ready" });
}

/** Each command's module loads only when that command runs: `validate` never loads the master's writer. */
async function run(command: EngineCommand, watch: FileWatch): Promise<CommandResult> {
  if (command.name === "validate") {
    const { validateCommand } = await import("./validateCommand");
    return validateCommand(command.args, command.options, watch);
  }
  const { mergeCommand } = await import("./mergeCommand");
  return mergeCommand(command.args, command.options, watch);
}

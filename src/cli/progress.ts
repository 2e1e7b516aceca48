import { cliMessages } from "../messages/zhCN";

/** Progress on stderr for long runs, so stdout stays the command's own output (and pure JSON with --json). */
export function progressReporter(total: number, stream: NodeJS.WriteStream = process.stderr): (done: number) => void {
  const MANY_FILES = 20;
  if (total < MANY_FILES) return () => {};
  const step = Math.max(1, Math.floor(total / 10));
  return (done) => {
    if (stream.isTTY) stream.write(`\r${cliMessages.progress(done, total)}${done === total ? "\n" : ""}`);
    else if (done % step === 0 || done === total) stream.write(`${cliMessages.progress(done, total)}\n`);
  };
}

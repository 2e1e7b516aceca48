/**
 * One command run as a user would run it, timed from outside: wall time around the whole process (start-up
 * included) and, through GNU time's %M, the peak RSS of the largest process in its tree. %M is taken from
 * wait4()'s rusage, so for a command that starts helpers (npm, npx, tsx, the checker processes, soffice.bin) it
 * is the largest of them, not their sum: the tables say "largest process".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const GNU_TIME = "/usr/bin/time";

export interface TimedRun {
  ms: number;
  /** Undefined without /usr/bin/time. */
  peakRssMb: number | undefined;
  /** The command's exit status; a signal or a launch failure counts as undefined. */
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** A run that hangs is stopped after this long and counted as failed. */
  timeoutMs?: number;
}

export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

/** %M of `time -f "%e %M"`; the last line, since GNU time writes "Command exited with ..." above it. */
function rssFromTimeFile(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const last = readFileSync(file, "utf8").trim().split("\n").pop() ?? "";
  const kb = Number(last.split(" ")[1]);
  return Number.isFinite(kb) && kb > 0 ? Math.round(kb / 1024) : undefined;
}

export function timedRun(command: string, args: string[], options: RunOptions): TimedRun {
  // GNU time's report goes to a file of its own (-o), so the command's stderr stays exactly the command's.
  const scratch = mkdtempSync(path.join(os.tmpdir(), "huizong-time-"));
  const timeFile = path.join(scratch, "time.txt");
  const [file, argv] = hasGnuTime() ? [GNU_TIME, ["-f", "%e %M", "-o", timeFile, command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawnSync(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    timeout: options.timeoutMs ?? 15 * 60_000,
    killSignal: "SIGKILL",
  });
  const ms = performance.now() - start;
  const run: TimedRun = {
    ms,
    peakRssMb: rssFromTimeFile(timeFile),
    exitCode: child.error || child.signal ? undefined : (child.status ?? undefined),
    stdout: child.stdout ?? "",
    stderr: `${child.stderr ?? ""}${child.error ? `\n${child.error.message}` : ""}`,
  };
  rmSync(scratch, { recursive: true, force: true });
  return run;
}

/** Whether `name` is an executable on PATH (soffice is optional: without it LibreOffice is left out). */
export function onPath(name: string): boolean {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .some((dir) => dir !== "" && existsSync(path.join(dir, name)));
}

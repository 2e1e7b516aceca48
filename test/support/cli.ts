import { execFile } from "node:child_process";
import path from "node:path";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const root = path.resolve(__dirname, "../..");

/**
 * Runs `huizong` as a user does (`node bin/huizong.js`: the bundled command line in build/cli, rebuilt first if a
 * source file changed), never rejecting: the exit code is data.
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const cli = [path.join(root, "bin/huizong.js"), ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, cli, { cwd: root, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

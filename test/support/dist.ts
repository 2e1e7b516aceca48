/**
 * The production build in dist/ for the add-in tests. `npm test` builds first; a lone `npx jest test/manifest`
 * builds here only when dist/ is missing. A lock folder keeps parallel Jest workers from building twice at once.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");
export const dist = path.join(root, "dist");
/** A cold production build on two cores, with time to spare. */
export const BUILD_TIMEOUT_MS = 240_000;

const built = () => existsSync(path.join(dist, "taskpane.html")) && existsSync(path.join(dist, "manifest.xml"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function ensureDist(): Promise<string> {
  const lock = path.join(tmpdir(), `huizong-build-${Buffer.from(root).toString("hex").slice(-24)}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!built()) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building: wait for it, and take over a lock it left behind when it died.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > BUILD_TIMEOUT_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("timed out waiting for another test's build of dist/");
      await sleep(500);
      continue;
    }
    try {
      if (!built()) await build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dist;
}

function build(): Promise<void> {
  const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  const child = spawn(process.execPath, [webpack, "--mode", "production"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`the production build failed:\n${output}`))));
  });
}

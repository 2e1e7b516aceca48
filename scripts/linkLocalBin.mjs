/**
 * Puts `huizong` into node_modules/.bin (run by `npm install`, after the command line is built), so that
 * `npx huizong` finds it there and runs it at once.
 *
 * Why not package.json's "bin": npx then "self-executes" the project, installing it into its own cache and reading
 * the whole dependency tree first, about two seconds before every command.
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const binDir = path.join(root, "node_modules", ".bin");
const target = path.join("..", "..", "bin", "huizong.js");

mkdirSync(binDir, { recursive: true });
const link = path.join(binDir, "huizong");
rmSync(link, { force: true });
if (process.platform === "win32") {
  // What npm's own shims do on Windows, where a symlink needs rights a clerk's account rarely has.
  writeFileSync(`${link}.cmd`, `@node "%~dp0\\${target}" %*\r\n`);
  writeFileSync(link, `#!/bin/sh\nexec node "$(dirname "$0")/${target.replace(/\\/g, "/")}" "$@"\n`);
} else {
  symlinkSync(target, link);
  chmodSync(path.join(root, "bin", "huizong.js"), 0o755);
}

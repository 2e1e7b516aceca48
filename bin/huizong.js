#!/usr/bin/env node
// The `huizong` command from a checkout (`npm link` puts it on PATH): the TypeScript CLI run by tsx, exactly as
// `npm run cli` runs it, with this process's arguments, streams and exit code.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const tsx = require.resolve("tsx/cli");
const main = path.join(__dirname, "..", "src", "cli", "main.ts");
const result = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: "inherit" });
process.exitCode = result.status ?? 2;

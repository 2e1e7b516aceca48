// `merge` without its guard, for the bench's measure of what the guard costs: the bundled command's own module
// (build/cli) run in this one process, with no supervisor and no engine process: `node bench/unguardedMerge.mjs DIR OUT`.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const build = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "build", "cli");
const chunk = readdirSync(build).find((name) => name.startsWith("mergeCommand-"));
if (!chunk) throw new Error("no mergeCommand chunk in build/cli: run `npm run build:cli` first");
const { mergeCommand } = await import(pathToFileURL(path.join(build, chunk)).href);
const [dir, output] = process.argv.slice(2);
const result = await mergeCommand([dir], { output, roster: undefined, campaign: undefined, json: true });
process.stdout.write(`${result.output}\n`);
process.exitCode = result.exitCode;

/**
 * `npx tsx bench/readmeTable.ts [README.md] [table.md]`: puts the returns' table of the last `npm run bench`
 * (.bench/returns-table.md) into the README, between the lines `<!-- bench:returns -->` and
 * `<!-- /bench:returns -->`, so the published figures are the measured ones, not copied by hand.
 * The two paths default to the project's README and table; giving others lets it be tried on a copy.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const START_MARKER = "<!-- bench:returns -->";
export const END_MARKER = "<!-- /bench:returns -->";

/**
 * The text with everything between the marker lines replaced by `table`, the marker lines kept (so it can be run
 * again after every bench). A blank line either side keeps Markdown from reading the table into the comment's
 * HTML block. Throws, naming the marker, when a marker line is missing or they are out of order.
 */
export function replaceBetweenMarkers(text: string, table: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === START_MARKER);
  const end = lines.findIndex((line, i) => i > start && line.trim() === END_MARKER);
  if (start < 0) throw new Error(`no line "${START_MARKER}"`);
  if (end < 0) throw new Error(`no line "${END_MARKER}" after "${START_MARKER}"`);
  const tableLines = table.trim().split(/\r?\n/);
  return [...lines.slice(0, start + 1), "", ...tableLines, "", ...lines.slice(end)].join(eol);
}

/** Relative to here when inside it, whole otherwise. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function main(): void {
  const root = path.resolve(__dirname, "..");
  const readme = path.resolve(process.argv[2] ?? path.join(root, "README.md"));
  const tableFile = path.resolve(process.argv[3] ?? path.join(root, ".bench", "returns-table.md"));
  if (!existsSync(readme)) fail(`${readme} does not exist.`);
  if (!existsSync(tableFile)) fail(`${tableFile} does not exist: run \`npm run bench -- --only=returns\` first.`);
  try {
    writeFileSync(readme, replaceBetweenMarkers(readFileSync(readme, "utf8"), readFileSync(tableFile, "utf8")));
  } catch (error) {
    fail(`${readme}: ${(error as Error).message}. Put the two marker lines where the table belongs, each on a line of its own:\n${START_MARKER}\n${END_MARKER}`);
  }
  console.log(`${shown(readme)}: returns table replaced from ${shown(tableFile)}`);
}

if (require.main === module) main();

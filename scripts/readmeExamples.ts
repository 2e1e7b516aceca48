/**
 * `npm run readme-examples`: runs every example command documented in README.md and examples/README.md through the
 * command line and writes its fresh output into the fenced block below it, so the documents show what the program
 * really prints. test/readmeExamples.test.ts runs the same commands and fails when a block is stale.
 *
 * A block is marked in the Markdown source (the comments do not show on GitHub):
 *
 *     <!-- example:NAME huizong ARGS -->
 *     ```
 *     output
 *     ```
 *     <!-- /example -->
 *
 * ARGS is run exactly as written, from the repository root (`node node_modules/tsx/dist/cli.mjs src/cli/main.ts
 * ARGS`), and the block holds its standard output. An output file (`-o FILE`) is written into a temporary folder
 * instead of the checkout, and its path is shown as FILE again. A merge picks the newer of two returns of one unit
 * by modification time, which git does not keep: the example returns get their "sent" times first
 * (examples/build.ts), as the example README tells the user to do.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stampSentTimes } from "../examples/build";

export const ROOT = path.resolve(__dirname, "..");

/** The documents holding example blocks, relative to the repository root. */
export const DOCUMENTS = ["README.md", "examples/README.md"] as const;

export interface ExampleBlock {
  /** The document, relative to the repository root. */
  document: string;
  name: string;
  /** The arguments after `huizong`, as documented. */
  args: string[];
  /** The output shown in the document. */
  shown: string;
  /** Where the output sits in the document's text: [start, end). */
  start: number;
  end: number;
}

const OPENING = /<!-- example:(\S+) huizong ([^\n]*?) -->\n```\n/g;
const CLOSING = "```\n<!-- /example -->";

/** Every example block of a document, refusing a marker that is not followed by one plain fenced block. */
export function findExamples(document: string, text: string): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  const openings = text.split("<!-- example:").length - 1;
  for (const match of text.matchAll(OPENING)) {
    const [opening, name = "", command = ""] = match;
    const start = (match.index ?? 0) + opening.length;
    const end = text.indexOf(CLOSING, start);
    const next = text.indexOf("<!-- example:", start);
    if (end < 0 || (next >= 0 && next < end)) throw new Error(`${document}: example ${name} has no closing \`\`\` and <!-- /example -->`);
    const shown = text.slice(start, end);
    if (/^```/m.test(shown)) throw new Error(`${document}: example ${name} must hold exactly one fenced block`);
    if (/["'\\]/.test(command)) throw new Error(`${document}: example ${name}: arguments are split at spaces; no quotes or escapes`);
    if (blocks.some((block) => block.name === name)) throw new Error(`${document}: two examples named ${name}`);
    blocks.push({ document, name, args: command.split(/ +/).filter(Boolean), shown, start, end });
  }
  if (blocks.length !== openings) throw new Error(`${document}: an <!-- example: --> marker is not of the form <!-- example:NAME huizong ARGS --> followed by a \`\`\` block`);
  return blocks;
}

/** The document with each block's output replaced by `fresh(block)`. */
export function rewriteExamples(text: string, blocks: readonly ExampleBlock[], fresh: (block: ExampleBlock) => string): string {
  let result = "";
  let from = 0;
  for (const block of [...blocks].sort((a, b) => a.start - b.start)) {
    result += text.slice(from, block.start) + fresh(block);
    from = block.end;
  }
  return result + text.slice(from);
}

export interface ExampleRun {
  /** Standard output, as the document shows it: the output file under its documented name, ending in one newline. */
  output: string;
  status: number | null;
  stderr: string;
}

const OUTPUT_OPTIONS = new Set(["-o", "--output"]);

/** Runs one example from the repository root, its output file (if any) inside a temporary folder. */
export function runExample(block: ExampleBlock): ExampleRun {
  const work = mkdtempSync(path.join(tmpdir(), "huizong-readme-"));
  try {
    const renamed = new Map<string, string>();
    const args = block.args.map((arg, i) => {
      const option = block.args[i - 1];
      if (option === undefined || !OUTPUT_OPTIONS.has(option)) return arg;
      const inTemp = path.join(work, path.basename(arg));
      renamed.set(inTemp, arg);
      return inTemp;
    });
    const cli = [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "src/cli/main.ts"), ...args];
    const run = spawnSync(process.execPath, cli, { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    if (run.error) throw new Error(`${block.document}: example ${block.name} did not run: ${run.error.message}`);
    let output = run.stdout;
    for (const [inTemp, documented] of renamed) output = output.split(inTemp).join(documented);
    return { output: `${output.trimEnd()}\n`, status: run.status, stderr: run.stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every block of every document, with the fresh output of its command (the returns' times set first). */
export function collectExamples(): Array<{ block: ExampleBlock; run: ExampleRun }> {
  stampSentTimes();
  return DOCUMENTS.flatMap((document) =>
    findExamples(document, readFileSync(path.join(ROOT, document), "utf8")).map((block) => ({ block, run: runExample(block) })),
  );
}

/**
 * Whether a run is fit to be shown: the examples finish (exit 0, or 1 for "errors found"); a crash or a usage error
 * (exit 2) in a tree someone is editing must not end up in the documents as the "expected" output.
 */
export function usable(run: ExampleRun): boolean {
  return (run.status === 0 || run.status === 1) && run.output.trim() !== "";
}

function main(): void {
  const runs = collectExamples();
  for (const document of DOCUMENTS) {
    const file = path.join(ROOT, document);
    const text = readFileSync(file, "utf8");
    const mine = runs.filter(({ block }) => block.document === document);
    const fresh = new Map(mine.filter(({ run }) => usable(run)).map(({ block, run }) => [block.name, run.output]));
    const updated = rewriteExamples(text, findExamples(document, text), (block) => fresh.get(block.name) ?? block.shown);
    for (const { block, run } of mine) {
      const state = !usable(run) ? "NOT updated: the command failed" : run.output === block.shown ? "unchanged" : "updated";
      console.log(`${document} example:${block.name} (exit ${run.status ?? "none"}): ${state}`);
      if (run.stderr.trim()) console.log(`  stderr: ${run.stderr.trim().split("\n").join("\n  stderr: ")}`);
      if (!usable(run)) process.exitCode = 1;
    }
    if (updated !== text) writeFileSync(file, updated);
  }
  if (runs.length === 0) {
    console.error("no <!-- example:NAME huizong ARGS --> blocks found");
    process.exitCode = 1;
  }
}

if (require.main === module) main();

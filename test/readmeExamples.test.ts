import { readFileSync } from "node:fs";
import path from "node:path";
import { stampSentTimes } from "../examples/build";
import { DOCUMENTS, ROOT, findExamples, rewriteExamples, runExample, usable, type ExampleBlock } from "../scripts/readmeExamples";

const FIX = "run `npm run readme-examples` and review the diff";

/** Lines that differ, numbered from the block's first line, for a failure message a person can act on. */
function lineDiff(shown: string, fresh: string): string {
  const a = shown.split("\n");
  const b = fresh.split("\n");
  const lines: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    lines.push(`  line ${i + 1}:`, `    README: ${a[i] ?? "(none)"}`, `    fresh:  ${b[i] ?? "(none)"}`);
  }
  return lines.join("\n");
}

describe("example blocks: markers", () => {
  const doc = [
    "intro",
    "<!-- example:one huizong validate a.xlsx b.xlsx -->",
    "```",
    "old output",
    "```",
    "<!-- /example -->",
    "between",
    "<!-- example:two huizong merge dir -o out.xlsx -->",
    "```",
    "```",
    "<!-- /example -->",
    "end",
  ].join("\n");

  it("finds each block with its arguments and shown output", () => {
    const blocks = findExamples("doc.md", doc);
    expect(blocks.map((block) => [block.name, block.args, block.shown])).toEqual([
      ["one", ["validate", "a.xlsx", "b.xlsx"], "old output\n"],
      ["two", ["merge", "dir", "-o", "out.xlsx"], ""],
    ]);
  });

  it("rewrites only the outputs, keeping markers and the text around them", () => {
    const blocks = findExamples("doc.md", doc);
    const rewritten = rewriteExamples(doc, blocks, (block) => `new ${block.name}\n`);
    expect(rewritten).toBe(doc.replace("old output\n", "new one\n").replace("```\n```\n<!-- /example -->", "```\nnew two\n```\n<!-- /example -->"));
    // Rewriting again with the same output changes nothing.
    expect(rewriteExamples(rewritten, findExamples("doc.md", rewritten), (block) => `new ${block.name}\n`)).toBe(rewritten);
  });

  it.each([
    ["no closing marker", "<!-- example:x huizong validate a.xlsx -->\n```\nout\n```\nmore\n"],
    ["a closing marker only after the next block", "<!-- example:x huizong validate a -->\n```\n```\n<!-- example:y huizong validate b -->\n```\n```\n<!-- /example -->\n"],
    ["no fenced block under the marker", "<!-- example:x huizong validate a.xlsx -->\ntext\n<!-- /example -->\n"],
    ["a command that is not huizong", "<!-- example:x npm test -->\n```\n```\n<!-- /example -->\n"],
    ["quoted arguments", '<!-- example:x huizong validate "a b.xlsx" -->\n```\n```\n<!-- /example -->\n'],
    ["two blocks of one name", "<!-- example:x huizong validate a -->\n```\n```\n<!-- /example -->\n<!-- example:x huizong validate b -->\n```\n```\n<!-- /example -->\n"],
  ])("refuses %s, naming the document", (_, text) => {
    expect(() => findExamples("doc.md", text)).toThrow(/^doc\.md: /);
  });

  it("does not take a crashed or refused run for output to show", () => {
    expect(usable({ output: "共检查 1 个文件\n", status: 1, stderr: "" })).toBe(true);
    expect(usable({ output: "\n", status: 0, stderr: "" })).toBe(false);
    expect(usable({ output: "用法\n", status: 2, stderr: "程序内部出错" })).toBe(false);
    expect(usable({ output: "x\n", status: null, stderr: "" })).toBe(false);
  });
});

describe("example blocks in the documents", () => {
  const blocks: ExampleBlock[] = DOCUMENTS.flatMap((document) => findExamples(document, readFileSync(path.join(ROOT, document), "utf8")));

  it("has the documented examples: validate in README.md, merge in examples/README.md", () => {
    expect(blocks.map((block) => `${block.document} ${block.name}`)).toEqual(["README.md validate", "examples/README.md merge"]);
  });

  it.each(blocks.map((block) => [`${block.document} example:${block.name}`, block] as const))("%s: the prose documents the command the block runs", (_, block) => {
    // The marker's command must be the one the reader is told to type, not a variant of it.
    const text = readFileSync(path.join(ROOT, block.document), "utf8").replace(/<!-- example:[^\n]*-->/g, "");
    expect(text).toContain(block.args.join(" "));
  });

  describe("shows what the command prints now", () => {
    // A merge takes the newer of two returns of one unit by modification time, which a clone does not keep.
    beforeAll(() => stampSentTimes());

    it.each(blocks.map((block) => [`${block.document} example:${block.name}`, block] as const))(
      "%s",
      (name, block) => {
        const run = runExample(block);
        if (run.output !== block.shown) {
          const stderr = run.stderr.trim() ? `\nstderr of the command:\n${run.stderr.trim()}` : "";
          throw new Error(`${name} is stale (huizong ${block.args.join(" ")}, exit ${run.status}): ${FIX}\n${lineDiff(block.shown, run.output)}${stderr}`);
        }
        expect(usable(run)).toBe(true);
      },
      120_000,
    );
  });
});

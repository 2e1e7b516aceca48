/**
 * The child process of the fuzz harness (harness.ts): checks files one after another with the product's own
 * checkFile, announcing each file before it starts. When V8 aborts the process (a fatal out-of-memory, an invalid
 * array size), the last announced file is the culprit, with no bisecting.
 *
 *   node --import tsx test/fuzz/checkChild.ts LIST.json START
 *
 * LIST.json holds the file paths; START is the index to begin at (the harness resumes after a file that killed
 * the previous child). Lines meant for the harness start with CHILD_MARK; anything else on stdout is ignored.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkFile } from "../../src/files/checkFile";
import { CHILD_MARK, type ChildEvent } from "./childProtocol";

const [listFile, startArg] = process.argv.slice(2);
if (!listFile) throw new Error("usage: checkChild.ts LIST.json [START]");
const files = JSON.parse(readFileSync(listFile, "utf8")) as string[];

// process.stdout.write is synchronous for pipes on Linux: a line written before a file is checked is in the pipe
// even if the process dies during the check.
const emit = (event: ChildEvent) => process.stdout.write(`${CHILD_MARK}${JSON.stringify(event)}\n`);
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

for (let index = Number(startArg ?? 0); index < files.length; index++) {
  const file = files[index] as string;
  const bytes = new Uint8Array(readFileSync(file));
  emit({ type: "start", index });
  const started = performance.now();
  try {
    const { report } = checkFile(bytes, path.basename(file));
    const codes = [...new Set(report.issues.map((issue) => issue.code))].slice(0, 6);
    emit({ type: "done", index, ms: performance.now() - started, status: report.status, codes, peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024) });
  } catch (error) {
    // checkFile promises never to throw on bad bytes: a throw is a finding of its own.
    const stack = error instanceof Error ? (error.stack ?? "").split("\n").slice(0, 4).join(" | ") : String(error);
    emit({ type: "threw", index, ms: performance.now() - started, error: stack });
  }
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkFile } from "../src/files/checkFile";
import { mergeReturns } from "../src/core/merge/merge";
import { masterWorkbookPlan } from "../src/core/plans/masterPlan";
import { writeWorkbook } from "../src/files/writeWorkbook";
async function main() {
  const dir = path.resolve(__dirname, "../.bench/returns-1000");
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  let t = performance.now();
  const incoming = files.map((file) => { const r = checkFile(new Uint8Array(readFileSync(file)), file); return { report: r.report, submission: r.check && r.check.status !== "not-a-template" ? r.check.submission : undefined, modifiedMs: 0 }; });
  console.log("read+check", Math.round(performance.now() - t)); t = performance.now();
  const result = mergeReturns([], incoming);
  console.log("merge", Math.round(performance.now() - t)); t = performance.now();
  const plan = masterWorkbookPlan(result.rows, undefined);
  console.log("plan", Math.round(performance.now() - t)); t = performance.now();
  const bytes = await writeWorkbook(plan);
  console.log("write", Math.round(performance.now() - t), bytes.length);
}
void main();

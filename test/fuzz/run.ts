/**
 * `npm run fuzz` (tsx test/fuzz/run.ts): a longer fuzz run than the one inside `npm test`, in batches, printing a
 * summary and saving every file that crashed, hung or threw (with a note on how to replay it).
 *
 *   npm run fuzz -- --cases 5000 --seed 7            mutated fixtures, two child processes
 *   npm run fuzz -- --corpus --cli                    the real-world corpus as seeds too; `huizong validate` per batch
 *   npm run fuzz -- --only oleFatChains,biffRecords   some mutators only
 *   npx tsx test/fuzz/run.ts --replay 'test/fixtures/returns/02-city-clean-libreoffice.xls' --mutators oleFatChains --seed 123
 *   npm run fuzz -- --recheck test-output/fuzz-run/findings   saved findings again, after a fix
 *
 * Results (one JSON line per file: fixture, mutators, seed, outcome, time) go to OUT/results.jsonl, findings to
 * OUT/findings/ (default OUT: test-output/fuzz-run). Exit code 1 when anything was found.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  checkInChildren, cliProblems, corpusSeeds, describeOutcome, fixtureSeeds, isFailure, planCases, replayCase, ROOT, saveFinding, validateWithCli,
  type CaseRecord, type FuzzCase,
} from "./harness";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "5000" },
    seed: { type: "string", default: "1" },
    workers: { type: "string", default: "2" },
    limit: { type: "string", default: "20000" },
    slack: { type: "string", default: "5000" },
    heap: { type: "string", default: "1024" },
    batch: { type: "string", default: "500" },
    out: { type: "string", default: "test-output/fuzz-run" },
    corpus: { type: "boolean", default: false },
    "corpus-max-kb": { type: "string", default: "512" },
    only: { type: "string" },
    cli: { type: "boolean", default: false },
    replay: { type: "string" },
    mutators: { type: "string" },
    recheck: { type: "string" },
  },
});

const number = (name: keyof typeof args): number => {
  const value = Number(args[name]);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
  return value;
};
const out = path.resolve(ROOT, String(args.out));
const findingsDir = path.join(out, "findings");
const seeds = [...fixtureSeeds(), ...(args.corpus ? corpusSeeds(number("corpus-max-kb") * 1024) : [])];
const childOptions = { workers: number("workers"), limitMs: number("limit"), slackMs: number("slack"), heapMb: number("heap"), confirmAlone: true };

async function replay(): Promise<void> {
  const fuzzCase = { fixture: String(args.replay), mutators: String(args.mutators ?? "").split(",").filter(Boolean), seed: number("seed") };
  const { bytes, notes } = replayCase(seeds, fuzzCase);
  const dir = path.join(out, "replay");
  mkdirSync(dir, { recursive: true });
  const base = seeds.find((seed) => seed.name === fuzzCase.fixture)?.base ?? "file";
  const file = path.join(dir, `${fuzzCase.mutators.join("+")}-${fuzzCase.seed}-${base}`);
  writeFileSync(file, bytes);
  console.log(`${file} (${bytes.length} bytes)\n  ${notes.join("\n  ")}`);
  const [outcome] = await checkInChildren([file], { ...childOptions, workers: 1, workDir: dir });
  console.log(describeOutcome(outcome));
  process.exitCode = isFailure(outcome) ? 1 : 0;
}

/** Every file of a folder (the notes beside them skipped), checked again: has a fix held? */
async function recheck(): Promise<void> {
  const dir = path.resolve(String(args.recheck));
  const files = readdirSync(dir).filter((name) => !name.endsWith(".json")).sort().map((name) => path.join(dir, name));
  const work = mkdtempSync(path.join(os.tmpdir(), "huizong-fuzz-"));
  try {
    const outcomes = await checkInChildren(files, { ...childOptions, workDir: work });
    files.forEach((file, i) => console.log(`${path.basename(file)}: ${describeOutcome(outcomes[i])}`));
    const failed = outcomes.filter((outcome) => isFailure(outcome)).length;
    console.log(`\n${files.length} files, ${failed} still failing`);
    process.exitCode = failed > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function fuzz(): Promise<void> {
  const total = number("cases");
  const batchSize = Math.max(1, number("batch"));
  const only = args.only?.split(",").filter(Boolean);
  mkdirSync(out, { recursive: true });
  const resultsFile = path.join(out, "results.jsonl");
  writeFileSync(resultsFile, "");
  const work = mkdtempSync(path.join(os.tmpdir(), "huizong-fuzz-"));
  const plan = planCases(seeds, { seed: number("seed"), only });
  const records: CaseRecord[] = [];
  const findings: Array<{ record: CaseRecord; file: string }> = [];
  const cliFindings: string[] = [];
  const started = performance.now();
  console.log(`fuzz: ${total} cases, seed ${args.seed}, ${seeds.length} seed files, ${childOptions.workers} children, limit ${childOptions.limitMs} ms + ${childOptions.slackMs} ms`);
  try {
    for (let done = 0; done < total; ) {
      const dir = path.join(work, `batch-${done}`);
      mkdirSync(dir);
      const batch: FuzzCase[] = [];
      // plan.next() rather than for-of: breaking out of a for-of would close the generator for the next batch.
      while (batch.length < Math.min(batchSize, total - done)) {
        const { value: fuzzCase } = plan.next();
        if (!fuzzCase) break;
        writeFileSync(path.join(dir, fuzzCase.fileName), fuzzCase.bytes);
        const { bytes: _bytes, ...rest } = fuzzCase;
        batch.push(rest);
      }
      const files = batch.map((fuzzCase) => path.join(dir, fuzzCase.fileName));
      const outcomes = await checkInChildren(files, { ...childOptions, workDir: work });
      const batchRecords = batch.map((fuzzCase, i): CaseRecord => ({ ...fuzzCase, outcome: outcomes[i] ?? { kind: "hang", ms: 0 } }));
      if (args.cli) {
        const run = await validateWithCli(dir, childOptions.limitMs, 30 * 60_000);
        const problems = cliProblems(run, files);
        cliFindings.push(...problems.map((problem) => `batch ${done}: ${problem}`));
        for (const record of batchRecords) {
          const report = run.reports?.find((candidate) => path.basename(candidate.file) === record.fileName);
          if (report) record.cli = { status: report.status, codes: [...new Set(report.issues.map((issue) => issue.code))].slice(0, 6) };
        }
      }
      for (const record of batchRecords) {
        appendFileSync(resultsFile, `${JSON.stringify(record)}\n`);
        if (isFailure(record.outcome)) findings.push({ record, file: saveFinding(findingsDir, seeds, record) });
      }
      records.push(...batchRecords);
      done += batch.length;
      rmSync(dir, { recursive: true, force: true });
      const seconds = Math.round((performance.now() - started) / 1000);
      console.log(`  ${done}/${total} in ${seconds} s: ${findings.length} findings${args.cli ? `, ${cliFindings.length} CLI problems` : ""}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printSummary(records, findings, cliFindings, resultsFile);
  process.exitCode = findings.length > 0 || cliFindings.length > 0 ? 1 : 0;
}

function printSummary(records: CaseRecord[], findings: Array<{ record: CaseRecord; file: string }>, cliFindings: string[], resultsFile: string): void {
  const count = (keys: string[]) => [...keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
  const outcomeKey = (record: CaseRecord) => (record.outcome.kind === "result" ? `${record.outcome.status} ${record.outcome.codes[0] ?? ""}`.trim() : record.outcome.kind);
  console.log(`\noutcomes: ${count(records.map(outcomeKey)).map(([key, n]) => `${key} ${n}`).join(", ")}`);
  console.log("\nper mutator (cases, findings, slowest):");
  const byMutator = new Map<string, CaseRecord[]>();
  for (const record of records) for (const name of new Set(record.mutators)) byMutator.set(name, [...(byMutator.get(name) ?? []), record]);
  for (const [name, list] of [...byMutator].sort((a, b) => a[0].localeCompare(b[0]))) {
    const slowest = Math.max(...list.map((record) => record.outcome.ms));
    console.log(`  ${name.padEnd(24)} ${String(list.length).padStart(5)} ${String(list.filter((record) => isFailure(record.outcome)).length).padStart(4)}  ${Math.round(slowest)} ms`);
  }
  console.log("\nslowest files:");
  for (const record of [...records].sort((a, b) => b.outcome.ms - a.outcome.ms).slice(0, 8)) {
    console.log(`  ${record.fileName} (seed ${record.seed}): ${describeOutcome(record.outcome)}`);
  }
  console.log(`\n${findings.length} findings${findings.length > 0 ? ":" : ""}`);
  for (const { record, file } of findings) console.log(`  ${path.relative(ROOT, file)}\n    ${record.fixture} ${record.mutators.join("+")} seed ${record.seed}: ${describeOutcome(record.outcome)}`);
  for (const problem of cliFindings) console.log(`  CLI: ${problem}`);
  console.log(`\nevery file: ${path.relative(ROOT, resultsFile)}`);
}

(args.replay ? replay() : args.recheck ? recheck() : fuzz()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});

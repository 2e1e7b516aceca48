/**
 * Fuzzing inside `npm test`: a fixed number of mutated fixtures from a fixed seed (so every run checks the same
 * files, and a failure replays), held to the reader's guarantee. Every file must end in a report; no process may
 * die, no check may throw, and none may run past the command line's time limit per file plus some slack.
 *
 * The files run twice: through checkFile in child processes (harness.ts: a fatal V8 error names its file, each
 * file has its own time), then through `huizong validate --json` over the folder (the supervised engine and its
 * limits, as a clerk runs it). A finding is saved with a note under test-output/fuzz-test/findings/;
 * longer runs and replays: `npm run fuzz` (test/fuzz/run.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seededRandom } from "../support/seededRandom";
import {
  checkInChildren, cliProblems, describeOutcome, fixtureSeeds, isFailure, planCases, replayCase, ROOT, saveFinding, validateWithCli,
  type CaseRecord, type FuzzCase,
} from "./harness";
import { containerOf, MUTATORS } from "./mutate";

const SEED = 20240420;
/** When every file is read as it should be: 15-20 s in two children, 15-25 s for the CLI, ~45 s in all on two cores. */
const CASES = 800;
/**
 * The command line's time limit per file (supervisor.ts), given to the CLI as HUIZONG_READ_TIMEOUT_MS, and the slack a child
 * gets beyond it. Not shorter: some files that kill the process do so only after 15 s of growing memory.
 */
const LIMIT_MS = 20_000;
const SLACK_MS = 5_000;
/** The heap limit each child gets: a file may take no more than this alone. */
const HEAP_MB = 1024;
/** Enough findings to act on: after these the remaining files are not run, so a broken reader fails in minutes. */
const MAX_FAILURES = 6;

const OUT = path.join(ROOT, "test-output/fuzz-test");
const seeds = fixtureSeeds();
let work = "";
let folder = "";
const cases: FuzzCase[] = [];
const files: string[] = [];
/** What each file's child reported, for the CLI to agree with. */
const childStatuses = new Map<string, string>();

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  work = mkdtempSync(path.join(os.tmpdir(), "huizong-fuzz-test-"));
  folder = path.join(work, "files");
  mkdirSync(folder);
  const plan = planCases(seeds, { seed: SEED });
  for (let i = 0; i < CASES; i++) {
    const { value } = plan.next();
    if (!value) break;
    const { bytes, ...fuzzCase } = value;
    const file = path.join(folder, fuzzCase.fileName);
    writeFileSync(file, bytes);
    cases.push(fuzzCase);
    files.push(file);
  }
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the mutators", () => {
  it("are deterministic for a seed and never modify their input", () => {
    for (const mutator of MUTATORS) {
      const seed = seeds.find((candidate) => mutator.containers.includes(containerOf(candidate.bytes)));
      if (!seed) throw new Error(`no fixture for ${mutator.name}`);
      const before = seed.bytes.slice();
      const once = mutator.mutate(seed.bytes, seededRandom(7));
      const again = mutator.mutate(seed.bytes, seededRandom(7));
      expect({ mutator: mutator.name, same: Buffer.compare(once, again) === 0 }).toEqual({ mutator: mutator.name, same: true });
      expect(Buffer.compare(seed.bytes, before)).toBe(0);
    }
  });

  it("all take part in the planned cases, and a case replays from its fixture, mutators and seed", () => {
    expect(cases).toHaveLength(CASES);
    const used = new Set(cases.flatMap((fuzzCase) => fuzzCase.mutators));
    expect(MUTATORS.map((mutator) => mutator.name).filter((name) => !used.has(name))).toEqual([]);
    const sample = cases[CASES - 1] as FuzzCase;
    const planned = planCases(seeds, { seed: SEED });
    let last: Uint8Array | undefined;
    for (let i = 0; i < CASES; i++) last = planned.next().value?.bytes;
    expect(Buffer.compare(replayCase(seeds, sample).bytes, last ?? new Uint8Array())).toBe(0);
  });
});

describe(`${CASES} mutated fixtures (seed ${SEED})`, () => {
  it(`each end in a report in a child process: none dies, throws, or takes over ${LIMIT_MS + SLACK_MS} ms`, async () => {
    const started = performance.now();
    const outcomes = await checkInChildren(files, { workers: 2, limitMs: LIMIT_MS, slackMs: SLACK_MS, heapMb: HEAP_MB, maxFailures: MAX_FAILURES, workDir: work });
    const records = cases.flatMap((fuzzCase, i): CaseRecord[] => {
      const outcome = outcomes[i];
      return outcome ? [{ ...fuzzCase, outcome }] : [];
    });
    writeFileSync(path.join(OUT, "results.jsonl"), records.map((record) => JSON.stringify(record)).join("\n"));
    for (const record of records) if (record.outcome.kind === "result") childStatuses.set(record.fileName, record.outcome.status);
    const findings = records.filter((record) => isFailure(record.outcome));
    const lines = findings.map((record) => {
      const saved = path.relative(ROOT, saveFinding(path.join(OUT, "findings"), seeds, record));
      return `${record.fixture} ${record.mutators.join("+")} seed ${record.seed}: ${describeOutcome(record.outcome)}\n    saved as ${saved}`;
    });
    const skipped = CASES - records.length;
    const slowest = records.reduce((a, b) => (b.outcome.ms > a.outcome.ms ? b : a), records[0] as CaseRecord);
    console.log(`fuzz: ${records.length} files in ${Math.round((performance.now() - started) / 1000)} s, ${findings.length} findings` +
      `${skipped > 0 ? `, ${skipped} not run after ${MAX_FAILURES} findings` : ""}; slowest ${slowest.fileName} ${Math.round(slowest.outcome.ms)} ms`);
    expect(lines.join("\n")).toBe("");
  }, 10 * 60_000);

  it("each end in a report from `huizong validate --json`, which neither dies nor stops early, as checkFile reports them", async () => {
    const run = await validateWithCli(folder, LIMIT_MS, 5 * 60_000);
    expect(cliProblems(run, files)).toEqual([]);
    // The engine runs the same checkFile: where the child got a result, the CLI must report the same status.
    const disagreements = (run.reports ?? []).flatMap((report) => {
      const expected = childStatuses.get(path.basename(report.file));
      return expected && expected !== report.status ? [`${path.basename(report.file)}: ${report.status}, checkFile said ${expected}`] : [];
    });
    expect(disagreements).toEqual([]);
  }, 6 * 60_000);
});

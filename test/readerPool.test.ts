import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createCheckPool, type CheckPool } from "../src/cli/checkPool";
import type { CheckOptions } from "../src/core/checkWorkbook";
import type { FileReport } from "../src/core/fileReport";
import { checkFile } from "../src/files/checkFile";
import { MISBEHAVE } from "./support/misbehavingChecker";
import { runCli } from "./support/cli";
import { slowReturnFile } from "./support/slowReturn";

/**
 * The check pool: files are checked in child processes, so a file on which the parser does not return ends as a
 * report after the time limit, and a checker that V8 aborts or that runs out of memory costs only its own file,
 * while the others are checked as usual.
 *
 * The command line is driven with an honest but slow return (test/support/slowReturn.ts: 100,000 rows, seconds to
 * read) and a short time limit. The pool itself is driven with a checker that misbehaves on cue
 * (test/support/misbehavingChecker.ts), since every real file that hung or killed a checker is now refused at its
 * root (test/fixtures/hostile/).
 */

const root = path.resolve(__dirname, "..");
const RETURNS = "test/fixtures/returns";
let SLOW = "";
beforeAll(() => {
  SLOW = path.relative(root, slowReturnFile());
}, 120_000);
const CLEAN = `${RETURNS}/01-city-clean.xlsx`;
const MISTAKES = `${RETURNS}/07-city-typical-mistakes.xlsx`;
const MISBEHAVING_CHECKER = path.join(root, "test/support/misbehavingChecker.ts");
const HANG = `${RETURNS}/${MISBEHAVE.hang}.xlsx`;
/** A file name the misbehaving checker acts on, with a clean return's bytes. */
const bytesFor = (file: string) => bytesOf(file.includes("-the-checker") ? CLEAN : file);
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(root, file)));
const hasChinese = /[\u4e00-\u9fff]/;

describe("huizong validate with a file that hangs the reader", () => {
  it("stops that file at the time limit and reports the others as usual", async () => {
    const files = [CLEAN, SLOW, MISTAKES];
    const started = Date.now();
    const { code: exitCode, stdout, stderr } = await runCli(["validate", ...files, "--json"], { HUIZONG_READ_TIMEOUT_MS: "1500" });
    const seconds = (Date.now() - started) / 1000;

    expect(seconds).toBeLessThan(15);
    expect(exitCode).toBe(1);
    const reports = (JSON.parse(stdout) as { files: FileReport[] }).files;
    expect(reports.map((report) => report.file)).toEqual(files);
    const [clean, hung, mistakes] = reports;
    expect(hung).toMatchObject({ status: "unreadable", issues: [{ severity: "error", code: "read-timeout" }] });
    expect(hung?.issues[0]?.message).toMatch(hasChinese);
    expect(stderr).toContain(SLOW);
    // The good files are reported exactly as an inline check reports them.
    expect(clean).toEqual(checkFile(bytesOf(CLEAN), CLEAN).report);
    expect(mistakes).toEqual(checkFile(bytesOf(MISTAKES), MISTAKES).report);
    expect(clean?.status).toBe("ok");
    expect(mistakes?.status).toBe("invalid");
  }, 60_000);
});

describe("check pool", () => {
  let pool: CheckPool | undefined;
  // What the pool would log on stderr for maintainers: expected here, so kept out of the test output.
  let logged: string[] = [];
  const log = (line: string) => void logged.push(line);
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
    logged = [];
  });

  it("checks many files at once in two checkers, one file hanging, and returns each file's own result", async () => {
    const fixtures = readdirSync(path.join(root, RETURNS))
      .filter((name) => name !== "expected.json")
      .map((name) => `${RETURNS}/${name}`);
    const files = [...fixtures, HANG, ...fixtures, ...fixtures];
    const options: CheckOptions = {};
    // The hanging file holds up the first checker long enough for the second to start.
    pool = createCheckPool({ workers: 2, timeoutMs: 3000, entry: MISBEHAVING_CHECKER, log });
    const active = pool;
    const results = await Promise.all(files.map((file) => active.check(bytesFor(file), file, options)));

    const hangAt = files.indexOf(HANG);
    expect(results[hangAt]?.report).toMatchObject({ file: HANG, status: "unreadable", issues: [{ code: "read-timeout" }] });
    const inline = files.map((file) => (file === HANG ? results[hangAt] : checkFile(bytesOf(file), file, options)));
    expect(results).toEqual(inline);
  }, 60_000);

  it("gives up on a file after the time limit and checks the next one in a fresh checker", async () => {
    pool = createCheckPool({ workers: 1, timeoutMs: 5000, entry: MISBEHAVING_CHECKER, log });
    const started = Date.now();
    const [hung, next] = await Promise.all([pool.check(bytesFor(HANG), HANG, {}), pool.check(bytesOf(CLEAN), CLEAN, {})]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
    expect(hung?.report).toMatchObject({ file: HANG, status: "unreadable", issues: [{ code: "read-timeout" }] });
    expect(next).toEqual(checkFile(bytesOf(CLEAN), CLEAN, {}));
    expect(logged).toEqual([expect.stringContaining("no result after 5000 ms")]);
  }, 60_000);

  it("reports a file whose checker runs out of memory (V8 aborts it) as corrupt", async () => {
    pool = createCheckPool({ workers: 1, maxOldGenerationMb: 128, timeoutMs: 30_000, entry: MISBEHAVING_CHECKER, log });
    const hungry = `${RETURNS}/${MISBEHAVE.exhaustMemory}.xlsx`;
    const { report } = await pool.check(bytesFor(hungry), hungry, {});
    expect(report).toMatchObject({ status: "unreadable", issues: [{ code: "corrupt" }] });
    expect(logged).toEqual([expect.stringContaining("memory limit")]);
  }, 60_000);

  it("reports a file on which checkFile throws (a bug) as corrupt, and logs the error", async () => {
    pool = createCheckPool({ workers: 1, log });
    // A campaign without dates cannot come from the CLI; here it makes checkFile throw, as a bug would.
    const broken = { campaign: {} } as unknown as CheckOptions;
    const { report, check } = await pool.check(bytesOf(CLEAN), CLEAN, broken);
    expect(check).toBeUndefined();
    expect(report).toMatchObject({ status: "unreadable", issues: [{ code: "corrupt" }] });
    expect(report.issues[0]?.message).toMatch(hasChinese);
    expect(logged).toEqual([expect.stringContaining("TypeError")]);
  }, 60_000);

  it("survives a checker that V8 aborts: that file is corrupt, every other file keeps its result", async () => {
    pool = createCheckPool({ workers: 2, entry: MISBEHAVING_CHECKER, log });
    const active = pool;
    const doomed = `${RETURNS}/${MISBEHAVE.abort}.xlsx`;
    const files = [CLEAN, MISTAKES, doomed, CLEAN, MISTAKES];
    const results = await Promise.all(files.map((file) => active.check(bytesFor(file), file, {})));
    expect(results[2]?.report).toMatchObject({ file: doomed, status: "unreadable", issues: [{ code: "corrupt" }] });
    const others = files.filter((file) => file !== doomed);
    expect(results.filter((_, index) => index !== 2)).toEqual(others.map((file) => checkFile(bytesOf(file), file, {})));
    expect(logged).toEqual([expect.stringMatching(/abort-the-checker\.xlsx: checker died \(signal SIGABRT\)/)]);
  }, 60_000);

  it("leaves the caller's bytes as they were", async () => {
    pool = createCheckPool({ workers: 1, log });
    const bytes = bytesOf(CLEAN);
    const result = await pool.check(bytes, CLEAN, {});
    expect(bytes).toEqual(bytesOf(CLEAN));
    expect(result).toEqual(checkFile(bytes, CLEAN, {}));
  }, 60_000);
});

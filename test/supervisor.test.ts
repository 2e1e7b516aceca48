import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CommandResult } from "../src/cli/exitCodes";
import type { EngineCommand } from "../src/cli/engineProtocol";
import { runSupervised, type SupervisorOptions } from "../src/cli/supervisor";
import type { FileReport } from "../src/core/fileReport";
import { checkFile } from "../src/files/checkFile";
import { MISBEHAVE } from "./support/misbehavingEngine";
import { runCli } from "./support/cli";
import { slowReturnFile } from "./support/slowReturn";

/**
 * The supervisor: `validate` and `merge` run in one engine process it watches, so a file on which the parser does
 * not return ends as a report after the time limit, and an engine that V8 aborts or that runs out of memory costs
 * only that file (the command runs again without it), while the others are checked as usual.
 *
 * The command line is driven with an honest but slow return (test/support/slowReturn.ts: 100,000 rows, seconds to
 * read) and a short time limit. The supervisor itself is driven with an engine whose checker misbehaves on cue
 * (test/support/misbehavingEngine.ts), since every real file that hung or killed a checker is now refused at its
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
const MISBEHAVING_ENGINE = path.join(root, "test/support/misbehavingEngine.ts");
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

describe("the supervisor", () => {
  // What the supervisor would log on stderr for maintainers: expected here, so kept out of the test output.
  let logged: string[] = [];
  let folder = "";
  beforeEach(() => {
    logged = [];
    folder = mkdtempSync(path.join(os.tmpdir(), "huizong-supervisor-"));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** Copies of real returns under the names given: a misbehaving name gets a clean return's bytes. */
  function returnsNamed(...names: string[]): string[] {
    return names.map((name, index) => {
      const file = path.join(folder, `${String(index).padStart(2, "0")}-${name}.xlsx`);
      copyFileSync(path.join(root, name.includes("-the-checker") || name.includes("-in-the-checker") ? CLEAN : `${RETURNS}/${name}.xlsx`), file);
      return file;
    });
  }

  async function validate(files: string[], options: SupervisorOptions = {}): Promise<FileReport[]> {
    const command: EngineCommand = { name: "validate", args: files, options: { json: true, campaign: undefined } };
    const result: CommandResult = await runSupervised(command, { entry: MISBEHAVING_ENGINE, log: (line) => void logged.push(line), progress: false, ...options });
    return (JSON.parse(result.output) as { files: FileReport[] }).files;
  }

  /** What checking the file in this process reports, under the name it was checked by. */
  const inline = (file: string) => checkFile(new Uint8Array(readFileSync(file)), file).report;

  it("hands over an answer too long for one message whole, leaving no file behind", async () => {
    const files = returnsNamed(...Array.from({ length: 30 }, () => "07-city-typical-mistakes"));
    const before = readdirSync(os.tmpdir()).filter((name) => name.startsWith("huizong-output-")).length;
    const command: EngineCommand = { name: "validate", args: files, options: { json: true, campaign: undefined } };
    const result = await runSupervised(command, { entry: MISBEHAVING_ENGINE, log: (line) => void logged.push(line), progress: false });
    expect(result.output.length).toBeGreaterThan(64 * 1024);
    const reports = (JSON.parse(result.output) as { files: FileReport[] }).files;
    expect(reports.map((report) => report.file)).toEqual(files);
    expect(reports.every((report, index) => JSON.stringify(report) === JSON.stringify(inline(files[index] ?? "")))).toBe(true);
    expect(readdirSync(os.tmpdir()).filter((name) => name.startsWith("huizong-output-")).length).toBe(before);
  }, 60_000);

  it("gives up a file that hangs after the time limit, and reports every other file as an inline check does", async () => {
    const files = returnsNamed("01-city-clean", "07-city-typical-mistakes", MISBEHAVE.hang, "01-city-clean", "07-city-typical-mistakes");
    const started = Date.now();
    const reports = await validate(files, { timeoutMs: 3000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(reports[2]).toMatchObject({ file: files[2], status: "unreadable", issues: [{ code: "read-timeout" }] });
    expect(reports[2]?.issues[0]?.message).toMatch(hasChinese);
    expect(reports.filter((_, index) => index !== 2)).toEqual(files.filter((_, index) => index !== 2).map(inline));
    expect(logged).toEqual([expect.stringContaining("no result after 3000 ms")]);
  }, 60_000);

  it("reports a file during which V8 aborts the engine as corrupt, every other file keeping its result", async () => {
    const files = returnsNamed("01-city-clean", MISBEHAVE.abort, "07-city-typical-mistakes");
    const reports = await validate(files);
    expect(reports[1]).toMatchObject({ file: files[1], status: "unreadable", issues: [{ code: "corrupt" }] });
    expect([reports[0], reports[2]]).toEqual([inline(files[0]!), inline(files[2]!)]);
    expect(logged).toEqual([expect.stringMatching(/abort-the-checker\.xlsx: the engine died \(signal SIGABRT\)/)]);
  }, 60_000);

  it("reports a file that runs the engine out of memory as corrupt", async () => {
    const files = returnsNamed(MISBEHAVE.exhaustMemory, "01-city-clean");
    const reports = await validate(files, { maxOldGenerationMb: 128, timeoutMs: 30_000 });
    expect(reports[0]).toMatchObject({ status: "unreadable", issues: [{ code: "corrupt" }] });
    expect(reports[1]).toEqual(inline(files[1]!));
    expect(logged).toEqual([expect.stringContaining("memory limit")]);
  }, 60_000);

  it("gives up two bad files in one run, one after the other", async () => {
    const files = returnsNamed(MISBEHAVE.abort, "01-city-clean", MISBEHAVE.hang, "07-city-typical-mistakes");
    const reports = await validate(files, { timeoutMs: 3000 });
    expect(reports.map((report) => report.issues[0]?.code ?? report.status)).toEqual(["corrupt", "ok", "read-timeout", expect.any(String)]);
    expect(reports[3]).toEqual(inline(files[3]!));
    expect(logged).toHaveLength(2);
  }, 60_000);

  it("reports a file on which the checker throws (a bug) as corrupt, logs the error, and does not restart", async () => {
    const files = returnsNamed(MISBEHAVE.throwError, "01-city-clean");
    const reports = await validate(files);
    expect(reports[0]).toMatchObject({ status: "unreadable", issues: [{ code: "corrupt" }] });
    expect(reports[1]).toEqual(inline(files[1]!));
    expect(logged).toEqual([expect.stringMatching(/throw-in-the-checker\.xlsx: checkFile threw: TypeError: a checker bug, on cue/)]);
  }, 60_000);

  it("merges around a file that hangs: the master holds every other file's rows", async () => {
    const files = returnsNamed("01-city-clean", MISBEHAVE.hang, "07-city-typical-mistakes");
    const output = path.join(folder, "汇总表.xlsx");
    const command: EngineCommand = { name: "merge", args: files, options: { output, roster: undefined, campaign: undefined, json: true } };
    const result = await runSupervised(command, { entry: MISBEHAVING_ENGINE, timeoutMs: 3000, log: (line) => void logged.push(line), progress: false });
    const merged = JSON.parse(result.output) as { files: FileReport[]; masterRows: number };
    expect(merged.files[1]).toMatchObject({ status: "unreadable", issues: [{ code: "read-timeout" }] });
    expect(merged.masterRows).toBe(inline(files[0]!).rows + inline(files[2]!).rows);
    // The engine that was stopped held the master's lock: the rerun took it over, and released it.
    expect(readFileSync(output).length).toBeGreaterThan(0);
    expect(() => readFileSync(`${output}.huizong-lock`)).toThrow();
  }, 60_000);
});

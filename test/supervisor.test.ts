import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CommandResult } from "../src/cli/exitCodes";
import type { EngineCommand } from "../src/cli/engineProtocol";
import { runSupervised, type SupervisorOptions } from "../src/cli/supervisor";
import type { FileReport } from "../src/core/fileReport";
import { cellText } from "../src/core/rawSheet";
import { checkFile } from "../src/files/checkFile";
import { readWorkbook } from "../src/files/readWorkbook";
import { MISBEHAVE, secondThreadMark } from "./support/misbehavingCheck";
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

/** The master's merged schedule (活动汇总) as text, row by row. */
function masterCells(bytes: Uint8Array): string[][] {
  const read = readWorkbook(bytes, "汇总表.xlsx");
  if (!read.ok) throw new Error(`the master does not read back: ${read.code}`);
  const schedule = read.workbook.sheets.find((sheet) => sheet.name === "活动汇总");
  return (schedule?.rows ?? []).map((row) => row.map((cell) => cellText(cell)));
}

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
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(secondThreadMark(folder), { force: true });
  });

  /** Copies of real returns under the names given: a misbehaving name gets a clean return's bytes. */
  function returnsNamed(...names: string[]): string[] {
    return names.map((name, index) => {
      const file = path.join(folder, `${String(index).padStart(2, "0")}-${name}.xlsx`);
      copyFileSync(path.join(root, name.includes("-the-checker") || name.includes("-in-the-checker") || name.includes(MISBEHAVE.waitForSecondThread) ? CLEAN : `${RETURNS}/${name}.xlsx`), file);
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

  describe("reading on two threads", () => {
    /**
     * The engine's main thread takes the first file and holds it until the second thread has taken one: so the
     * second file listed is always the second thread's, and what it does there is what is tested.
     */
    const onSecondThread = (...names: string[]) => returnsNamed(MISBEHAVE.waitForSecondThread, ...names);
    const twoThreads: SupervisorOptions = { secondReaderFrom: 2 };

    it("reports every file as an inline check does, in input order", async () => {
      const files = onSecondThread(...Array.from({ length: 12 }, (_, index) => (index % 2 ? "01-city-clean" : "07-city-typical-mistakes")));
      const reports = await validate(files, twoThreads);
      expect(reports.map((report) => report.file)).toEqual(files);
      expect(reports).toEqual(files.map(inline));
      expect(logged).toEqual([]);
    }, 60_000);

    it("gives up a file that hangs the second thread after the time limit, without starting the run again", async () => {
      const files = onSecondThread(MISBEHAVE.hang, "01-city-clean", "07-city-typical-mistakes");
      const started = Date.now();
      const reports = await validate(files, { ...twoThreads, timeoutMs: 3000 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
      expect(reports[1]).toMatchObject({ file: files[1], status: "unreadable", issues: [{ code: "read-timeout" }] });
      expect(reports.filter((_, index) => index !== 1)).toEqual(files.filter((_, index) => index !== 1).map(inline));
      expect(logged).toEqual([expect.stringMatching(/hang-the-checker\.xlsx: no result after 3000 ms on the second reading thread/)]);
    }, 60_000);

    it("reports a file that runs the second thread out of memory as corrupt, the engine reading on", async () => {
      const files = onSecondThread(MISBEHAVE.exhaustMemory, "01-city-clean");
      const reports = await validate(files, { ...twoThreads, maxOldGenerationMb: 128, timeoutMs: 30_000 });
      expect(reports[1]).toMatchObject({ status: "unreadable", issues: [{ code: "corrupt" }] });
      expect([reports[0], reports[2]]).toEqual([inline(files[0]!), inline(files[2]!)]);
      expect(logged).toEqual([expect.stringMatching(/exhaust-the-checker\.xlsx: the second reading thread died on it/)]);
    }, 60_000);

    it("reads again on one thread when V8 aborts the engine, and then finds the file that did it", async () => {
      const files = onSecondThread(MISBEHAVE.abort, "07-city-typical-mistakes");
      const reports = await validate(files, twoThreads);
      expect(reports[1]).toMatchObject({ file: files[1], status: "unreadable", issues: [{ code: "corrupt" }] });
      expect([reports[0], reports[2]]).toEqual([inline(files[0]!), inline(files[2]!)]);
      expect(logged).toEqual([
        expect.stringMatching(/the engine died \(signal SIGABRT\) while reading on two threads; reading again on one/),
        expect.stringMatching(/abort-the-checker\.xlsx: the engine died \(signal SIGABRT\)/),
      ]);
    }, 60_000);

    it("reports a file on which the second thread's checker throws as corrupt, and logs the error", async () => {
      const files = onSecondThread(MISBEHAVE.throwError, "01-city-clean");
      const reports = await validate(files, twoThreads);
      expect(reports[1]).toMatchObject({ status: "unreadable", issues: [{ code: "corrupt" }] });
      expect([reports[0], reports[2]]).toEqual([inline(files[0]!), inline(files[2]!)]);
      expect(logged).toEqual([expect.stringMatching(/throw-in-the-checker\.xlsx: checkFile threw: TypeError: a checker bug, on cue/)]);
    }, 60_000);

    it("reads a file in a folder as one thread does: a name in GBK by its bytes, a note as ignored", async () => {
      const returns = path.join(folder, "returns");
      mkdirSync(returns);
      copyFileSync(path.join(root, CLEAN), path.join(returns, `00-${MISBEHAVE.waitForSecondThread}.xlsx`));
      // 01-上海海关.xlsx in GBK, as a zip made on Chinese Windows unpacks it on Linux: the second thread's first file.
      const gbkName = Buffer.concat([Buffer.from("01-"), Buffer.from([0xc9, 0xcf, 0xba, 0xa3, 0xba, 0xa3, 0xb9, 0xd8]), Buffer.from(".xlsx")]);
      copyFileSync(path.join(root, MISTAKES), Buffer.concat([Buffer.from(returns + path.sep), gbkName]));
      writeFileSync(path.join(returns, "02-说明.txt"), "not a return");
      copyFileSync(path.join(root, CLEAN), path.join(returns, "03-clean.xlsx"));
      const two = await validate([returns], twoThreads);
      const one = await validate([returns], { secondReaderFrom: Number.POSITIVE_INFINITY });
      expect(two).toEqual(one);
      expect(two[1]).toMatchObject({ file: path.join(returns, "01-上海海关.xlsx"), status: "invalid" });
      expect(two[2]).toMatchObject({ status: "ignored" });
    }, 60_000);

    it("merges the same master as one thread does", async () => {
      const files = onSecondThread(...Array.from({ length: 8 }, (_, index) => (index % 2 ? "01-city-clean" : "07-city-typical-mistakes")));
      const merge = async (output: string, options: SupervisorOptions) => {
        const command: EngineCommand = { name: "merge", args: files, options: { output, roster: undefined, campaign: undefined, json: true } };
        const result = await runSupervised(command, { entry: MISBEHAVING_ENGINE, log: (line) => void logged.push(line), progress: false, ...options });
        return JSON.parse(result.output) as { files: FileReport[]; masterRows: number };
      };
      const two = await merge(path.join(folder, "two.xlsx"), twoThreads);
      const one = await merge(path.join(folder, "one.xlsx"), { secondReaderFrom: Number.POSITIVE_INFINITY });
      expect(two.files).toEqual(one.files);
      expect(two.masterRows).toBe(one.masterRows);
      const cells = (file: string) => masterCells(new Uint8Array(readFileSync(file)));
      expect(cells(path.join(folder, "two.xlsx"))).toEqual(cells(path.join(folder, "one.xlsx")));
    }, 60_000);
  });

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

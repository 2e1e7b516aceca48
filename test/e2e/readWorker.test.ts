/**
 * The task pane reads picked files on a Web Worker (src/files/checkWorkerClient.ts), in Chromium:
 *
 * - the production build (dist/) bundles the worker as a chunk of its own, the pane merges returned files on it,
 *   and while a slow return holds the worker (test/support/slowReturn.ts: 100,000 rows, seconds to read) the pane
 *   stays responsive and 取消 stops at once;
 * - src/files/readReturns.ts and the worker bundled alone with esbuild (readWorkerEntry.ts), with a short time
 *   limit: the hanging file ends as a `read-timeout` report and the next file is read on a fresh worker, while the
 *   page's thread is never held up; every fixture reads on the worker exactly as checkFile reads it in Node.
 */
import { build } from "esbuild";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { MASTER_SHEET_NAME } from "../../src/core/merge/masterRow";
import { checkFile } from "../../src/files/checkFile";
import { readFailureMessages } from "../../src/messages/zhCN";
import { paneText } from "../../src/messages/pane";
import { BUILD_TIMEOUT_MS, ensureDist, root } from "../support/dist";
import { SLOW_RETURN_NAME, slowReturnFile } from "../support/slowReturn";
import { bundleFakeExcel, describeWithChromium, launchChromium, openSession, type PaneSession } from "./browser";
import type { E2EWindow } from "./fakeWorkbook";
import type { ReadOutcome, ReadRequest, ReadWorkerWindow } from "./readWorkerEntry";
import { serveFolder, type StaticServer } from "./staticServer";

const STEP_MS = 30_000;
jest.setTimeout(120_000);

const returnsFolder = path.join(root, "test", "fixtures", "returns");
const HANG = SLOW_RETURN_NAME;
let hangPath = "";
const CLEAN = "01-city-clean.xlsx";
const MISTAKES = "07-city-typical-mistakes.xlsx";
const fixtureNames = readdirSync(returnsFolder).filter((name) => name !== "expected.json");
/** The page's thread may be busy this long at most while the worker reads (seconds for the slow file). */
const MAX_STALL_MS = 1500;
const say = paneText.merge;

describeWithChromium("reading picked files on a Web Worker in Chromium", () => {
  let browser: Browser;
  let distServer: StaticServer;
  let bundleServer: StaticServer;
  let bundleFolder: string;
  let distFolder: string;
  let fakeExcel: string;
  let session: PaneSession | undefined;

  beforeAll(async () => {
    bundleFolder = mkdtempSync(path.join(tmpdir(), "huizong-read-worker-"));
    // Under its own name in the picker and on the bundle's server.
    hangPath = path.join(bundleFolder, HANG);
    copyFileSync(slowReturnFile(), hangPath);
    const [dist, script] = await Promise.all([ensureDist(), bundleFakeExcel(), bundleReader(bundleFolder)]);
    distFolder = dist;
    fakeExcel = script;
    distServer = await serveFolder(dist);
    bundleServer = await serveFolder(bundleFolder);
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS + 60_000);

  afterEach(async () => {
    await session?.context.close();
    session = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await distServer?.close();
    await bundleServer?.close();
    if (bundleFolder) rmSync(bundleFolder, { recursive: true, force: true });
  });

  /** A fresh page; console warnings (the reader's notes for maintainers) are collected too. */
  async function open(origin: string, url: string, initScript?: string): Promise<{ page: Page; warnings: string[] }> {
    session = await openSession(browser, origin, initScript);
    const warnings: string[] = [];
    session.page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    await session.page.goto(url, { timeout: STEP_MS });
    return { page: session.page, warnings };
  }

  it("in the production build: merges on the worker chunk, and stays responsive and cancellable on a hanging file", async () => {
    const workerChunk = readdirSync(distFolder).find((name) => /^check-worker\.[0-9a-f]{8}\.js$/.test(name));
    expect(workerChunk).toBeDefined();
    const workerRequests = () => distServer.requests.filter((request) => request === `/${workerChunk}`).length;

    const { page, warnings } = await open(distServer.origin, `${distServer.origin}/taskpane.html`, fakeExcel);
    const status = page.getByRole("status", { name: "提示" });
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByLabel("报回文件").setInputFiles([path.join(returnsFolder, CLEAN), hangPath, path.join(returnsFolder, MISTAKES)]);
    await page.getByRole("heading", { name: say.picked(3) }).waitFor({ timeout: STEP_MS });
    await page.getByRole("button", { name: "合并到汇总表" }).click();

    // The hanging file is on the worker: the pane still paints and answers within a frame or two.
    await page.getByText(say.reading(2, 3, HANG)).waitFor({ timeout: STEP_MS });
    expect(workerRequests()).toBe(1);
    expect(await longestFrameWhile(page, 1500)).toBeLessThan(MAX_STALL_MS);
    const cancelledAt = Date.now();
    await page.getByRole("button", { name: say.cancel }).click();
    await status.getByText(say.cancelled).waitFor({ timeout: STEP_MS });
    // At once, not when the parse ends (over a minute) or at the 20 s limit.
    expect(Date.now() - cancelledAt).toBeLessThan(5000);
    expect((await view(page)).sheets.map((sheet) => sheet.name)).not.toContain(MASTER_SHEET_NAME);

    // The clerk drops the file and merges the others, on a new worker.
    await page.getByRole("button", { name: say.remove(HANG) }).click();
    await page.getByRole("heading", { name: say.picked(2) }).waitFor({ timeout: STEP_MS });
    await page.getByRole("button", { name: "合并到汇总表" }).click();
    await status.getByText(say.merged(19, 19)).waitFor({ timeout: STEP_MS });
    expect(workerRequests()).toBe(2);
    const report = page.getByRole("region", { name: "合并结果" });
    await report.getByText(CLEAN).waitFor({ timeout: STEP_MS });
    await report.getByText(MISTAKES).waitFor({ timeout: STEP_MS });

    expect(session?.problems).toEqual([]);
    expect(session?.blocked).toEqual([]);
    // The worker started every time: no fallback to reading in the page.
    expect(warnings).toEqual([]);
  });

  it("ends a hanging file at the time limit as read-timeout and reads the next file on a fresh worker", async () => {
    const { page } = await open(bundleServer.origin, `${bundleServer.origin}/index.html`);
    const timeoutMs = 3000;

    const outcome = await readIn(page, { paths: [`/${CLEAN}`, `/${HANG}`, `/${MISTAKES}`], on: "worker", workerUrl: "/worker.js", timeoutMs });

    expect(outcome.thrown).toBeUndefined();
    expect(outcome.files).toEqual([
      summary(CLEAN),
      { file: HANG, status: "unreadable", rows: 0, code: "read-timeout", message: readFailureMessages["read-timeout"] },
      summary(MISTAKES),
    ]);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(timeoutMs);
    expect(outcome.longestStallMs).toBeLessThan(MAX_STALL_MS);
    expect(outcome.warnings).toEqual([`huizong: ${HANG}: no result after ${timeoutMs} ms, stopped`]);
    expect(outcome.progress.map((step) => [step.done, step.current])).toEqual([
      [0, CLEAN],
      [1, HANG],
      [2, MISTAKES],
      [3, MISTAKES],
    ]);
    // Two workers: the first stopped under the hanging file, a fresh one for the last file.
    expect(bundleServer.requests.filter((request) => request === "/worker.js")).toHaveLength(2);
    expect(session?.problems).toEqual([]);
  });

  it("reads every fixture on the worker exactly as checkFile reads it in Node", async () => {
    const { page } = await open(bundleServer.origin, `${bundleServer.origin}/index.html`);

    const outcome = await readIn(page, { paths: fixtureNames.map((name) => `/${name}`), on: "worker", workerUrl: "/worker.js" });

    expect(outcome.thrown).toBeUndefined();
    expect(outcome.files).toEqual(fixtureNames.map(summary));
    expect(outcome.warnings).toEqual([]);
  });
});

/**
 * The reader and its worker bundled for a plain page: index.html runs readWorkerEntry.ts, worker.js is
 * checkWorker.browser.ts (a classic worker, as webpack builds it), beside copies of the files to read.
 */
async function bundleReader(folder: string): Promise<void> {
  const bundle = async (entry: string) => {
    const result = await build({ entryPoints: [entry], bundle: true, format: "iife", platform: "browser", target: "es2022", write: false, logLevel: "silent" });
    const [output] = result.outputFiles;
    if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
    return output.text;
  };
  const [page, worker] = await Promise.all([bundle(path.join(__dirname, "readWorkerEntry.ts")), bundle(path.join(root, "src", "files", "checkWorker.browser.ts"))]);
  writeFileSync(path.join(folder, "page.js"), page);
  writeFileSync(path.join(folder, "worker.js"), worker);
  writeFileSync(path.join(folder, "index.html"), '<!doctype html>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<script src="page.js"></script>\n');

  for (const name of fixtureNames) copyFileSync(path.join(returnsFolder, name), path.join(folder, name));
}

function readIn(page: Page, request: ReadRequest): Promise<ReadOutcome> {
  return page.evaluate((sent) => (window as unknown as ReadWorkerWindow).readFiles(sent), request);
}

/** A fixture as checkFile reports it in Node, in the shape readWorkerEntry.ts returns. */
function summary(name: string): ReadOutcome["files"][number] {
  const { report } = checkFile(new Uint8Array(readFileSync(path.join(returnsFolder, name))), name, {});
  return { file: report.file, status: report.status, rows: report.rows, code: report.issues[0]?.code, message: report.issues[0]?.message };
}

/** The longest gap between animation frames over `ms`: how long the page's thread was unavailable. */
function longestFrameWhile(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        let last = start;
        let longest = 0;
        const frame = (now: number) => {
          longest = Math.max(longest, now - last);
          last = now;
          if (now - start < duration) requestAnimationFrame(frame);
          else resolve(longest);
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
}

function view(page: Page) {
  return page.evaluate(() => (window as unknown as E2EWindow).huizongE2E.view());
}

/**
 * The production build of the task pane (dist/) on files, in a plain browser: how fast it is usable and what it
 * costs to merge 300 returns in the page (measured and reported, not asserted), and that it works by keyboard with
 * every control named.
 *
 * The measurements are logged one line each and written to test-output/pane-measures.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { returnedWorkbook, seededRandom } from "../../bench/generate";
import { root } from "../support/dist";
import { download, rowsBySourceFile } from "./filesPane";
import { describeWithChromium, expectNamedControls, focused, paneInChromium, tabTo, waitForSelectedTab } from "./browser";

const STEP_MS = 30_000;
const RETURNS = 300;
const ROWS_PER_RETURN = 3;
const MEASURES = path.join(root, "test-output", "pane-measures.json");
jest.setTimeout(300_000);

describeWithChromium("the built task pane on files: speed, memory and keyboard", () => {
  const pane = paneInChromium();

  it(`is usable soon after loading, and reads and merges ${RETURNS} returns in the page (measured)`, async () => {
    // The returns, generated in node before the clock starts: distinct units, a few rows each.
    const folder = pane.tempDir("huizong-e2e-measure-");
    const random = seededRandom(300);
    const files = Array.from({ length: RETURNS }, (_, index) => {
      const unit = `测试单位${String(index + 1).padStart(3, "0")}`;
      const file = path.join(folder, `${unit}.xlsx`);
      writeFileSync(file, returnedWorkbook(unit, ROWS_PER_RETURN, random));
      return file;
    });

    const session = await pane.open();
    const page = session.page;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const heapUsed = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? Number.NaN;
    };

    // Usable: the 模板 tab's 下载模板 button enabled, timed in node from just before navigation (the page's own
    // performance.now() is not used: the session's fixed clock from Playwright stands in for it).
    const navigated = Date.now();
    await page.goto(`${pane.origin()}/taskpane.html`, { timeout: STEP_MS });
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((element) => element.textContent?.trim() === "下载模板" && !element.disabled),
      undefined,
      { timeout: STEP_MS, polling: "raf" },
    );
    const usableMs = Date.now() - navigated;
    await page.getByText("未在 Excel 中运行：在浏览器中处理文件，文件不会上传").waitFor({ timeout: STEP_MS });

    // 汇总: all the returns picked at once, merged, and the master downloaded.
    await page.getByRole("tab", { name: "汇总" }).click();
    await waitForSelectedTab(page, "汇总");
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    const heapBefore = await heapUsed();
    const pickedAt = Date.now();
    await page.getByLabel("报回文件").setInputFiles(files);
    await page.getByRole("heading", { name: `已选择 ${RETURNS} 个文件` }).waitFor({ timeout: 60_000 });
    const pickMs = Date.now() - pickedAt;

    let heapPeak = heapBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        heapPeak = Math.max(heapPeak, await heapUsed().catch(() => 0));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const mergeStarted = Date.now();
    let master: Awaited<ReturnType<typeof download>>;
    try {
      master = await download(page, page.getByRole("button", { name: "合并并下载汇总表" }), 240_000);
    } finally {
      sampling = false;
      await sampler;
    }
    const mergeMs = Date.now() - mergeStarted;
    const heapAfter = await heapUsed();
    const performanceMemory = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);

    // It finished, and the master has every row.
    expect(master.name).toBe("汇总表.xlsx");
    const bySource = rowsBySourceFile(master.bytes);
    expect(Object.keys(bySource)).toHaveLength(RETURNS);
    expect(Object.values(bySource).reduce((sum, count) => sum + count, 0)).toBe(RETURNS * ROWS_PER_RETURN);

    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    const measures = {
      measuredAt: new Date().toISOString(),
      chromium: pane.browserVersion(),
      usableMs,
      returns: RETURNS,
      rowsPerReturn: ROWS_PER_RETURN,
      returnsBytes: files.reduce((sum, file) => sum + readFileSync(file).length, 0),
      pickMs,
      mergeAndDownloadMs: mergeMs,
      heapBeforeMB: mb(heapBefore),
      heapPeakSampledMB: mb(heapPeak),
      heapAfterMB: mb(heapAfter),
      performanceMemoryUsedMB: performanceMemory === null ? null : mb(performanceMemory),
      masterBytes: master.bytes.length,
    };
    console.log(`pane measure: usable (下载模板 enabled) ${usableMs} ms from navigation`);
    console.log(`pane measure: picking ${RETURNS} returns (${Math.round(measures.returnsBytes / 1024)} KB) took ${pickMs} ms`);
    console.log(`pane measure: reading and merging ${RETURNS} returns (${RETURNS * ROWS_PER_RETURN} rows) until the download took ${mergeMs} ms`);
    console.log(`pane measure: page JS heap ${measures.heapBeforeMB} MB before, ${measures.heapPeakSampledMB} MB peak (sampled every ~50 ms), ${measures.heapAfterMB} MB after the merge (main thread only)`);
    mkdirSync(path.dirname(MEASURES), { recursive: true });
    writeFileSync(MEASURES, `${JSON.stringify(measures, null, 2)}\n`);

    expect(session.problems).toEqual([]);
    expect(session.blocked).toEqual([]);
  });

  it("works by keyboard on files, and names every control of every section", async () => {
    const session = await pane.open();
    const page = session.page;
    await page.goto(`${pane.origin()}/taskpane.html`, { timeout: STEP_MS });
    await page.getByText("未在 Excel 中运行：在浏览器中处理文件，文件不会上传").waitFor({ timeout: STEP_MS });
    await page.getByRole("tablist", { name: "功能" }).waitFor({ timeout: STEP_MS });

    // Tab into the tab list; the arrows move between tabs, Enter takes one.
    await tabTo(page, "tab", "模板");
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ role: "tab", name: "校验" });
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ role: "tab", name: "汇总" });
    await page.keyboard.press("Enter");
    await waitForSelectedTab(page, "汇总");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(focused(page)).resolves.toMatchObject({ role: "tab", name: "模板" });
    await page.keyboard.press("Enter");
    await waitForSelectedTab(page, "模板");

    // Tab on to 下载模板: Enter downloads the template, and so does Space.
    await tabTo(page, "button", "下载模板");
    const downloadButton = page.getByRole("button", { name: "下载模板" });
    for (const key of ["Enter", "Space"]) {
      const [started] = await Promise.all([page.waitForEvent("download", { timeout: STEP_MS }), page.keyboard.press(key)]);
      expect(started.suggestedFilename()).toMatch(/\.xlsx$/);
      await page.getByRole("status", { name: "提示" }).getByText(`已下载模板“${started.suggestedFilename()}”`).waitFor({ timeout: STEP_MS });
      // Focus stays on the button while it is busy and after (disabledFocusable), so Space can follow Enter.
      await expect(focused(page)).resolves.toMatchObject({ role: "button", name: "下载模板" });
      await expect(downloadButton.isEnabled()).resolves.toBe(true);
    }

    // Every control of every section has a name a screen reader can say.
    for (const tab of ["模板", "校验", "汇总", "设置"]) {
      await page.getByRole("tab", { name: tab }).click();
      await waitForSelectedTab(page, tab);
      await expectNamedControls(page);
    }

    expect(session.problems).toEqual([]);
    expect(session.blocked).toEqual([]);
  });
});

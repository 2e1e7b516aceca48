/**
 * Chromium for the end-to-end tests of the built pane: Debian's /usr/bin/chromium driven by playwright-core, one
 * browser per test file and a fresh context (storage, routes) per test. Every request that does not go to the
 * test's own server on 127.0.0.1 is refused and remembered, except office.js from Microsoft's CDN, which gets an
 * empty script: the pane must run on what dist/ holds and make no network requests of its own.
 */
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { BUILD_TIMEOUT_MS, ensureDist } from "../support/dist";
import { serveFolder, type StaticServer } from "./staticServer";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const root = path.resolve(__dirname, "../..");
export const SCREENSHOTS = path.join(root, "test-output", "screenshots");
export const DOCS_SCREENSHOTS = path.join(root, "docs", "screenshots");
/** The pane's width in Excel on the web and desktop: 320 CSS pixels, shot at twice that for sharp docs. */
const VIEWPORT = { width: 320, height: 720 };
/** Screenshots stay under 2000 image pixels tall: 1000 CSS pixels at a device scale factor of 2. */
const MAX_SHOT_HEIGHT = 1000;
const MIN_SHOT_HEIGHT = 400;
/**
 * The day the tests live on: a week before the notices' campaign week, so the pane sees the week as this year's
 * (its "not this year" warning stays away) and the screenshots do not change with the calendar.
 */
export const TODAY = new Date("2024-04-12T10:00:00+08:00");

/**
 * `describe` for tests that need Chromium. Without it the block is skipped with a loud warning on a developer
 * machine, and fails on CI (`CI=true`), where a missing browser would otherwise pass silently.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("needs Chromium", () => {
        throw new Error(`Chromium is not installed at ${CHROMIUM}, and CI=true: install it (apt-get install chromium) or set CHROMIUM`);
      });
    });
  } else {
    console.warn(
      `\n*** Chromium not found at ${CHROMIUM}: SKIPPING "${name}". ` +
        "These tests run the built task pane in a browser; install it (apt-get install chromium) to run them (CI fails without it). ***\n",
    );
    describe.skip(name, body);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
}

/** The page entry that installs the fake Excel, bundled for page.addInitScript. */
export async function bundleFakeExcel(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, "fakeExcelEntry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild wrote nothing for fakeExcelEntry.ts");
  return output.text;
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors in the page. */
  problems: string[];
  /** Requests refused because they left 127.0.0.1. */
  blocked: string[];
  /** How often the pane asked for office.js. */
  officeJsRequests: number;
}

/** A fresh context and page at 320 px in Chinese; with `initScript`, that script runs before the pane's own. */
export async function openSession(browser: Browser, origin: string, initScript?: string): Promise<PaneSession> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, locale: "zh-CN", timezoneId: "Asia/Shanghai", serviceWorkers: "block" });
  const session: PaneSession = { context, page: undefined as unknown as Page, problems: [], blocked: [], officeJsRequests: 0 };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url === OFFICE_JS_CDN) {
      session.officeJsRequests++;
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: "" });
    }
    session.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  await context.clock.setFixedTime(TODAY);
  if (initScript !== undefined) await context.addInitScript({ content: initScript });
  const page = await context.newPage();
  page.on("pageerror", (error) => session.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") session.problems.push(`console error: ${message.text()}`);
  });
  session.page = page;
  return session;
}

/**
 * A screenshot into test-output/screenshots/NAME.png of the pane made as tall as its content (400 to 1000 CSS
 * pixels), so that the status, which sticks to the bottom of the pane, sits under the content instead of over it.
 * A longer pane is shot from its top, or from the top of `scrollTo` (then without the pane's header). With
 * UPDATE_DOCS_SCREENSHOTS=1 and a `docsName`, also copied to docs/screenshots/.
 */
export async function shoot(page: Page, name: string, options: { docsName?: string; scrollTo?: Locator } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.setViewportSize({ width: VIEWPORT.width, height: MIN_SHOT_HEIGHT });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(Math.max(height, MIN_SHOT_HEIGHT), MAX_SHOT_HEIGHT) });
  // From the element's top (a little above it) to the bottom of the pane, or the whole pane from its top.
  const top = options.scrollTo
    ? await options.scrollTo.evaluate((element) => {
        element.scrollIntoView({ block: "start" });
        return Math.max(0, Math.floor(element.getBoundingClientRect().top) - 12);
      })
    : await page.evaluate(() => {
        window.scrollTo(0, 0);
        return 0;
      });
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  const viewport = page.viewportSize() ?? VIEWPORT;
  await page.screenshot({ path: file, animations: "disabled", caret: "hide", clip: { x: 0, y: top, width: viewport.width, height: viewport.height - top } });
  await page.setViewportSize(VIEWPORT);
  if (options.docsName && process.env.UPDATE_DOCS_SCREENSHOTS === "1") {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(file, path.join(DOCS_SCREENSHOTS, options.docsName));
  }
  return file;
}

/** How long one step of the pane (a tab shown, a control found) may take. */
const UI_STEP_MS = 30_000;

export async function waitForSelectedTab(page: Page, name: string): Promise<void> {
  await page.locator(`[role=tab][aria-selected=true]`, { hasText: name }).waitFor({ timeout: UI_STEP_MS });
  await page.locator(`[role=tabpanel]:not([hidden])`).waitFor({ timeout: UI_STEP_MS });
}

/** The focused element's role and accessible name, as Playwright's accessibility snapshot has them. */
export async function focused(page: Page): Promise<{ role: string; name: string }> {
  return accessible(page.locator("*:focus"));
}

export async function accessible(element: Locator): Promise<{ role: string; name: string }> {
  const snapshot = await element.ariaSnapshot({ timeout: UI_STEP_MS });
  const match = /^- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snapshot.split("\n")[0] ?? "");
  return { role: match?.[1] ?? "", name: match?.[2] ?? "" };
}

/** Presses Tab until the control is focused; fails when it is not reached in a few presses. */
export async function tabTo(page: Page, role: string, name: string | RegExp): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < 8; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    seen.push(`${now.role} "${now.name}"`);
    if (now.role === role && (typeof name === "string" ? now.name === name : name.test(now.name))) return;
  }
  throw new Error(`Tab never reached ${role} ${String(name)}; focus went to: ${seen.join(", ")}`);
}

/**
 * Every control on show (the tab list and the open section) has a non-empty accessible name, as Playwright's
 * accessibility snapshot computes it; file inputs, which are hidden behind their buttons, have an aria-label.
 */
export async function expectNamedControls(page: Page): Promise<void> {
  const controls = page.locator(
    ["[role=tablist]", "[role=tabpanel]:not([hidden])", "[role=status]"]
      .flatMap((scope) => ["button", "input", "[role=tab]", "[role=radio]", "[role=combobox]", "textarea", "select"].map((control) => `${scope} ${control}`))
      .join(", "),
  );
  const unnamed: string[] = [];
  let checked = 0;
  for (const control of await controls.all()) {
    if (await control.isVisible()) {
      const { role, name } = await accessible(control);
      checked++;
      if (role === "" || name.trim() === "") unnamed.push(await control.evaluate((element) => element.outerHTML.slice(0, 200)));
    } else {
      const label = await control.evaluate((element) => element.getAttribute("aria-label") ?? "");
      if (label.trim() === "") unnamed.push(await control.evaluate((element) => element.outerHTML.slice(0, 200)));
    }
  }
  expect(unnamed).toEqual([]);
  expect(checked).toBeGreaterThan(4);
}

/** The production build served from dist/ and one Chromium, for all the tests of a file. */
export interface PaneInChromium {
  /** A fresh, network-fenced session on the pane's origin (not yet navigated); closed after the test. */
  open(initScript?: string): Promise<PaneSession>;
  origin(): string;
  browserVersion(): string;
  /** A temporary folder, removed after the file's tests. */
  tempDir(prefix: string): string;
}

/**
 * Registers the hooks every end-to-end file needs — build or reuse dist/, serve it, launch Chromium; after each
 * test print the page's errors (even when an assertion failed first: they are often the reason) and close its
 * session; at the end close everything and remove temporary folders — and returns the handle the tests use.
 */
export function paneInChromium(): PaneInChromium {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let session: PaneSession | undefined;
  const temporary: string[] = [];

  beforeAll(async () => {
    server = await serveFolder(await ensureDist());
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS + 60_000);

  afterEach(async () => {
    if (session && session.problems.length > 0) console.warn(`errors in the page:\n${session.problems.join("\n")}`);
    await session?.context.close();
    session = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the pane's browser has not started (beforeAll failed)");
    return value;
  };
  return {
    open: async (initScript) => (session = await openSession(started(browser), started(server).origin, initScript)),
    origin: () => started(server).origin,
    browserVersion: () => started(browser).version(),
    tempDir: (prefix) => {
      const folder = mkdtempSync(path.join(tmpdir(), prefix));
      temporary.push(folder);
      return folder;
    },
  };
}

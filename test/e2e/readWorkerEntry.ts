/**
 * Runs in the page of test/e2e/readWorker.test.ts (bundled there with esbuild into an IIFE beside the worker,
 * itself src/files/checkWorker.browser.ts bundled alone): reads files fetched from the test's server with
 * src/files/readReturns.ts, on the real browser Worker with the test's time limit, or in the page, and measures how
 * long the page's own thread was held up meanwhile. Only plain JSON goes back to the test.
 */
import type { IssueCode } from "../../src/core/issues";
import { createWorkerChecker, inPageChecker } from "../../src/files/checkWorkerClient";
import { readReturnFilesWith, type ReadProgress } from "../../src/files/readReturns";

export interface ReadRequest {
  /** Paths on the test's server; each becomes a File named after its last part. */
  paths: string[];
  /** "worker": the bundled worker at `workerUrl` with `timeoutMs`; "page": checkFile on the page's thread. */
  on: "worker" | "page";
  workerUrl?: string;
  timeoutMs?: number;
  /** Abort this long after the file named `cancelAt` starts. */
  cancelAt?: string;
  cancelAfterMs?: number;
}

export interface ReadOutcome {
  /** Each file: status, rows and the first issue's code and message. */
  files: Array<{ file: string; status: string; rows: number; code: IssueCode | undefined; message: string | undefined }>;
  /** The error's name when the read threw (ReadCancelled). */
  thrown: string | undefined;
  progress: ReadProgress[];
  /** Reading and checking, without the fetching. */
  elapsedMs: number;
  /** The longest the page's thread went without running a 10 ms interval: how frozen the pane would have been. */
  longestStallMs: number;
  /** Messages of console.warn from the reader (English, for maintainers). */
  warnings: string[];
}

export interface ReadWorkerWindow {
  readFiles(request: ReadRequest): Promise<ReadOutcome>;
}

async function readFiles(request: ReadRequest): Promise<ReadOutcome> {
  const files = await Promise.all(
    request.paths.map(async (path) => {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return new File([await response.arrayBuffer()], path.split("/").pop() ?? path, { lastModified: 1_700_000_000_000 });
    }),
  );
  const warnings: string[] = [];
  const checker =
    request.on === "worker"
      ? createWorkerChecker({
          startWorker: () => new Worker(request.workerUrl ?? "missing-worker-url"),
          timeoutMs: request.timeoutMs,
          log: (line) => void warnings.push(line),
        })
      : inPageChecker;
  const controller = new AbortController();
  const progress: ReadProgress[] = [];
  const onProgress = (step: ReadProgress) => {
    progress.push(step);
    if (step.current === request.cancelAt && step.done < step.total) setTimeout(() => controller.abort(), request.cancelAfterMs ?? 0);
  };

  let longestStallMs = 0;
  let lastTick = performance.now();
  const heartbeat = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - lastTick);
    lastTick = now;
  }, 10);
  const started = performance.now();
  let thrown: string | undefined;
  let returns: Awaited<ReturnType<typeof readReturnFilesWith>> = [];
  try {
    returns = await readReturnFilesWith(checker, files, {}, onProgress, controller.signal);
  } catch (error) {
    thrown = error instanceof Error ? error.name : String(error);
  }
  const elapsedMs = performance.now() - started;
  clearInterval(heartbeat);
  longestStallMs = Math.max(longestStallMs, performance.now() - lastTick);

  return {
    files: returns.map(({ report }) => ({
      file: report.file,
      status: report.status,
      rows: report.rows,
      code: report.issues[0]?.code,
      message: report.issues[0]?.message,
    })),
    thrown,
    progress,
    elapsedMs,
    longestStallMs,
    warnings,
  };
}

(window as unknown as ReadWorkerWindow).readFiles = readFiles;

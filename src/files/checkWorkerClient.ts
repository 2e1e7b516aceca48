/**
 * Checks picked files on a Web Worker with a time limit, so that no file can freeze the task pane.
 *
 * Some damaged files send SheetJS into a long loop (test/fixtures/hostile/ holds those found, most now refused by
 * their structure first), and a synchronous parse cannot be interrupted: on the pane's thread it freezes the
 * pane, on a worker only the worker stops. So one worker checks the files one after another; a file that runs past
 * the limit ends as an `unreadable` report (`read-timeout`, or `corrupt` when the worker failed), a fresh worker
 * takes the next file, and the run goes on, as the command line does with checker processes (src/cli/checkPool.ts).
 * Where no worker will start, the files are checked in the page as before.
 */
import type { CheckOptions } from "../core/checkWorkbook";
import { unreadableReport } from "../core/fileReport";
import { readFailureMessages } from "../messages/zhCN";
import type { CheckedFile } from "./checkFile";
import type { CheckRequest, CheckResponse } from "./checkWorker.browser";

/**
 * As the command line's (src/cli/checkPool.ts). Here it is also the only bound on a runaway parse's memory: a Web
 * Worker gets no heap limit of its own. Measured in Chromium on a 2-core machine: the largest file the reader
 * accepts (18.6 MB, a million cells) takes 10-11 s on the worker; on biff5-hang.xls (before its property sets
 * were skipped) the worker grew 100-200 MB/s and, at V8's heap limit, took the whole tab down: after ~95 s with a
 * 4 GB heap, ~55 s with 2 GB, ~21 s with 1 GB (`--max-old-space-size`; V8 sizes the heap from the RAM).
 */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** What is used of a DOM Worker, so tests can hand in a fake one. */
export interface CheckWorker {
  onmessage: ((event: MessageEvent<CheckResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: CheckRequest, transfer: Transferable[]): void;
  terminate(): void;
}

/** Checks one file at a time (the next `check` only after the last one settled). */
export interface FileChecker {
  /**
   * checkFile on the file's bytes, which it takes over (a worker gets them transferred: unusable here afterwards).
   * Settles with a report whatever the file does; rejects only when `signal` aborts, with its reason.
   */
  check(bytes: ArrayBuffer, fileName: string, options: CheckOptions, signal?: AbortSignal): Promise<CheckedFile>;
  /** Stops the worker, if any. */
  close(): void;
}

export interface WorkerCheckerOptions {
  /** Starts a worker running checkWorker.browser.ts; may throw (no workers allowed here): files are then checked in the page. */
  startWorker: () => CheckWorker;
  /** How long one file may take, and a worker to start. Default 20 s. */
  timeoutMs?: number;
  /** Why a file failed or a worker was given up, in English for maintainers (the report says it in Chinese). */
  log?: (line: string) => void;
}

/** Checks in the page itself: for hosts without workers, and where the worker will not start. */
export const inPageChecker: FileChecker = {
  // Loaded only when used, so that the page fetches the spreadsheet library only when a worker cannot have it.
  check: async (bytes, fileName, options) => (await import("./checkFile")).checkFile(new Uint8Array(bytes), fileName, options),
  close: () => {},
};

interface Slot {
  worker: CheckWorker;
  /** It posted "ready": its modules are loaded, and a file's time limit can start. */
  ready: boolean;
}

/**
 * Starts no worker yet: the first `check` does. A worker that fails or does not get ready within the time limit
 * before its first file (no workers in this host, the chunk not served) leaves the rest of the run to the page.
 */
export function createWorkerChecker(settings: WorkerCheckerOptions): FileChecker {
  const { startWorker, timeoutMs = DEFAULT_TIMEOUT_MS, log = (line: string) => console.warn(line) } = settings;
  let slot: Slot | undefined;
  let inPage = false;
  /** Settles the file being checked, if any, when the checker is closed under it. */
  let abandon: (() => void) | undefined;

  function spawn(): Slot | undefined {
    try {
      return { worker: startWorker(), ready: false };
    } catch (error) {
      log(`huizong: cannot start a worker, checking files in the page: ${String(error)}`);
      return undefined;
    }
  }

  function retire(retired: Slot): void {
    retired.worker.terminate();
    if (slot === retired) slot = undefined;
  }

  function check(bytes: ArrayBuffer, fileName: string, options: CheckOptions, signal?: AbortSignal): Promise<CheckedFile> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const current = inPage ? undefined : (slot ??= spawn());
    if (!current) {
      inPage = true;
      return inPageChecker.check(bytes, fileName, options);
    }
    const { worker } = current;
    return new Promise<CheckedFile>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (stopWorker: boolean, outcome: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        worker.onmessage = worker.onerror = worker.onmessageerror = null;
        abandon = undefined;
        if (stopWorker) retire(current);
        outcome();
      };
      const arm = (onTimeout: () => void) => {
        clearTimeout(timer);
        timer = setTimeout(onTimeout, timeoutMs);
      };
      /** The file could not be checked: a report, and unless the worker itself is fine, a fresh one for the next file. */
      const fail = (code: "read-timeout" | "corrupt", detail: string, stopWorker = true) => {
        log(`huizong: ${fileName}: ${detail}`);
        settle(stopWorker, () => resolve({ report: unreadableReport(fileName, code, readFailureMessages[code]), check: undefined }));
      };
      /** The worker never got as far as this file: this host gets no worker, and the page checks the files. */
      const notStarted = (detail: string) => {
        log(`huizong: ${detail}, checking files in the page`);
        inPage = true;
        settle(true, () => resolve(inPageChecker.check(bytes, fileName, options)));
      };
      const post = () => {
        try {
          worker.postMessage({ bytes, fileName, options }, [bytes]);
        } catch (error) {
          // Nothing was sent (DataCloneError): not the file's fault, and the worker is still fine.
          log(`huizong: ${fileName}: cannot send it to the worker, checked in the page: ${String(error)}`);
          settle(false, () => resolve(inPageChecker.check(bytes, fileName, options)));
          return;
        }
        arm(() => fail("read-timeout", `no result after ${timeoutMs} ms, stopped`));
      };
      const onAbort = () => settle(true, () => reject(signal?.reason));

      worker.onmessage = ({ data }) => {
        if (data.type === "ready") {
          current.ready = true;
          post();
        } else if (data.type === "done") {
          settle(false, () => resolve(data.result));
        } else {
          // The worker caught it (a bug in checkFile) and is fine.
          fail("corrupt", `checkFile threw: ${data.error}`, false);
        }
      };
      // An error the worker did not catch, or a result that could not be cloned back: the worker is not trusted on.
      worker.onerror = (event) => {
        // Handled here: not an uncaught error in the page's console.
        event.preventDefault();
        const detail = `worker failed: ${event.message || "error"}`;
        if (current.ready) fail("corrupt", detail);
        else notStarted(detail);
      };
      worker.onmessageerror = () => {
        if (current.ready) fail("corrupt", "worker sent a message that could not be read");
        else notStarted("worker sent a message that could not be read");
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      abandon = () => settle(true, () => reject(new Error("the file checker was closed before this file was checked")));

      if (current.ready) post();
      else arm(() => notStarted(`worker not started after ${timeoutMs} ms`));
    });
  }

  return {
    check,
    close() {
      abandon?.();
      if (slot) retire(slot);
    },
  };
}

/**
 * Waiting for Office without ever hanging. Office.onReady resolves with `host: null` outside Office when office.js
 * loaded, and never resolves when office.js could not load (an intranet without the CDN, a blocked script), so
 * the pane waits a bounded time and then starts without a workbook; a late answer can still bring Excel in.
 */

export type OfficeStart =
  /** Office answered: inside Excel or not (another Office host, or a plain browser with office.js loaded). */
  | { status: "ready"; isExcel: boolean }
  /** office.js is not on the page at all. */
  | { status: "absent" }
  /** office.js is there but did not answer in time; `late` settles if it ever does. */
  | { status: "timeout"; late: Promise<boolean> };

export async function waitForOffice(timeoutMs: number): Promise<OfficeStart> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return { status: "absent" };
  let answer: Promise<boolean>;
  try {
    answer = Promise.resolve(Office.onReady()).then((info) => info?.host === Office.HostType.Excel);
  } catch {
    return { status: "absent" };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const first = await Promise.race([answer, timeout]);
    return first === "timeout" ? { status: "timeout", late: answer } : { status: "ready", isExcel: first };
  } catch {
    return { status: "absent" };
  } finally {
    clearTimeout(timer);
  }
}

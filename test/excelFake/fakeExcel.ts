/**
 * The fake Excel application: one workbook model, the ExcelApi version it claims, and what tests measure (syncs
 * with their request and response sizes) or arrange (a failure at the Nth sync, a user editing a cell).
 */
import { emptyWorkbook, type WorkbookModel } from "./model";
import { fail } from "./officeError";
import { FakeRequestContext } from "./requestContext";

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export interface InjectedFailure {
  /** 1-based, counted over the fake's lifetime (see `syncs`). */
  atSync: number;
  /** Operations of that sync applied before it fails; half of them when undefined. */
  applied?: number;
  code?: string;
}

export interface FakeExcelOptions {
  /** The newest ExcelApi requirement set the host supports, e.g. "1.8" or "1.18". */
  apiVersion?: string;
  /** Request and response limit in bytes: Excel on the web's 5 MB. */
  payloadLimit?: number;
  model?: WorkbookModel;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

export class FakeExcel {
  model: WorkbookModel;
  apiVersion: string;
  payloadLimit: number;
  readonly syncs: SyncRecord[] = [];
  readonly createdWorkbooks: string[] = [];
  readonly suspended = { calculation: 0, screenUpdating: 0 };
  failure: InjectedFailure | undefined;
  /** While true, a batch run without `delayForCellEdit` fails with InvalidOperationInCellEditMode. */
  userEditingCell = false;
  runs = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.model = options.model ?? emptyWorkbook();
    this.apiVersion = options.apiVersion ?? "1.18";
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
  }

  supports(version: string): boolean {
    return compareVersions(version, this.apiVersion) <= 0;
  }

  /** Excel.run: a new context per batch; whatever is still queued when the batch ends is synced. */
  async run<T>(optionsOrBatch: Excel.RunOptions | Batch<T>, maybeBatch?: Batch<T>): Promise<T> {
    const options = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    if (!batch) throw new Error("Excel.run needs a batch function");
    this.runs++;
    const context = new FakeRequestContext(this, { delayForCellEdit: options.delayForCellEdit === true });
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    return result;
  }

  /** Excel.createWorkbook (ExcelApi 1.8): the fake records the file it was given. */
  async createWorkbook(base64?: string): Promise<void> {
    await Promise.resolve();
    if (!this.supports("1.8")) fail("ApiNotFound", "createWorkbook needs ExcelApi 1.8");
    if (base64 !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) fail("InvalidArgument", "not base64");
    this.createdWorkbooks.push(base64 ?? "");
  }

  /** The syncs since a mark, e.g. `const mark = excel.syncs.length; ...; excel.syncsSince(mark)`. */
  syncsSince(mark: number): SyncRecord[] {
    return this.syncs.slice(mark);
  }
}

export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}

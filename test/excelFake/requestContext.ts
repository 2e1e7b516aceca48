/**
 * The request context and the proxy objects' shared behaviour, as Office.js has them:
 *
 * - writes and method calls are queued and applied in order at `sync()`; when one fails, the ones before it stay
 *   applied and the sync rejects with an OfficeExtension-like error carrying a `code`;
 * - a property can be read only after `load()` and a `sync()` that delivered it (PropertyNotLoaded otherwise);
 *   `isNullObject` of an *OrNullObject result after the next sync;
 * - each sync's request is measured as the JSON of its queued calls, and one over the limit (5 MB, Excel on the
 *   web) is refused with RequestPayloadSizeLimitExceeded before anything is applied; a response over the limit
 *   with ResponsePayloadSizeLimitExceeded;
 * - a failure can be injected at the Nth sync, after some of its operations were applied.
 */
import type { ContextApi } from "../../src/excel/officeApi";
import type { FakeExcel } from "./fakeExcel";
import { FakeOfficeError, fail } from "./officeError";
import { jsonBytes, type FakeProxy } from "./proxy";
import { FakeWorkbook } from "./workbook";

interface QueuedOp {
  path: string;
  action: string;
  args: unknown;
  /** The ExcelApi version the call needs; an older host answers ApiNotFound. */
  minApi: string | undefined;
  apply(): void;
}

export class FakeRequestContext implements ContextApi {
  readonly workbook: FakeWorkbook;
  private queue: QueuedOp[] = [];
  private staged: Array<{ bytes: number; commit: () => void }> = [];
  private unsettled: FakeProxy[] = [];

  constructor(
    readonly excel: FakeExcel,
    readonly options: { delayForCellEdit?: boolean },
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(path: string, action: string, args: unknown, apply: () => void, minApi?: string): void {
    this.queue.push({ path, action, args, minApi, apply });
  }

  /** An *OrNullObject result: its isNullObject is known after the next sync. */
  track(proxy: FakeProxy): void {
    this.unsettled.push(proxy);
  }

  /** A loaded value, delivered to the proxy only when the whole sync succeeds. */
  stage(value: unknown, commit: () => void): void {
    this.staged.push({ bytes: jsonBytes(value), commit });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.queue;
    const unsettled = this.unsettled;
    this.queue = [];
    this.unsettled = [];
    this.staged = [];
    const excel = this.excel;
    const record = { requestBytes: ops.reduce((sum, op) => sum + jsonBytes({ p: op.path, a: op.action, v: op.args }), 0), responseBytes: 0, operations: ops.length };
    excel.syncs.push(record);
    const index = excel.syncs.length;

    if (excel.userEditingCell && !this.options.delayForCellEdit) {
      fail("InvalidOperationInCellEditMode", "The operation isn't available while Excel is in Edit cell mode.");
    }
    if (record.requestBytes > excel.payloadLimit) {
      fail("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${record.requestBytes} bytes).`);
    }
    const injected = excel.failure && excel.failure.atSync === index ? excel.failure : undefined;
    const applied = injected ? Math.min(ops.length, injected.applied === undefined ? Math.floor(ops.length / 2) : injected.applied) : ops.length;
    for (let i = 0; i < applied; i++) {
      const op = ops[i] as QueuedOp;
      if (op.minApi && !excel.supports(op.minApi)) fail("ApiNotFound", `${op.action} needs ExcelApi ${op.minApi}`, op.path);
      op.apply();
    }
    if (injected) throw new FakeOfficeError(injected.code ?? "GeneralException", `injected failure at sync ${index}`, "fake");
    for (const proxy of unsettled) proxy.settle();

    record.responseBytes = this.staged.reduce((sum, item) => sum + item.bytes, 0);
    if (record.responseBytes > excel.payloadLimit) {
      fail("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
    }
    for (const item of this.staged) item.commit();
    this.staged = [];
  }
}


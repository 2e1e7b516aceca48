import { HostError } from "../../src/host/workbookHost";

/**
 * What the pane's fake hosts share: every call recorded, and a call that can be told to fail once or to wait
 * until released, so a test sees the busy state.
 */
export class CallRecorder<Method extends string> {
  readonly calls: Array<{ method: Method; args: unknown[] }> = [];
  private readonly failures = new Map<Method, HostError>();
  private readonly gates = new Map<Method, Promise<void>>();

  /** `delayMs`: milliseconds each call takes, so a preview shows its busy states. */
  constructor(private readonly delayMs = 0) {}

  /** The next call of `method` throws this error. */
  failNext(method: Method, error: HostError = new HostError("unknown", "test failure")): void {
    this.failures.set(method, error);
  }

  /** Calls of `method` wait until the returned function is called. */
  hold(method: Method): () => void {
    let release = () => {};
    this.gates.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  protected async enter(method: Method, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await this.gates.get(method);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }
}

/** jsdom under Jest has no structuredClone; settings are plain data. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

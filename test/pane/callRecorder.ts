import { DEFAULT_CAMPAIGN } from "../../src/core/campaign";
import { HostError, type PaneSettings } from "../../src/host/workbookHost";

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

/**
 * A recorder that also keeps the pane's settings, as both hosts do (in the workbook, or in the browser): loaded
 * and saved as copies, so a test changing what it got never changes what the host holds.
 */
export class SettingsRecorder<Method extends string> extends CallRecorder<Method | "loadSettings" | "saveSettings"> {
  settings: PaneSettings;

  constructor(settings: PaneSettings | undefined, delayMs = 0) {
    super(delayMs);
    this.settings = settings ?? { campaign: { ...DEFAULT_CAMPAIGN }, roster: [] };
  }

  async loadSettings(): Promise<PaneSettings> {
    await this.enter("loadSettings", []);
    return clone(this.settings);
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    await this.enter("saveSettings", [settings]);
    this.settings = clone(settings);
  }
}

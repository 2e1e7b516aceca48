/** What every fake API object shares: a path, properties readable only once loaded, queued writes and calls. */
import { fail } from "./officeError";
import type { FakeRequestContext } from "./requestContext";

/**
 * What every fake API object shares: a path (for payload and messages), properties readable only once loaded, and
 * queued writes and calls.
 */
export abstract class FakeProxy {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  protected constructor(
    protected readonly context: FakeRequestContext,
    readonly path: string,
    /** True for objects from *OrNullObject methods. */
    private readonly nullable = false,
  ) {
    if (nullable) context.track(this);
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) fail("PropertyNotLoaded", `isNullObject of ${this.path} is known only after context.sync()`);
    return this.nullState;
  }

  /** Whether the object exists now (model time, inside a sync). */
  protected abstract exists(): boolean;

  /** A property's current value (model time); throws for a property the fake does not model. */
  protected abstract loadValue(name: string): unknown;

  settle(): void {
    const exists = this.exists();
    this.context.stage(null, () => {
      this.nullState = !exists;
    });
  }

  load(propertyNames?: string | string[]): this {
    const names = normaliseNames(propertyNames);
    if (names.length === 0) throw new Error(`fake Excel: ${this.path}.load() without property names is not modelled (and slow in real Excel)`);
    this.context.enqueue(this.path, "load", names, () => this.applyLoad(names));
    return this;
  }

  /** Loads now (model time), as part of a parent collection's load. */
  loadNow(names: string[]): void {
    this.applyLoad(names);
  }

  /** Delivers a value that is not plain data (a collection's items) after the sync. */
  protected deliver(name: string, value: unknown): void {
    this.context.stage(null, () => this.loaded.set(name, value));
  }

  protected applyLoad(names: string[]): void {
    if (this.nullable && !this.exists()) return;
    for (const name of names) {
      const value = this.loadValue(name);
      this.context.stage(value, () => this.loaded.set(name, value));
    }
  }

  /** A loaded property, or PropertyNotLoaded as Office.js throws it. */
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      fail("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, this.path);
    }
    return this.loaded.get(name) as T;
  }

  protected write(name: string, value: unknown, apply: () => void, minApi?: string): void {
    this.context.enqueue(this.path, `set ${name}`, value, apply, minApi);
  }

  protected invoke(method: string, args: unknown[], apply: () => void, minApi?: string): void {
    this.context.enqueue(this.path, method, args, apply, minApi);
  }
}

export function normaliseNames(propertyNames: string | string[] | undefined): string[] {
  const list = propertyNames === undefined ? [] : Array.isArray(propertyNames) ? propertyNames : propertyNames.split(",");
  return list.map((name) => name.trim()).filter((name) => name !== "");
}

export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function unknownProperty(path: string, name: string): never {
  throw new Error(`fake Excel: loading ${name} of ${path} is not modelled`);
}

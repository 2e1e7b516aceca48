/**
 * Collections as Office.js has them: `items` readable after `load("items/name")` (or `load("name")`) and a sync,
 * each item a proxy bound to one object of the workbook.
 */
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";

export abstract class FakeCollection<Item extends FakeProxy & { loadNow(names: string[]): void }, Target> extends FakeProxy {
  protected constructor(context: FakeRequestContext, path: string) {
    super(context, path);
  }

  get items(): Item[] {
    return this.read<Item[]>("items");
  }

  /** The collection's objects now (model time). */
  protected abstract targets(): Target[];

  /** A proxy bound to one of them. */
  protected abstract itemFor(target: Target): Item;

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    return unknownProperty(this.path, name);
  }

  protected override applyLoad(names: string[]): void {
    const itemNames = names.map((name) => name.replace(/^items\//, ""));
    const items = this.targets().map((target) => this.itemFor(target));
    for (const item of items) item.loadNow(itemNames);
    this.deliver("items", items);
  }
}

/**
 * Writing sheet plans into the live workbook all or nothing.
 *
 * Excel has no transactions: a sync that fails part-way keeps the operations before the failing one, and a large
 * sheet takes several syncs. So nothing the user has is touched until everything new is written:
 *
 * 1. write: each planned sheet is added under a temporary name (`_hz_tmp_1`), hidden, and rendered there in
 *    payload-sized batches, its table under a temporary name too;
 * 2. commit, one sync of undoable steps only: the new sheets get their visibility, the right one is activated,
 *    they get frozen panes; the sheets they replace are hidden and renamed aside (`_hz_old_1`,
 *    tables too); the new sheets and tables take their final names and places;
 * 3. clean-up, one sync: the set-aside sheets are deleted;
 * 4. print setup, one sync, best effort (see applyPrintSetup).
 *
 * A failure in 1 or 2 rolls back: the sheets that exist are listed (one sync), then the set-aside sheets get their
 * names, tables and visibility back and everything new is deleted (one sync); whichever prefix of the failed sync
 * Excel had applied, the workbook is as it was. A failure in 3 rolls forward: the new sheets are already in place,
 * so the set-aside sheets still there are deleted (two syncs). Every step is planned before the first write, so
 * the number of syncs is fixed by the payload: one per batch of at most 4 MB, plus a constant few.
 */
import type { SheetPlan } from "../core/plans/sheetPlan";
import { suspendForWrite, syncEach } from "./excelRun";
import type { ContextApi, TableApi, WorksheetApi } from "./officeApi";
import { jsonBytes, op, packBatches, type WriteOp } from "./payload";
import { queuePrintSetup, queueViewSettings, sheetWriteOps } from "./renderSheet";
import { findSheet, sameName, uniqueName, type ExistingSheet, type ExistingTable, type Visibility, type WorkbookState } from "./workbookState";

/** Where a new sheet goes when it replaces none: first, last, or right after another planned or existing sheet. */
export type Placement = "start" | "end" | { after: number } | { afterSheet: string };

export interface PlannedSheet {
  plan: SheetPlan;
  placement: Placement;
}

export interface CommitOptions {
  /** Index of the planned sheet to activate; by default the active sheet stays active (or its replacement). */
  activate?: number;
  /** Document title (File > Info), as the file writer sets it. */
  title?: string;
}

interface OldSheet extends ExistingSheet {
  asideName: string;
  tables: Array<{ table: TableApi; name: string; asideName: string }>;
}

interface Entry {
  plan: SheetPlan;
  placement: Placement;
  tempName: string;
  old: OldSheet | undefined;
  sheet: WorksheetApi | undefined;
  table: TableApi | undefined;
  tempTableName: string;
  finalTableName: string;
}

const VISIBILITY: Record<SheetPlan["visibility"], Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export class SheetTransaction {
  constructor(
    private readonly context: ContextApi,
    private readonly state: WorkbookState,
  ) {}

  /** Writes the planned sheets, replacing same-named ones, all or nothing; returns their final names. */
  async write(planned: readonly PlannedSheet[], options: CommitOptions = {}): Promise<string[]> {
    const entries = this.layout(planned);
    const batches = packBatches(entries.flatMap((entry) => this.writeOps(entry)));
    try {
      await syncEach(this.context, batches, (batch) => {
        suspendForWrite(this.context);
        for (const write of batch) write.queue();
      });
      suspendForWrite(this.context);
      this.queueCommit(entries, options);
      await this.context.sync();
    } catch (error) {
      await this.rollBack(entries, options).catch(() => undefined);
      throw error;
    }
    const olds = entries.flatMap((entry) => (entry.old ? [entry.old] : []));
    if (olds.length > 0) {
      try {
        for (const old of olds) old.sheet.delete();
        await this.context.sync();
      } catch {
        await this.rollForward(entries);
      }
    }
    await this.applyPrintSetup(entries);
    return entries.map((entry) => entry.plan.name);
  }

  /**
   * Print setup goes last, on its own and best effort: it is cosmetic, and its zoom options ("1 page wide, as many
   * tall as needed") are the least documented part of the API, so a host that refuses them must never undo a merge.
   */
  private async applyPrintSetup(entries: Entry[]): Promise<void> {
    const queued = entries.map((entry) => (entry.sheet ? queuePrintSetup(entry.sheet, entry.plan) : false));
    if (!queued.includes(true)) return;
    await this.context.sync().catch(() => undefined);
  }

  /**
   * Temporary and final names for every sheet and table, chosen before anything is written. Table names are unique
   * across the workbook: a new table takes the plan's name unless a table that stays has it (the replaced sheets'
   * tables give theirs up), and no name this transaction hands out is ever handed out twice.
   */
  private layout(planned: readonly PlannedSheet[]): Entry[] {
    const sheetNames = this.state.sheets.map((sheet) => sheet.name);
    const tableNames = this.state.tables.map((table) => table.name);
    const given: string[] = [];
    const give = (base: string, taken: readonly string[]): string => {
      const name = uniqueName(base, [...taken, ...given], (n) => String(n));
      given.push(name);
      return name;
    };

    const olds = planned.map(({ plan }, index): OldSheet | undefined => {
      const existing = findSheet(this.state, plan.name);
      if (!existing) return undefined;
      const asideName = uniqueName(`_hz_old_${index + 1}`, sheetNames, (n) => `_${n}`);
      sheetNames.push(asideName);
      const tables = this.tablesOf(existing).map(({ table, name }) => ({ table, name, asideName: give(`${name}_hzold`, tableNames) }));
      return { ...existing, asideName, tables };
    });
    const setAside = new Set(olds.flatMap((old) => old?.tables ?? []).map((table) => table.name.toLowerCase()));
    const staying = tableNames.filter((name) => !setAside.has(name.toLowerCase()));

    return planned.map(({ plan, placement }, index) => {
      const tempName = uniqueName(`_hz_tmp_${index + 1}`, sheetNames, (n) => `_${n}`);
      sheetNames.push(tempName);
      const wanted = plan.table?.name;
      const finalTableName = wanted ? give(wanted, staying) : "";
      const tempTableName = wanted ? give(`${wanted}_hztmp`, tableNames) : "";
      return { plan, placement, tempName, old: olds[index], sheet: undefined, table: undefined, tempTableName, finalTableName };
    });
  }

  private tablesOf(sheet: ExistingSheet): ExistingTable[] {
    return this.state.tables.filter((table) => sameName(table.sheetName, sheet.name));
  }

  private writeOps(entry: Entry): WriteOp[] {
    const add = op(jsonBytes(entry.tempName), () => {
      entry.sheet = this.context.workbook.worksheets.add(entry.tempName);
      entry.sheet.visibility = "Hidden";
    });
    const target = {
      sheet: () => {
        if (!entry.sheet) throw new Error(`sheet ${entry.tempName} is written before it is added`);
        return entry.sheet;
      },
      tableName: entry.tempTableName,
      onTable: (table: TableApi) => {
        entry.table = table;
      },
    };
    return [add, ...sheetWriteOps(entry.plan, target)];
  }

  /** One sync of undoable steps; the set-aside sheets are deleted only after it succeeded. */
  private queueCommit(entries: Entry[], options: CommitOptions): void {
    // New sheets first take their visibility, so hiding a replaced sheet never leaves the workbook without one; the
    // one to show is activated before its panes are frozen (Excel freezes panes in a sheet's window view).
    for (const entry of entries) {
      const visibility = VISIBILITY[entry.plan.visibility];
      if (visibility !== "Hidden") (entry.sheet as WorksheetApi).visibility = visibility;
    }
    const activeIndex = options.activate ?? entries.findIndex((entry) => entry.old && sameName(entry.old.name, this.state.activeName));
    if (activeIndex >= 0) entries[activeIndex]?.sheet?.activate();
    for (const entry of entries) {
      if (entry.plan.visibility === "visible") queueViewSettings(entry.sheet as WorksheetApi, entry.plan);
    }
    for (const { old } of entries) {
      if (!old) continue;
      for (const table of old.tables) table.table.name = table.asideName;
      if (old.visibility === "Visible") old.sheet.visibility = "Hidden";
      old.sheet.name = old.asideName;
    }
    const order = [...this.state.sheets.map((sheet) => sheet.name), ...entries.map((entry) => entry.tempName)].map((name) => name.toLowerCase());
    for (const entry of entries) {
      const sheet = entry.sheet as WorksheetApi;
      sheet.name = entry.plan.name;
      if (entry.table) entry.table.name = entry.finalTableName;
      const target = targetPosition(entry, entries, order);
      if (target === undefined) continue;
      order.splice(order.indexOf(entry.tempName.toLowerCase()), 1);
      order.splice(target, 0, entry.tempName.toLowerCase());
      sheet.position = target;
    }
    if (options.title !== undefined) this.context.workbook.properties.title = options.title;
  }

  /** Puts back what the failed write or commit changed, however much of its last sync Excel had applied. */
  private async rollBack(entries: Entry[], options: CommitOptions): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load("items/name");
    const olds = entries.flatMap((entry) => (entry.old ? [entry.old] : []));
    for (const old of olds) old.sheet.load("name");
    await this.context.sync();

    const oldNames = new Set(olds.map((old) => old.sheet.name.toLowerCase()));
    const ours = new Set(entries.flatMap((entry) => [entry.tempName, entry.plan.name]).map((name) => name.toLowerCase()));
    const added = worksheets.items.filter((sheet) => ours.has(sheet.name.toLowerCase()) && !oldNames.has(sheet.name.toLowerCase()));
    for (const old of olds) old.sheet.visibility = old.visibility;
    for (const sheet of added) sheet.delete();
    for (const old of olds) {
      old.sheet.name = old.name;
      for (const table of old.tables) table.table.name = table.name;
    }
    this.state.active.activate();
    if (options.title !== undefined) this.context.workbook.properties.title = this.state.title;
    await this.context.sync();
  }

  /** The commit stands; deletes whichever set-aside sheets the failed clean-up left. */
  private async rollForward(entries: Entry[]): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load("items/name");
    await this.context.sync();
    const aside = new Set(entries.flatMap((entry) => (entry.old ? [entry.old.asideName.toLowerCase()] : [])));
    for (const sheet of worksheets.items) if (aside.has(sheet.name.toLowerCase())) sheet.delete();
    await this.context.sync();
  }
}

/**
 * The tab a new sheet moves to, in the tab order as it stands (`order`, sheets by their original or temporary
 * name): the place of the sheet it replaces (which moves one to the right until it is deleted), or its placement.
 */
function targetPosition(entry: Entry, entries: Entry[], order: string[]): number | undefined {
  if (entry.old) return order.indexOf(entry.old.name.toLowerCase());
  if (entry.placement === "start") return 0;
  if (entry.placement === "end") return undefined;
  if ("afterSheet" in entry.placement) {
    const index = order.indexOf(entry.placement.afterSheet.toLowerCase());
    return index >= 0 ? index + 1 : undefined;
  }
  const previous = entries[entry.placement.after];
  return previous ? order.indexOf(previous.tempName.toLowerCase()) + 1 : undefined;
}

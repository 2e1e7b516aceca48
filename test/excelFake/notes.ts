/** A worksheet's notes (ExcelApi 1.18): one note per cell, added by address, found by location. */
import type { NoteApi, NoteCollectionApi, RangeApi } from "../../src/excel/officeApi";
import { parseAddress } from "./a1";
import { FakeCollection } from "./collection";
import type { FakeNote, FakeSheet } from "./model";
import { fail } from "./officeError";
import { FakeRange, guardProtection } from "./range";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";
import type { FakeWorksheet } from "./worksheet";

const NOTES_API = "1.18";

/** Who the fake says wrote a note the add-in adds. */
export const ADD_IN_AUTHOR = "Huizong";

export class FakeNoteCollection extends FakeCollection<FakeNoteItem, FakeNote> implements NoteCollectionApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context, path);
  }

  override load(propertyNames?: string | string[]): this {
    this.context.enqueue(this.path, "notes", [], () => undefined, NOTES_API);
    return super.load(propertyNames);
  }

  protected targets(): FakeNote[] {
    return this.sheet.target().notes;
  }

  protected itemFor(note: FakeNote): FakeNoteItem {
    return new FakeNoteItem(this.context, `${this.path}[${note.row},${note.col}]`, this.sheet, () => note);
  }

  /** A note by its cell's address, e.g. "C7". */
  getItem(key: string): FakeNoteItem {
    return new FakeNoteItem(this.context, `${this.path}[${key}]`, this.sheet, () => this.at(key));
  }

  getItemOrNullObject(key: string): FakeNoteItem {
    return new FakeNoteItem(this.context, `${this.path}[${key}]?`, this.sheet, () => this.at(key), true);
  }

  private at(address: string): FakeNote | undefined {
    const area = parseAddress(address);
    return this.sheet.target().notes.find((note) => note.row === area.startRow && note.col === area.startCol);
  }

  add(cellAddress: RangeApi | string, content: string): FakeNoteItem {
    let added: FakeNote | undefined;
    const where = typeof cellAddress === "string" ? cellAddress : (cellAddress as FakeRange).path;
    this.invoke("add", [where, content], () => {
      const sheet = this.sheet.target();
      guardProtection(sheet, this.path);
      if (typeof cellAddress !== "string" && !(cellAddress instanceof FakeRange)) throw new Error("fake Excel: a note goes on a fake range");
      if (typeof cellAddress !== "string" && cellAddress.worksheet.target() !== sheet) fail("InvalidArgument", "The range is on another sheet.", this.path);
      const area = typeof cellAddress === "string" ? parseAddress(cellAddress) : cellAddress.area().area;
      if (area.startRow !== area.endRow || area.startCol !== area.endCol) fail("InvalidArgument", "A note goes on a single cell.", this.path);
      if (sheet.notes.some((note) => note.row === area.startRow && note.col === area.startCol)) {
        fail("InvalidArgument", `The cell ${cellAddress} already has a note.`, this.path);
      }
      added = { row: area.startRow, col: area.startCol, content: String(content), author: ADD_IN_AUTHOR };
      sheet.notes.push(added);
    }, NOTES_API);
    return new FakeNoteItem(this.context, `${this.path}.add(${where})`, this.sheet, () => added);
  }
}

export class FakeNoteItem extends FakeProxy implements NoteApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: FakeWorksheet,
    private readonly note: () => FakeNote | undefined,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  private target(): { sheet: FakeSheet; note: FakeNote } {
    const sheet = this.sheet.target();
    const note = this.note();
    if (!note || !sheet.notes.includes(note)) fail("ItemNotFound", "The note does not exist.", this.path);
    return { sheet, note };
  }

  protected exists(): boolean {
    const note = this.note();
    return note !== undefined && this.sheet.target().notes.includes(note);
  }

  protected loadValue(name: string): unknown {
    if (name === "content") return this.target().note.content;
    if (name === "authorName") return this.target().note.author;
    return unknownProperty(this.path, name);
  }

  get content(): string {
    return this.read("content");
  }

  set content(content: string) {
    this.write("content", content, () => (this.target().note.content = content), NOTES_API);
  }

  delete(): void {
    this.invoke("delete", [], () => {
      const { sheet, note } = this.target();
      sheet.notes.splice(sheet.notes.indexOf(note), 1);
    }, NOTES_API);
  }

  getLocation(): FakeRange {
    return new FakeRange(this.context, `${this.path}.location`, this.sheet, () => {
      const { note } = this.target();
      return { startRow: note.row, startCol: note.col, endRow: note.row, endCol: note.col };
    });
  }
}

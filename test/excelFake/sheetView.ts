/** A worksheet's view and print settings: frozen panes (ExcelApi 1.7) and page layout (1.9). */
import type { FreezePanesApi, PageLayoutApi } from "../../src/excel/officeApi";
import { parseAddress } from "./a1";
import { fail } from "./officeError";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";
import type { FakeWorksheet } from "./worksheet";

export class FakeFreezePanes extends FakeProxy implements FreezePanesApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context, path);
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    return unknownProperty(this.path, name);
  }

  freezeAt(frozenRange: Excel.Range | string): void {
    if (typeof frozenRange !== "string") throw new Error("fake Excel: freezeAt takes an address here");
    const area = parseAddress(frozenRange);
    this.invoke("freezeAt", [frozenRange], () => (this.sheet.target().freeze = { rows: area.endRow + 1, columns: area.endCol + 1 }), "1.7");
  }

  freezeRows(count?: number): void {
    this.invoke("freezeRows", [count], () => (this.sheet.target().freeze = { rows: count ?? 1, columns: 0 }), "1.7");
  }

  freezeColumns(count?: number): void {
    this.invoke("freezeColumns", [count], () => (this.sheet.target().freeze = { rows: 0, columns: count ?? 1 }), "1.7");
  }
}

const PAPER_SIZES = new Set(["A3", "A4", "A5", "Letter", "Legal"]);

export class FakePageLayout extends FakeProxy implements PageLayoutApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context, path);
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    return unknownProperty(this.path, name);
  }

  get orientation(): PageLayoutApi["orientation"] {
    return this.read("orientation");
  }

  set orientation(value: PageLayoutApi["orientation"]) {
    this.write("orientation", value, () => {
      if (value !== "Landscape" && value !== "Portrait") fail("InvalidArgument", `orientation ${String(value)}`);
      this.sheet.target().pageLayout.orientation = value;
    }, "1.9");
  }

  get paperSize(): PageLayoutApi["paperSize"] {
    return this.read("paperSize");
  }

  set paperSize(value: PageLayoutApi["paperSize"]) {
    this.write("paperSize", value, () => {
      if (!PAPER_SIZES.has(String(value))) fail("InvalidArgument", `paperSize ${String(value)}`);
      this.sheet.target().pageLayout.paperSize = value;
    }, "1.9");
  }

  get zoom(): PageLayoutApi["zoom"] {
    return this.read("zoom");
  }

  set zoom(value: PageLayoutApi["zoom"]) {
    this.write("zoom", value, () => {
      const { horizontalFitToPages, verticalFitToPages, scale } = value;
      const fits = [horizontalFitToPages, verticalFitToPages].filter((fit) => fit !== undefined);
      if (fits.some((fit) => !Number.isInteger(fit) || (fit as number) < 0) || (scale !== undefined && (scale < 10 || scale > 400))) {
        fail("InvalidArgument", "zoom");
      }
      this.sheet.target().pageLayout.zoom = { ...value };
    }, "1.9");
  }

  /** The page header and footer for all pages: only their centre sections, which is what Huizong sets. */
  get headersFooters(): PageLayoutApi["headersFooters"] {
    const target = () => this.sheet.target().pageLayout;
    const write = (field: "centerHeader" | "centerFooter", value: string) =>
      this.write(field, value, () => {
        target()[field] = value;
      }, "1.9");
    return {
      defaultForAllPages: {
        get centerHeader() {
          return target().centerHeader ?? "";
        },
        set centerHeader(value: string) {
          write("centerHeader", value);
        },
        get centerFooter() {
          return target().centerFooter ?? "";
        },
        set centerFooter(value: string) {
          write("centerFooter", value);
        },
      },
    };
  }

  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    if (typeof printTitleRows !== "string") throw new Error("fake Excel: setPrintTitleRows takes an address here");
    this.invoke("setPrintTitleRows", [printTitleRows], () => {
      const area = parseAddress(printTitleRows);
      if (area.startCol !== 0 || area.endCol !== 16_383) fail("InvalidArgument", "print title rows must be whole rows");
      this.sheet.target().pageLayout.printTitleRows = printTitleRows;
    }, "1.9");
  }
}

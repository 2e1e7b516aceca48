/** The workbook object of a request context: its sheets, tables, document properties and the application. */
import type { ApplicationApi, DocumentPropertiesApi, WorkbookApi } from "../../src/excel/officeApi";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheet";

export class FakeWorkbook implements WorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly properties: FakeDocumentProperties;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, "tables", undefined);
    this.properties = new FakeDocumentProperties(context);
    this.application = new FakeApplication(context);
  }
}

export class FakeDocumentProperties extends FakeProxy implements DocumentPropertiesApi {
  constructor(context: FakeRequestContext) {
    super(context, "properties");
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    if (name === "title") return this.context.excel.model.title;
    return unknownProperty(this.path, name);
  }

  get title(): string {
    return this.read("title");
  }

  set title(title: string) {
    this.write("title", title, () => (this.context.excel.model.title = title), "1.7");
  }
}

export class FakeApplication extends FakeProxy implements ApplicationApi {
  constructor(context: FakeRequestContext) {
    super(context, "application");
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    return unknownProperty(this.path, name);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.invoke("suspendApiCalculationUntilNextSync", [], () => this.context.excel.suspended.calculation++, "1.6");
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.invoke("suspendScreenUpdatingUntilNextSync", [], () => this.context.excel.suspended.screenUpdating++, "1.9");
  }
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { checkFile } from "../src/files/checkFile";

/**
 * Fixture-driven: every returned workbook in test/fixtures/returns (made by test/fixtures/generate.ts, some saved
 * by LibreOffice) must give exactly the findings listed for it in expected.json, cell by cell.
 */
interface ExpectedFile {
  file: string;
  case: string;
  status: string;
  kind: string | null;
  unit: string | null;
  rows: number;
  issues: Array<{ row: number | null; column: string | null; code: string }>;
  readFailure: string | null;
}

const dir = path.resolve(__dirname, "fixtures/returns");
const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as { files: ExpectedFile[] };
const describeIssue = (issue: { row: number | null; column: string | null; code: string }) => `${issue.row ?? "-"} ${issue.column ?? "-"} ${issue.code}`;

describe("returned-workbook fixtures", () => {
  it.each(expected.files.map((entry) => [entry.file, entry] as const))("%s", (file, entry) => {
    const { report } = checkFile(new Uint8Array(readFileSync(path.join(dir, file))), file);
    expect({ status: report.status, kind: report.kind, unit: report.unit, rows: report.rows }).toEqual({
      status: entry.status,
      kind: entry.kind,
      unit: entry.unit,
      rows: entry.rows,
    });
    const fileLevel = entry.readFailure ?? (entry.status === "not-a-template" ? "not-a-template" : undefined);
    const wanted = [...(fileLevel ? [{ row: null, column: null, code: fileLevel }] : []), ...entry.issues].map(describeIssue);
    expect(report.issues.filter((issue) => issue.severity === "error" || wanted.includes(describeIssue(issue))).map(describeIssue).sort()).toEqual(wanted.sort());
    for (const issue of report.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

import fc from "fast-check";
import { mergeReturns, type IncomingReturn, type MergeResult } from "./merge";
import { emptyValues, type MasterRow } from "./masterRow";
import type { Submission } from "../validate";
import type { FileReport } from "../fileReport";
import type { ValidationIssue } from "../issues";
import type { Roster } from "../roster";
import { submissionOf } from "../../../test/support/submissions";

/*
 * A tiny language for merge cases, one case a line.
 *   master:   "A1 A2 B1 *1"   rows of unit A (returned-sheet rows 1, 2), unit B row 1, a row typed by hand (*)
 *   returns:  "A:3@5"         a return of unit A with 3 rows, modified at time 5 (default 0)
 *             "?:2"           a return with 2 rows and no 单位名称;  "A:0" a template with no rows
 *             "A:2!"          a return whose rows all have errors;  "x" an unreadable file;  "~" a lock file
 *   result:   the master after the merge, in master order, and each file's action.
 */

const timeIssue: ValidationIssue = { severity: "error", row: 5, column: "活动时间", code: "date-no-day", message: "C5：活动时间没有写到具体哪一天" };

/** A return of `rows` rows from row 1, every row with the same error when `bad`. */
function submission(unit: string | null, rows: number, bad: boolean): Submission {
  return submissionOf(unit, rows, bad ? { issueAt: () => timeIssue } : {});
}

function incoming(spec: string, index: number): IncomingReturn {
  const file = `returns/${index}-${spec.replace(/[^A-Za-z?]/g, "") || "file"}.xlsx`;
  const base: FileReport = { file, status: "ok", kind: null, unit: null, unitSource: null, sheet: null, rows: 0, skippedRows: [], issues: [] };
  if (spec === "x") return { report: { ...base, status: "unreadable" }, submission: undefined, modifiedMs: 0 };
  if (spec === "~") return { report: { ...base, file: "returns/~$lock.xlsx", status: "ignored" }, submission: undefined, modifiedMs: 0 };
  const match = /^([A-Z?]):(\d+)(!?)(?:@(\d+))?$/.exec(spec);
  if (!match) throw new Error(`bad return spec ${spec}`);
  const [, unitSpec = "", rowSpec = "0", bad, time] = match;
  const unit = unitSpec === "?" ? null : unitSpec;
  const sub = submission(unit, Number(rowSpec), bad === "!");
  const status = bad === "!" || Number(rowSpec) === 0 ? "invalid" : "ok";
  return { report: { ...base, status, kind: "city", unit, rows: Number(rowSpec) }, submission: sub, modifiedMs: Number(time ?? 0) };
}

function masterRow(spec: string): MasterRow {
  const manual = spec.startsWith("*");
  const unit = manual ? "" : spec.slice(0, 1);
  const order = Number(spec.slice(1));
  return {
    unit,
    level: manual ? "" : "市级",
    firstDay: "2024-04-22",
    values: { ...emptyValues(), name: manual ? `手工录入${order}` : `${unit}的旧活动${order}` },
    problems: "",
    sourceFile: manual ? "" : `old-${unit}.xlsx`,
    key: manual ? null : `city|${unit}`,
    order,
  };
}

/** A master row back in the case language: A1 for unit A's row 1 (old or new), *1 for a hand-typed row. */
function describeRow(row: MasterRow): string {
  if (row.key === null) return `*${row.order}`;
  const fromFile = row.key.includes("file:");
  return `${fromFile ? "?" : row.unit}${row.order}${row.values.name.includes("旧") ? "" : "'"}`;
}

const words = (text: string) => text.split(" ").filter((word) => word !== "");

function run(master: string, returns: string, roster?: Roster): { result: MergeResult; input: IncomingReturn[]; before: MasterRow[] } {
  const before = words(master).map(masterRow);
  const input = words(returns).map(incoming);
  return { result: mergeReturns(before, input, roster), input, before };
}

/** Checked on every case: merging again changes nothing, and every row is accounted for. */
function checkInvariants({ result, input, before }: ReturnType<typeof run>, roster?: Roster): void {
  expect(mergeReturns(result.rows, input, roster).rows).toEqual(result.rows);
  const superseded = result.files.filter((file) => file.action === "superseded").reduce((sum, file) => sum + file.rows, 0);
  expect(result.rowsWritten + superseded).toBe(result.rowsIn);
  expect(result.rows).toHaveLength(result.rowsKept + result.rowsWritten);
  expect(result.rowsKept + result.rowsReplaced).toBe(before.length);
  for (const manual of before.filter((row) => row.key === null)) expect(result.rows).toContainEqual(manual);
}

describe("mergeReturns", () => {
  it.each([
    // master        returns                  master after                          actions
    ["",             "A:2",                   "A1' A2'",                            "added"],
    ["",             "A:2 B:1",               "A1' A2' B1'",                        "added added"],
    ["A1 A2",        "A:1",                   "A1'",                                "replaced"],
    ["A1 B1",        "A:2",                   "A1' A2' B1",                         "replaced"],
    ["A1 *1",        "A:1",                   "*1 A1'",                             "replaced"],
    ["*1 *2",        "B:1",                   "*1 *2 B1'",                          "added"],
    ["",             "A:1@1 A:2@2",           "A1' A2'",                            "superseded added"],
    ["",             "A:2@2 A:1@1",           "A1' A2'",                            "added superseded"],
    ["",             "A:1 A:2",               "A1' A2'",                            "superseded added"],
    ["A1",           "A:2@9 A:1@3",           "A1' A2'",                            "replaced superseded"],
    ["A1",           "x",                     "A1",                                 "rejected"],
    ["A1",           "A:0",                   "A1",                                 "rejected"],
    ["A1",           "~ B:1",                 "A1 B1'",                             "ignored added"],
    ["A1",           "A:2!",                  "A1' A2'",                            "replaced"],
    ["",             "?:1 ?:2",               "?1' ?1' ?2'",                        "added added"],
    ["B1",           "x A:1 x",               "A1' B1",                             "rejected added rejected"],
  ])("master [%s] + returns [%s] -> [%s] (%s)", (master, returns, expected, actions) => {
    const outcome = run(master, returns);
    expect(outcome.result.rows.map(describeRow).join(" ")).toBe(expected);
    expect(outcome.result.files.map((file) => file.action).join(" ")).toBe(actions);
    checkInvariants(outcome);
  });

  it("fills 校验结果 for invalid rows instead of dropping them", () => {
    const { result } = run("", "A:2!");
    expect(result.rows.map((row) => row.problems)).toEqual(["原表 C5：活动时间没有写到具体哪一天", "原表 C5：活动时间没有写到具体哪一天"]);
  });

  it("keys a return on its roster name, so an alias replaces the unit's earlier rows", () => {
    const roster: Roster = [{ name: "A", aliases: ["甲单位"] }];
    const before = [masterRow("A1")];
    const alias = incoming("A:1", 0);
    alias.submission = { ...submission("甲单位", 1, false) };
    const result = mergeReturns(before, [alias], roster);
    expect(result.rows.map(describeRow)).toEqual(["A1'"]);
    expect(result.files[0]?.action).toBe("replaced");
  });

  it("reports each roster unit as submitted, has-errors, missing or not on the roster", () => {
    const roster: Roster = [
      { name: "A", aliases: [] },
      { name: "B", aliases: [] },
      { name: "C", aliases: [] },
      { name: "丁单位", aliases: [] },
    ];
    const outcome = run("", "A:1 B:1! E:2 x", roster);
    const broken = outcome.input[3];
    if (broken) broken.report.file = "returns/丁单位-活动表.xlsx";
    const result = mergeReturns([], outcome.input, roster);
    expect(result.roster?.map((entry) => `${entry.unit}:${entry.status}`)).toEqual([
      "A:submitted",
      "B:has-errors",
      "C:missing",
      "丁单位:has-errors",
      "E:not-on-roster",
    ]);
    checkInvariants({ ...outcome, result }, roster);
  });

  it("holds its invariants for any master and any set of returns", () => {
    const rowSpec = fc.oneof(fc.constantFrom("*"), fc.constantFrom("A", "B", "C")).chain((unit) =>
      fc.integer({ min: 1, max: 4 }).map((order) => `${unit}${order}`),
    );
    const returnSpec = fc.oneof(
      fc.tuple(fc.constantFrom("A", "B", "C", "D", "?"), fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.integer({ min: 0, max: 3 })).map(
        ([unit, rows, bad, time]) => `${unit}:${rows}${bad ? "!" : ""}@${time}`,
      ),
      fc.constantFrom("x", "~"),
    );
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 8 }), fc.array(returnSpec, { maxLength: 6 }), (master, returns) => {
        const outcome = run(master.join(" "), returns.join(" "));
        checkInvariants(outcome);
        // Each unit that returned rows is in the master with exactly its winning return's rows.
        for (const file of outcome.result.files.filter((f) => f.action === "added" || f.action === "replaced")) {
          expect(outcome.result.rows.filter((row) => row.sourceFile === file.file.replace(/^.*\//, ""))).toHaveLength(file.rows);
        }
        // Sorted: by date, then unit, then order (all dates are equal here).
        const sorted = [...outcome.result.rows].sort((a, b) => a.unit.localeCompare(b.unit, "zh-CN") || a.order - b.order);
        expect(outcome.result.rows.map((row) => [row.unit, row.order])).toEqual(sorted.map((row) => [row.unit, row.order]));
      }),
      { numRuns: 300 },
    );
  });

  it("replaces rows an earlier version keyed on the file name, once the file name names the unit", () => {
    // Merged before file names named units: a return without 单位名称, keyed file:市公安局.xlsx.
    const old: MasterRow = { ...masterRow("A1"), unit: "（未填单位名称：市公安局.xlsx）", sourceFile: "市公安局.xlsx", key: "city|file:市公安局.xlsx" };
    const again = incoming("?:2", 0);
    const renamed: IncomingReturn = {
      ...again,
      report: { ...again.report, file: "returns/市公安局.xlsx" },
      submission: again.submission && {
        ...again.submission,
        unit: "市公安局",
        unitSource: "file-name",
        unitClues: { field: null, title: null, fileName: "returns/市公安局.xlsx" },
      },
    };
    const result = mergeReturns([old], [renamed]);
    expect(result.files[0]).toMatchObject({ action: "replaced", unit: "市公安局", unitSource: "file-name" });
    expect(result.rows.map((row) => [row.unit, row.key])).toEqual([["市公安局", "city|市公安局"], ["市公安局", "city|市公安局"]]);
  });

  it("takes a return of 200,000 rows without overflowing the stack", () => {
    const { result } = run("", "A:200000");
    expect(result.rows).toHaveLength(200_000);
    expect(result.rowsWritten).toBe(200_000);
  });
});

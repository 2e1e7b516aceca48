import fc from "fast-check";
import { DEFAULT_CAMPAIGN } from "../campaign";
import type { IsoDate } from "../calendarDate";
import type { WorkbookCheck } from "../checkWorkbook";
import { ignoredReport, reportFromCheck, unreadableReport } from "../fileReport";
import type { ValidationIssue } from "../issues";
import { masterSheetPlan } from "../plans/masterPlan";
import type { Cell } from "../rawSheet";
import type { Roster } from "../roster";
import type { ColumnKey, TemplateKind } from "../templates/templateSchema";
import type { CheckedRow, Submission } from "../validate";
import { incomingReturn, mergeReturns, type IncomingReturn } from "./merge";
import { MASTER_ACTIVITY_COLUMNS, type MasterRow } from "./masterRow";
import { readMasterRows } from "./readMaster";
import { asRawSheet, PLAN_CONTEXT } from "../../../test/support/sheets";

/*
 * The merge's invariants over random masters and random returns (issue 8, point 8):
 *   1. nothing is silently lost: every row given is in the new master or accounted for in the report;
 *   2. merging the same returns again changes nothing;
 *   3. a unit's newest return wins (by modified time; at equal times the file given later);
 *   4. rows typed by hand are never touched;
 *   5. writing the master and reading it back keeps its rows, and merging the same returns into it again keeps them
 *      (where a row typed by hand lands aside: its order is its row in the sheet, which moves with it);
 *   and, as a check on the whole, merging in two batches gives the master that merging at once gives.
 *
 * Masters are made the way they come about: rows of earlier merges (the same units, spelled in other ways), edited
 * by the clerk (added columns, 校验结果 cleared), rows typed by hand (some naming a unit that returns, some with a
 * returned file's name), in any order. Returns: several units and resubmissions under other spellings and aliases,
 * returns without 单位名称 (keyed on the unit their file name names, else on the file name), invalid returns, returns with
 * no rows, unreadable files, non-templates and lock files, at few distinct modified times so that ties happen.
 * Failures print fast-check's seed and path: `fc.assert(..., { seed, path })` replays one.
 */

// ---------------------------------------------------------------------------------------------------------------
// Units, the roster and file names

/** The units that return, each spelled in ways the merge must take for the same unit. */
const UNITS = {
  haiguan: ["上海海关", "上海 海关", "上海海关。"],
  shangwu: ["上海市商务委员会", "上海市 商务委员会"],
  pudong: ["浦东新区知识产权局", "浦东新区知识产权局；"],
  abc: ["ABC协会", "ＡＢＣ协会"], // not on the roster
} as const;
type UnitId = keyof typeof UNITS;

/** 市商务委 is 上海市商务委员会 only to a roster. */
const ALIAS = { id: "shangwu", spelling: "市商务委" } as const;

const ROSTER: Roster = [
  { name: "上海海关", aliases: [] },
  { name: "上海市商务委员会", aliases: ["市商务委"] },
  { name: "浦东新区知识产权局", aliases: [] },
];

/**
 * The unit a file name names, by identifyUnit's rule, without a roster and with one: 市商务委 is 上海市商务委员会
 * only to the roster; 附件1 and 活动安排表 are template words and name no one.
 */
const FILE_NAMES: ReadonlyArray<{ name: string; names: string | null; toRoster: UnitId | null }> = [
  { name: "附件1.xlsx", names: null, toRoster: null },
  { name: "活动安排表.xls", names: null, toRoster: null },
  { name: "浦东新区知识产权局-附件2.xlsx", names: "pudong", toRoster: "pudong" },
  { name: "市商务委活动表.xlsx", names: "alias:shangwu", toRoster: "shangwu" },
  { name: "上海海关.xlsx", names: "haiguan", toRoster: "haiguan" },
  { name: "ABC协会.xlsx", names: "abc", toRoster: "abc" }, // ABC协会 is not on the roster
];
/** The same file name in other folders is the same file name: the merge keys on the name, not the path. */
const FOLDERS = ["", "returns/", "returns/补报/", "D:\\报送\\"];

// ---------------------------------------------------------------------------------------------------------------
// Returns

interface UnitSpelling {
  id: UnitId;
  spelling: string;
  alias: boolean;
}

interface ReturnSpec {
  shape: "template" | "unreadable" | "not-a-template" | "ignored";
  kind: TemplateKind;
  unit: UnitSpelling | null;
  folder: string;
  fileName: string;
  rows: CheckedRow[];
  tableErrors: ValidationIssue[];
  modifiedMs: number;
}

const UNIT_IDS = Object.keys(UNITS) as UnitId[];

/** A unit among those in play, under any of its spellings (上海市商务委员会 also as its alias). */
function unitSpelling(ids: readonly UnitId[]): fc.Arbitrary<UnitSpelling> {
  return fc.constantFrom(...ids).chain((id) => {
    const spellings = UNITS[id].map((spelling) => ({ id, spelling, alias: false }));
    return fc.constantFrom(...(id === ALIAS.id ? [...spellings, { ...ALIAS, alias: true }] : spellings));
  });
}

const day: fc.Arbitrary<IsoDate> = fc.constantFrom("2024-04-20", "2024-04-22", "2024-04-26", "2024-02-29", "2023-12-31");

const cellWords = ["知识产权宣传周启动仪式", "海关开放日", "4月22日上午", "约300人", "李晴 021-23110861", "=HYPERLINK(\"x\")", "市民", "第二场"];
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...cellWords).map((text): Cell => ({ kind: "text", text })),
  fc.integer({ min: 1, max: 2000 }).map((value): Cell => ({ kind: "number", value, text: String(value) })),
);
const cells = fc.record(
  Object.fromEntries(MASTER_ACTIVITY_COLUMNS.map((column) => [column.key, cell])) as Record<ColumnKey, fc.Arbitrary<Cell>>,
  { requiredKeys: [] },
);

const rowIssues: ReadonlyArray<Omit<ValidationIssue, "row">> = [
  { severity: "error", column: "活动时间", code: "date-no-day", message: "活动时间没有写到具体哪一天" },
  { severity: "error", column: "活动规模", code: "head-count-invalid", message: "活动规模不是人数" },
  { severity: "warning", column: "联系人", code: "contact-no-name", message: "联系人没有写姓名" },
];

/** One to four data rows below a header, numbered as Excel shows them, blank rows between them skipped. */
const checkedRows: fc.Arbitrary<CheckedRow[]> = fc
  .tuple(
    fc.integer({ min: 2, max: 5 }),
    fc.array(
      fc.record({
        gap: fc.integer({ min: 1, max: 2 }),
        cells,
        firstDay: fc.option(day, { nil: undefined }),
        issues: fc.subarray([...rowIssues]),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([headerRow, drawn]) => {
    let row = headerRow;
    return drawn.map(({ gap, cells: rowCells, firstDay, issues }): CheckedRow => {
      row += gap;
      return { row, cells: rowCells, firstDay, issues: issues.map((issue) => ({ ...issue, row })) };
    });
  });

const tableErrors: fc.Arbitrary<ValidationIssue[]> = fc.subarray<ValidationIssue>([
  { severity: "error", row: null, column: "联系人", code: "column-missing", message: "缺少“联系人”列" },
  { severity: "warning", row: null, column: "填表时间", code: "fill-date-missing", message: "没有填写填表时间" },
]);

/** A returned file from one of the units in play (a few per case, so that units send several files). */
function returnSpec(ids: readonly UnitId[] = UNIT_IDS): fc.Arbitrary<ReturnSpec> {
  return fc.record({
    shape: fc.constantFrom("template", "template", "template", "template", "template", "template", "unreadable", "not-a-template", "ignored"),
    kind: fc.constantFrom<TemplateKind>("city", "city", "city", "city", "district"),
    unit: fc.option(unitSpelling(ids), { nil: null, freq: 4 }),
    folder: fc.constantFrom(...FOLDERS),
    fileName: fc.constantFrom(...FILE_NAMES.map((file) => file.name)),
    // A template without rows now and then: it must never wipe the unit's earlier rows.
    rows: fc.oneof({ weight: 6, arbitrary: checkedRows }, { weight: 1, arbitrary: fc.constant<CheckedRow[]>([]) }),
    tableErrors,
    // Few distinct times, so that resubmissions at the same time are common.
    modifiedMs: fc.integer({ min: 0, max: 2 }).map((minute) => 1_713_571_200_000 + minute * 60_000),
  });
}

/** A return that comes with rows (so it can only be added, replace or be superseded). */
const templateReturnSpec = (ids: readonly UnitId[]) => returnSpec(ids).map((spec): ReturnSpec => ({ ...spec, shape: "template" }));

/** The units that return in one case: one to three of them. */
const unitsInPlay = fc.shuffledSubarray(UNIT_IDS, { minLength: 1, maxLength: 3 });

function submissionOf(spec: ReturnSpec): Submission {
  const issues: ValidationIssue[] = [
    ...(spec.unit ? [] : [{ severity: "error" as const, row: null, column: "单位名称", code: "unit-missing" as const, message: "没有填写单位名称" }]),
    ...(spec.rows.length === 0 ? [{ severity: "error" as const, row: null, column: null, code: "no-rows" as const, message: "表中没有活动" }] : []),
    ...spec.tableErrors,
  ];
  return {
    kind: spec.kind,
    unit: spec.unit?.spelling ?? null,
    unitSource: spec.unit ? "field" : null,
    unitClues: { field: spec.unit?.spelling ?? null, title: null, fileName: null },
    fillDate: null,
    sheetName: "Sheet1",
    columns: {},
    fieldCells: {},
    rows: spec.rows,
    skippedRows: [],
    issues: [...issues, ...spec.rows.flatMap((row) => row.issues)],
  };
}

const notATemplate = { notATemplate: "文件中没有找到活动安排表", master: "这是 Huizong 生成的汇总表" };

/** A return as the readers hand it over: checked, reported and taken by incomingReturn. */
function toIncoming(spec: ReturnSpec): IncomingReturn {
  const file = `${spec.folder}${spec.shape === "ignored" ? "~$" : ""}${spec.fileName}`;
  switch (spec.shape) {
    case "ignored":
      return incomingReturn({ report: ignoredReport(file), check: undefined }, spec.modifiedMs);
    case "unreadable":
      return incomingReturn({ report: unreadableReport(file, "corrupt", "文件已损坏"), check: undefined }, spec.modifiedMs);
    case "not-a-template": {
      const check: WorkbookCheck = { status: "not-a-template", campaign: DEFAULT_CAMPAIGN, metadata: undefined, isMaster: false };
      return incomingReturn({ report: reportFromCheck(file, check, notATemplate), check }, spec.modifiedMs);
    }
    case "template": {
      const submission = submissionOf(spec);
      const errors = submission.issues.filter((issue) => issue.severity === "error").length;
      const check: WorkbookCheck = {
        status: errors > 0 ? "invalid" : "ok",
        submission,
        campaign: DEFAULT_CAMPAIGN,
        metadata: undefined,
        errors,
        warnings: submission.issues.length - errors,
      };
      return incomingReturn({ report: reportFromCheck(file, check, notATemplate), check }, spec.modifiedMs);
    }
  }
}

/**
 * Which submission a return is, in the generator's terms (not merge.ts's key strings): template and unit, however
 * spelled; an alias is the unit only to a roster; a return without 单位名称 is the unit its file name names (see
 * FILE_NAMES), or the file name's own when it names none. undefined for files that bring no rows.
 */
function submissionId(spec: ReturnSpec, roster: boolean): string | undefined {
  if (spec.shape !== "template" || spec.rows.length === 0) return undefined;
  if (spec.unit) return `${spec.kind}|${spec.unit.alias && !roster ? "alias:" : ""}${spec.unit.id}`;
  const file = FILE_NAMES.find((candidate) => candidate.name === spec.fileName);
  const names = roster ? file?.toRoster : file?.names;
  return names ? `${spec.kind}|${names}` : `${spec.kind}|file:${spec.fileName}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Masters

const extras: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    备注: fc.constantFrom("", "已电话确认", "待补材料"),
    审核意见: fc.constantFrom("", "同意", "请修改时间"),
    是否公开: fc.constantFrom("", "是", "否"),
  },
  { requiredKeys: [] },
);

/** A row the clerk typed into the master: some name a unit that returns, some a returned file. */
const handRow: fc.Arbitrary<MasterRow> = fc
  .record({
    unit: fc.constantFrom("", "上海海关", "市委宣传部", "ABC协会"),
    level: fc.constantFrom<MasterRow["level"]>("", "市级", "区级"),
    firstDay: fc.option(day, { nil: null }),
    name: fc.constantFrom("宣传周启动仪式", "海关开放日", "知识产权进校园"),
    time: fc.constantFrom("", "待定", "4月22日"),
    scale: fc.constantFrom("", "200", "约50人"),
    problems: fc.constantFrom("", "待核实"),
    sourceFile: fc.constantFrom("", "附件1.xlsx", "上海海关.xlsx"),
    order: fc.integer({ min: 1, max: 40 }),
    extras: fc.option(extras, { nil: undefined }),
  })
  .map(({ name, time, scale, extras: added, ...row }): MasterRow => {
    const values = Object.fromEntries(MASTER_ACTIVITY_COLUMNS.map((column) => [column.key, ""])) as MasterRow["values"];
    return { ...row, values: { ...values, name, time, scale }, key: null, ...(added ? { extras: added } : {}) };
  });

/** What the clerk did to a merged row since: added columns, cleared 校验结果. */
const clerkEdit = fc.record({ extras: fc.option(extras, { nil: undefined }), clearProblems: fc.boolean() });

/** An existing master: an earlier merge (same roster) edited by the clerk, plus rows typed by hand, in any order. */
function master(roster: Roster | undefined, ids: readonly UnitId[]): fc.Arbitrary<MasterRow[]> {
  return fc
    .tuple(fc.array(templateReturnSpec(ids), { maxLength: 5 }), fc.array(clerkEdit, { maxLength: 20 }), fc.array(handRow, { maxLength: 4 }))
    .chain(([earlier, edits, typed]) => {
      const merged = mergeReturns([], earlier.map(toIncoming), roster).rows.map((row, i): MasterRow => {
        const edit = edits[i];
        if (!edit) return row;
        return { ...row, problems: edit.clearProblems ? "" : row.problems, ...(edit.extras ? { extras: edit.extras } : {}) };
      });
      const rows = [...merged, ...typed];
      return fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length });
    });
}

interface Scenario {
  roster: boolean;
  master: MasterRow[];
  returns: ReturnSpec[];
}

const scenario: fc.Arbitrary<Scenario> = fc.tuple(fc.boolean(), unitsInPlay).chain(([roster, ids]) =>
  fc.record({
    roster: fc.constant(roster),
    master: master(roster ? ROSTER : undefined, ids),
    returns: fc.array(returnSpec(ids), { maxLength: 8 }),
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A row as a string that ignores property order, for comparing rows as multisets. */
function canon(row: MasterRow): string {
  return JSON.stringify(row, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
const bag = (rows: readonly MasterRow[]) => rows.map(canon).sort();

/** The rows a return gives on its own: what it must write when it wins. */
const alone = (entry: IncomingReturn, roster: Roster | undefined) => mergeReturns([], [entry], roster).rows;
/** The 汇总标识 a return's rows carry, or null when it brings none. */
const keyOf = (entry: IncomingReturn, roster: Roster | undefined) => alone(entry, roster)[0]?.key ?? null;

function run({ roster, master: rows, returns }: Scenario) {
  const rosterList = roster ? ROSTER : undefined;
  const incoming = returns.map(toIncoming);
  return { rosterList, incoming, result: mergeReturns(rows, incoming, rosterList) };
}

const writeAndRead = (rows: readonly MasterRow[]) => readMasterRows(asRawSheet(masterSheetPlan(rows, PLAN_CONTEXT)));

/**
 * What reading a written master gives back for its rows: every row has every added column ("" where it had none),
 * and a row typed by hand sorts just after the row above it among its day and unit (its order a thousandth above
 * that row's, or above none).
 */
function asReadBack(rows: readonly MasterRow[]): MasterRow[] {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row.extras ?? {})))];
  const lastOrder = new Map<string, number>();
  return rows.map((row): MasterRow => {
    const { extras: own, ...rest } = row;
    const columns = headers.length > 0 ? { extras: Object.fromEntries(headers.map((header) => [header, own?.[header] ?? ""])) } : {};
    const group = `${row.firstDay ?? ""}|${row.unit}`;
    const order = row.key === null ? (lastOrder.get(group) ?? 0) + 0.001 : row.order;
    lastOrder.set(group, order);
    return { ...rest, order, ...columns };
  });
}

/** Runs per property: modest, so the file takes a few seconds; MERGE_PROPERTY_RUNS=5000 for a deep search. */
const RUNS = Number(process.env.MERGE_PROPERTY_RUNS ?? 100);

// ---------------------------------------------------------------------------------------------------------------

describe("mergeReturns over random masters and returns", () => {
  it("loses nothing: every row given is in the new master or accounted for in the report", () => {
    const seen = { replaced: 0, superseded: 0, rejected: 0, typed: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const { rosterList, incoming, result } = run(s);
        const keys = incoming.map((entry) => keyOf(entry, rosterList));
        const winners = result.files.flatMap((file, i) => (file.action === "added" || file.action === "replaced" ? [i] : []));
        const winnerKeys = new Set(winners.map((i) => keys[i]));

        // The earlier rows: each kept as it was, or replaced by a return of its own submission in this run.
        const kept = s.master.filter((row) => row.key === null || !winnerKeys.has(row.key));
        const replaced = s.master.filter((row) => row.key !== null && winnerKeys.has(row.key));
        expect(result.rowsKept).toBe(kept.length);
        expect(result.rowsReplaced).toBe(replaced.length);
        for (const row of replaced) {
          expect(result.files.some((file, i) => file.action === "replaced" && keys[i] === row.key)).toBe(true);
        }

        // The returns: a file with rows is added, replaces or is superseded; one without is rejected or ignored.
        incoming.forEach((entry, i) => {
          const file = result.files[i];
          const rows = entry.submission?.rows.length ?? 0;
          expect(file?.file).toBe(entry.report.file);
          if (rows > 0) {
            expect(["added", "replaced", "superseded"]).toContain(file?.action);
            if (file?.action === "superseded") {
              expect(file.rowsWritten).toBe(0);
              expect(winners.some((w) => keys[w] === keys[i])).toBe(true);
            } else {
              expect(file?.rowsWritten).toBe(rows);
              expect(file?.action).toBe(s.master.some((row) => row.key === keys[i]) ? "replaced" : "added");
            }
          } else {
            expect(file?.action).toBe(entry.report.status === "ignored" ? "ignored" : "rejected");
            expect(file?.rowsWritten).toBe(0);
          }
        });
        const superseded = result.files.filter((file) => file.action === "superseded").reduce((sum, file) => sum + file.rows, 0);
        expect(result.rowsIn).toBe(incoming.reduce((sum, entry) => sum + (entry.submission?.rows.length ?? 0), 0));
        expect(result.rowsWritten + superseded).toBe(result.rowsIn);

        // The new master is exactly the kept rows and, for each winning file, the rows it gives on its own.
        const written = winners.flatMap((i) => alone(incoming[i] as IncomingReturn, rosterList));
        expect(written).toHaveLength(result.rowsWritten);
        expect(bag(result.rows)).toEqual(bag([...kept, ...written]));

        if (replaced.length > 0) seen.replaced++;
        if (result.files.some((file) => file.action === "superseded")) seen.superseded++;
        if (result.files.some((file) => file.action === "rejected")) seen.rejected++;
        if (kept.some((row) => row.key === null)) seen.typed++;
      }),
      { numRuns: RUNS },
    );
    // The property means something only if the cases it is about come up (each does in 15-80% of cases).
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(RUNS / 25);
  });

  it("changes nothing when the same returns are merged again", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { rosterList, incoming, result } = run(s);
        const again = mergeReturns(result.rows, incoming, rosterList);
        expect(again.rows).toEqual(result.rows);
        expect(again.roster).toEqual(result.roster);
        expect(again.files.map((file) => file.action)).toEqual(result.files.map((file) => (file.action === "added" ? "replaced" : file.action)));
        expect(again.rowsReplaced).toBe(result.rowsWritten);
        // And a merge of nothing only sorts.
        expect(mergeReturns(result.rows, [], rosterList).rows).toEqual(result.rows);
      }),
      { numRuns: RUNS },
    );
  });

  it("lets a unit's newest return win, the file given later at equal times", () => {
    const seen = { resubmitted: 0, tied: 0, spelledOtherwise: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const { rosterList, incoming, result } = run(s);
        const ids = s.returns.map((spec) => submissionId(spec, s.roster));
        const keys = incoming.map((entry) => keyOf(entry, rosterList));
        // The merge's key is the submission: spellings, 。/；, full-width letters and (given a roster) aliases and
        // file names naming a roster unit are one unit; other units, templates and file names are not.
        ids.forEach((id, i) =>
          ids.forEach((other, j) => {
            if (id !== undefined && other !== undefined) expect([i, j, keys[i] === keys[j]]).toEqual([i, j, id === other]);
          }),
        );
        for (const id of new Set(ids.filter((x) => x !== undefined))) {
          const group = ids.flatMap((other, i) => (other === id ? [i] : []));
          // Newest by modified time; at equal times the last given (the order the files were listed or picked in).
          const newest = group.reduce((best, i) => ((s.returns[i]?.modifiedMs ?? 0) >= (s.returns[best]?.modifiedMs ?? 0) ? i : best));
          for (const i of group) {
            expect([i, result.files[i]?.action]).toEqual([i, i === newest ? expect.stringMatching(/^(added|replaced)$/) : "superseded"]);
          }
          const key = keys[newest];
          const winner = incoming[newest] as IncomingReturn;
          expect(bag(result.rows.filter((row) => row.key === key))).toEqual(bag(alone(winner, rosterList)));

          if (group.length > 1) seen.resubmitted++;
          if (group.some((i) => i !== newest && s.returns[i]?.modifiedMs === s.returns[newest]?.modifiedMs)) seen.tied++;
          if (new Set(group.map((i) => s.returns[i]?.unit?.spelling ?? s.returns[i]?.fileName)).size > 1) seen.spelledOtherwise++;
        }
      }),
      { numRuns: RUNS },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(RUNS / 25);
  });

  it("does not depend on the order the files come in, ties aside", () => {
    const shuffled = scenario.chain((s) =>
      fc.shuffledSubarray(
        s.returns.map((spec, i) => ({ spec, i })),
        { minLength: s.returns.length, maxLength: s.returns.length },
      ).map((order) => ({ s, order })),
    );
    fc.assert(
      fc.property(shuffled, ({ s, order }) => {
        const { rosterList, result } = run(s);
        // Breaking each tie the way the merge does (the file given later wins) makes every time distinct...
        const distinct = order.map(({ spec, i }) => toIncoming({ ...spec, modifiedMs: spec.modifiedMs * 100 + i }));
        const permuted = mergeReturns(s.master, distinct, rosterList);
        // ...and then any order of the files gives the same master and the same action for each file.
        expect(permuted.rows).toEqual(result.rows);
        expect(order.map(({ i }) => result.files[i]?.action)).toEqual(permuted.files.map((file) => file.action));
      }),
      { numRuns: RUNS },
    );
  });

  it("never touches rows typed by hand", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { result } = run(s);
        const typed = s.master.filter((row) => row.key === null);
        // Same rows, same values, same added columns, as many as before; and no merged row ever lacks a key.
        expect(bag(result.rows.filter((row) => row.key === null))).toEqual(bag(typed));
        expect(result.rowsKept).toBeGreaterThanOrEqual(typed.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("lets a unit's newest return replace rows merged before the roster knew it", () => {
    const tagged = (specs: ReturnSpec[], batch: string) =>
      specs.map((spec, i) => ({ ...spec, rows: spec.rows.map((row) => ({ ...row, cells: { ...row.cells, content: { kind: "text" as const, text: `${batch}#${i}` } } })) }));
    const batches = unitsInPlay.chain((ids) =>
      fc.record({ first: fc.array(templateReturnSpec(ids), { maxLength: 4 }), second: fc.array(templateReturnSpec(ids), { minLength: 1, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(batches, ({ first, second }) => {
        const before = tagged(first, "first");
        const later = tagged(second, "second").map((spec) => ({ ...spec, modifiedMs: spec.modifiedMs + 3_600_000 }));
        // The first batch was merged before the clerk gave a roster; the second with it.
        const result = mergeReturns(mergeReturns([], before.map(toIncoming)).rows, later.map(toIncoming), ROSTER);
        const returnedAgain = new Set(later.map((spec) => submissionId(spec, true)).filter((id): id is string => id !== undefined));
        const stale = result.rows.filter((row) => {
          const [batch, index] = row.values.content.split("#");
          const spec = before[Number(index)];
          const id = spec && submissionId(spec, true);
          return batch === "first" && id !== undefined && returnedAgain.has(id);
        });
        expect(stale).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("gives the same master whether the returns come in two batches or at once", () => {
    const batches = fc.tuple(fc.boolean(), unitsInPlay).chain(([roster, ids]) =>
      fc.record({ roster: fc.constant(roster), first: fc.array(returnSpec(ids), { maxLength: 5 }), second: fc.array(returnSpec(ids), { maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(batches, ({ roster, first, second }) => {
        const rosterList = roster ? ROSTER : undefined;
        // The second batch arrived later: its files are newer than the first's.
        const later = second.map((spec) => ({ ...spec, modifiedMs: spec.modifiedMs + 3_600_000 }));
        const inTwo = mergeReturns(mergeReturns([], first.map(toIncoming), rosterList).rows, later.map(toIncoming), rosterList);
        const atOnce = mergeReturns([], [...first, ...later].map(toIncoming), rosterList);
        // (报送情况 may differ: it names the files of this run that were rejected, and only those.)
        expect(inTwo.rows).toEqual(atOnce.rows);
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps the rows through writing the master and reading it back, and through merging the same returns again", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { rosterList, incoming, result } = run(s);
        const readBack = writeAndRead(result.rows);
        expect(readBack).toEqual(asReadBack(result.rows));
        // The next merge of the same returns into the saved master, saved again, gives the same master, in order.
        const again = writeAndRead(mergeReturns(readBack, incoming, rosterList).rows);
        expect(again).toEqual(readBack);
      }),
      { numRuns: RUNS },
    );
  });
});

import { chaseList, type ChaseEntry } from "./chaseList";
import { emptyValues, type MasterRow } from "./masterRow";
import { mergeReturns, type IncomingReturn, type MergedFileReport } from "./merge";
import type { RosterEntry } from "./rosterStatus";
import { countIssues, type FileReport } from "../fileReport";
import type { ValidationIssue } from "../issues";
import type { Roster } from "../roster";
import type { Submission } from "../validate";
import { chaseText, masterText } from "../../messages/zhCN";
import { submissionOf } from "../../../test/support/submissions";

const DEADLINE = "原表 C8：活动时间“4月26日前”是期限或起止点，不是活动举办的日子：请写明活动实际在哪一天或哪几天，如 4月22日 或 4月20日-22日。";
const NO_PHONE = "原表 J9：联系人“王斌”缺少联系电话，请在姓名后写上手机或座机号码，如：王斌 021-23110863。";
const NO_COLUMN = "表中缺少“协办部门”列：请按模板在表头补上这一列，再逐行填写。";

function row(unit: string, order: number, problems: string, overrides: Partial<MasterRow> = {}): MasterRow {
  return {
    unit,
    level: "市级",
    firstDay: "2024-04-22",
    values: { ...emptyValues(), name: `${unit}的活动${order}` },
    problems,
    sourceFile: `${unit}.xlsx`,
    key: `city|${unit}`,
    order,
    ...overrides,
  };
}

function entry(unit: string, status: RosterEntry["status"], rows = 0, file: string | null = null, aliases: string[] = []): RosterEntry {
  return { unit, aliases, status, rows, rowsWithErrors: status === "has-errors" ? rows : 0, file };
}

function fileReport(file: string, issues: ValidationIssue[], action: MergedFileReport["action"] = "rejected"): MergedFileReport {
  return { file, status: "unreadable", kind: null, unit: null, unitSource: null, sheet: null, rows: 0, skippedRows: [], issues, action, rowsWritten: 0 };
}

const error = (message: string): ValidationIssue => ({ severity: "error", row: null, column: null, code: "corrupt", message });

describe("chaseList", () => {
  it("lists missing and has-errors units in roster order, with what each must fix", () => {
    const roster = [
      entry("淄博市教育局", "has-errors", 3, "淄博市教育局.xlsx"),
      entry("淄博市公安局", "submitted", 1, "淄博市公安局.xlsx"),
      entry("淄博海关", "missing"),
      entry("淄博市商务局", "has-errors", 0, "returns/商务局/淄博市商务局.xlsx"),
      entry("淄博市工安局", "not-on-roster", 1, "淄博市工安局.xlsx"),
    ];
    const rows = [
      row("淄博市教育局", 9, NO_PHONE),
      row("淄博市公安局", 1, ""),
      row("淄博市教育局", 8, DEADLINE),
      row("淄博市教育局", 7, ""),
      row("淄博市工安局", 1, DEADLINE),
      // A row typed into the master by hand is nobody's return, whatever its 报送单位 says.
      row("淄博市教育局", 20, NO_COLUMN, { key: null }),
    ];
    const files = [
      fileReport("returns/商务局/淄博市商务局.xlsx", [error("文件已损坏，无法打开：请让报送单位重新保存后再发送。")]),
      fileReport("returns/other.xlsx", [error("别的文件的问题")]),
    ];
    expect(chaseList(roster, rows, files)).toEqual<ChaseEntry[]>([
      { unit: "淄博市教育局", status: "has-errors", file: "淄博市教育局.xlsx", problems: [DEADLINE, NO_PHONE] },
      { unit: "淄博海关", status: "missing", file: null, problems: [] },
      {
        unit: "淄博市商务局",
        status: "has-errors",
        file: "淄博市商务局.xlsx",
        problems: ["文件已损坏，无法打开：请让报送单位重新保存后再发送。"],
      },
    ]);
  });

  it("names a table-level problem once, not once per row, and leaves out 提醒 lines", () => {
    const warning = masterText.warningLine("未填写填表时间：请在“填表时间：”后填写日期，如 2024年4月10日。");
    const rows = [row("A", 1, [NO_COLUMN, warning].join("\n")), row("A", 2, [NO_COLUMN, DEADLINE, warning].join("\n")), row("A", 3, warning)];
    expect(chaseList([entry("A", "has-errors", 3, "A.xlsx")], rows, [])[0]?.problems).toEqual([NO_COLUMN, DEADLINE]);
  });

  it("finds rows still written under an alias, and names every file a unit's problems are in", () => {
    const rows = [row("市商务委", 2, DEADLINE, { sourceFile: "附件2.xlsx" }), row("上海市商务委员会", 5, NO_PHONE, { sourceFile: "附件1.xlsx" })];
    const [found] = chaseList([entry("上海市商务委员会", "has-errors", 2, "附件1.xlsx", ["市商务委"])], rows, []);
    expect(found).toEqual({ unit: "上海市商务委员会", status: "has-errors", file: "附件1.xlsx、附件2.xlsx", problems: [NO_PHONE, DEADLINE] });
  });

  it("is empty when every unit returned without errors", () => {
    expect(chaseList([entry("A", "submitted", 1, "A.xlsx"), entry("B", "not-on-roster", 1)], [row("A", 1, ""), row("B", 1, DEADLINE)], [])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the merge

/** A return of `rows` rows from row 6 (below the template's header), each with `issue` at its own row when given. */
function submission(unit: string, rows: number, issue?: ValidationIssue): Submission {
  return submissionOf(unit, rows, { firstRow: 6, ...(issue ? { issueAt: (row: number) => ({ ...issue, row }) } : {}) });
}

function returned(unit: string, rows: number, issue?: ValidationIssue): IncomingReturn {
  const report: FileReport = {
    file: `returns/${unit}.xlsx`,
    status: issue ? "invalid" : "ok",
    kind: "city",
    unit,
    unitSource: "field",
    sheet: "Sheet1",
    rows,
    skippedRows: [],
    issues: submission(unit, rows, issue).issues,
  };
  return { report, submission: submission(unit, rows, issue), modifiedMs: 0 };
}

const ZIBO: Roster = [
  { name: "淄博市公安局", aliases: [] },
  { name: "淄博市教育局", aliases: [] },
  { name: "淄博海关", aliases: [] },
];
const dateIssue: ValidationIssue = { severity: "error", row: 6, column: "活动时间", code: "date-no-day", message: "C6：活动时间“4月”没有写到具体哪一天" };

describe("mergeReturns with a roster", () => {
  const input = [returned("淄博市工安局", 2), returned("淄博市教育局", 1, dateIssue), returned("淄博市财政局", 1)];

  it("warns on a return whose unit is not on the roster, suggesting the close roster name", () => {
    const result = mergeReturns([], input, ZIBO);
    const notOnRoster = result.files.map((file) => file.issues.filter((issue) => issue.code === "unit-not-on-roster"));
    expect(notOnRoster).toEqual([
      [
        {
          severity: "warning",
          row: null,
          column: "单位名称",
          code: "unit-not-on-roster",
          message: "单位“淄博市工安局”不在应报单位名单中。是否为：淄博市公安局？如是，请在名单中为该单位加上别名“淄博市工安局”后重新合并。",
        },
      ],
      [],
      [expect.objectContaining({ message: "单位“淄博市财政局”不在应报单位名单中：请核对单位名称，或把它加入名单。" })],
    ]);
    const notListed = result.roster?.filter((entry) => entry.status === "not-on-roster") ?? [];
    expect(notListed.map((entry) => [entry.unit, entry.suggestion])).toEqual(
      expect.arrayContaining([
        ["淄博市工安局", "淄博市公安局"],
        ["淄博市财政局", undefined],
      ]),
    );
    expect(notListed).toHaveLength(2);
  });

  it("counts the warning as a warning only: errors and statuses are as without a roster", () => {
    const withRoster = mergeReturns([], input, ZIBO);
    const without = mergeReturns([], input);
    expect(countIssues(withRoster.files).errors).toBe(countIssues(without.files).errors);
    expect(countIssues(withRoster.files).warnings).toBe(countIssues(without.files).warnings + 2);
    expect(withRoster.files.map((file) => file.status)).toEqual(without.files.map((file) => file.status));
    expect(without.files.flatMap((file) => file.issues).some((issue) => issue.code === "unit-not-on-roster")).toBe(false);
  });

  it("returns the chase list with a roster, and none without", () => {
    const result = mergeReturns([], input, ZIBO);
    expect(result.chase).toEqual([
      { unit: "淄博市公安局", status: "missing", file: null, problems: [] },
      { unit: "淄博市教育局", status: "has-errors", file: "淄博市教育局.xlsx", problems: ["原表 C6：活动时间“4月”没有写到具体哪一天"] },
      { unit: "淄博海关", status: "missing", file: null, problems: [] },
    ]);
    expect(mergeReturns([], input).chase).toBeUndefined();
  });

  it("drops a unit from the chase list once its corrected return is merged", () => {
    const first = mergeReturns([], input, ZIBO);
    const corrected = { ...returned("淄博市教育局", 1), modifiedMs: 1 };
    const second = mergeReturns(first.rows, [corrected], ZIBO);
    expect(second.chase?.map((entry) => entry.unit)).toEqual(["淄博市公安局", "淄博海关"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The copy-ready text

const WEEK = "4月20日至26日";
const AT = "2024年4月15日 10:30";

describe("chaseText", () => {
  it("writes a heading and one block per unit, exactly", () => {
    const entries: ChaseEntry[] = [
      { unit: "淄博海关", status: "missing", file: null, problems: [] },
      { unit: "淄博市教育局", status: "has-errors", file: "淄博市教育局.xlsx", problems: [DEADLINE, NO_PHONE] },
    ];
    expect(chaseText(entries, WEEK, AT)).toBe(
      [
        "催报清单（2024年4月15日 10:30 汇总）：未报送 1 个单位，需修改 1 个单位",
        "",
        "淄博海关：您好！",
        "贵单位尚未报送知识产权宣传周（4月20日至26日）重点活动安排表，请尽快按通知附件填写报送。",
        "如有疑问请与市知识产权联席会议办公室联系。",
        "",
        "淄博市教育局：您好！",
        "贵单位报送的知识产权宣传周（4月20日至26日）重点活动安排表（淄博市教育局.xlsx）有以下 2 处需要修改，请改正后重新报送：",
        `1. ${DEADLINE}`,
        `2. ${NO_PHONE}`,
        "如有疑问请与市知识产权联席会议办公室联系。",
      ].join("\n"),
    );
  });

  it("says in one sentence that nobody is to be chased", () => {
    const text = chaseText([], WEEK, AT);
    expect(text).toBe("催报清单（2024年4月15日 10:30 汇总）：所有应报单位均已报送，且没有需要修改的内容，无需催报。");
  });

  const units = ["上海市知识产权局", "上海海关", "上海市商务委员会", "淄博市公安局"];
  const missing = (unit: string): ChaseEntry => ({ unit, status: "missing", file: null, problems: [] });
  const withErrors = (unit: string, problems: string[], file: string | null = `${unit}.xlsx`): ChaseEntry => ({ unit, status: "has-errors", file, problems });

  it.each<[string, ChaseEntry[], number, number]>([
    ["all missing", units.map(missing), 4, 0],
    ["all to fix", units.map((unit) => withErrors(unit, [DEADLINE])), 0, 4],
    ["mixed", [missing("上海海关"), withErrors("上海市知识产权局", [DEADLINE, NO_PHONE, NO_COLUMN]), missing("淄博市公安局")], 2, 1],
    ["a rejected file with no problem text", [withErrors("上海海关", [], "上海海关.pdf")], 0, 1],
    ["a return without a file name", [withErrors("上海海关", [NO_COLUMN], null)], 0, 1],
  ])("%s: a self-contained block per unit", (_case, entries, missingCount, toFix) => {
    const [heading, ...blocks] = chaseText(entries, WEEK, AT).split("\n\n");
    expect(heading).toBe(`催报清单（${AT} 汇总）：未报送 ${missingCount} 个单位，需修改 ${toFix} 个单位`);
    expect(blocks).toHaveLength(entries.length);
    blocks.forEach((block, i) => {
      const chased = entries[i] as ChaseEntry;
      const lines = block.split("\n");
      expect(lines[0]).toBe(`${chased.unit}：您好！`);
      expect(lines[lines.length - 1]).toBe("如有疑问请与市知识产权联席会议办公室联系。");
      expect(block).toContain(`知识产权宣传周（${WEEK}）`);
      // The problems, numbered, each exactly as 校验结果 has it.
      expect(lines.filter((line) => /^\d+\. /.test(line))).toEqual(chased.problems.map((problem, n) => `${n + 1}. ${problem}`));
      if (chased.file) expect(block).toContain(`（${chased.file}）`);
      expect(block.includes("尚未报送")).toBe(chased.status === "missing");
      // No other unit is named in a unit's block, so it can be sent alone.
      for (const other of entries) if (other.unit !== chased.unit) expect(block).not.toContain(other.unit);
    });
  });
});

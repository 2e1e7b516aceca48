import type { RosterEntry } from "../../core/merge/rosterStatus";
import { reminderText, rosterGroups } from "./reminder";

const entry = (unit: string, status: RosterEntry["status"], rows = 0, rowsWithErrors = 0): RosterEntry => ({
  unit,
  aliases: [],
  status,
  rows,
  rowsWithErrors,
  file: rows > 0 || status === "has-errors" ? `${unit}.xlsx` : null,
});
const week = { start: "2024-04-20", end: "2024-04-26" };

describe("rosterGroups", () => {
  it("puts the units to chase first, then those to correct, then the rest, keeping roster order inside", () => {
    const groups = rosterGroups([
      entry("甲", "submitted", 3),
      entry("乙", "missing"),
      entry("丙", "not-on-roster", 1),
      entry("丁", "has-errors", 2, 1),
      entry("戊", "missing"),
    ]);
    expect(groups.map((group) => [group.status, group.entries.map((unit) => unit.unit)])).toEqual([
      ["missing", ["乙", "戊"]],
      ["has-errors", ["丁"]],
      ["submitted", ["甲"]],
      ["not-on-roster", ["丙"]],
    ]);
  });
});

describe("reminderText", () => {
  it("names only the units that must act", () => {
    expect(reminderText([entry("甲", "submitted", 3), entry("乙", "missing")], week)).toBe(
      [
        "各有关单位：",
        "知识产权宣传周（2024年4月20日至26日）重点活动安排表的报送情况如下：",
        "尚未报送（1 个）：乙。",
        "请尚未报送的单位尽快报送。",
        "谢谢配合！",
      ].join("\n"),
    );
  });

  it("says why a unit must correct: rows with problems, or a file that could not be used", () => {
    const text = reminderText([entry("丁", "has-errors", 2, 1), entry("己", "has-errors")], week);
    expect(text).toContain("报送的表格需要修改（2 个）：丁（1 条活动有问题）、己（文件无法使用）。");
    expect(text).toContain("请需要修改的单位按反馈的问题修改后重新报送。");
    expect(text).not.toContain("尚未报送");
  });

  it("has nothing to send when every unit returned a clean table", () => {
    expect(reminderText([entry("甲", "submitted", 3), entry("丙", "not-on-roster", 1)], week)).toBeUndefined();
  });
});

import { addUnit, parseAliases } from "./rosterDraft";
import { weekDays, weekWarnings } from "./weekWarnings";

describe("weekWarnings", () => {
  it.each([
    [{ start: "2025-04-20", end: "2025-04-26" }, 2025, []],
    [{ start: "2025-04-20", end: "2025-04-24" }, 2025, ["宣传周通常为 7 天，现在是 5 天，请确认。"]],
    [{ start: "2024-04-20", end: "2024-04-26" }, 2025, ["宣传周不在今年（2025年），请确认年份。"]],
    [{ start: "2025-12-29", end: "2026-01-04" }, 2025, ["宣传周不在今年（2025年），请确认年份。"]],
  ])("%j in %i", (week, year, expected) => {
    expect(weekWarnings(week, year)).toEqual(expected);
  });

  it("counts both ends, across months and a leap day", () => {
    expect(weekDays({ start: "2024-02-26", end: "2024-03-03" })).toBe(7);
    expect(weekDays({ start: "2025-04-26", end: "2025-04-26" })).toBe(1);
  });
});

describe("the roster draft", () => {
  it("splits aliases on the separators clerks type, dropping blanks and repeats", () => {
    expect(parseAliases(" 市商务委，商务委、 市商务委 ,;")).toEqual(["市商务委", "商务委"]);
  });

  it("adds a unit, and refuses an empty name or one the roster knows by name or alias", () => {
    const roster = [{ name: "上海市商务委员会", aliases: ["市商务委"] }];
    expect(addUnit(roster, " 上海海关 ", "海关")).toEqual({ roster: [...roster, { name: "上海海关", aliases: ["海关"] }] });
    expect(addUnit(roster, "  ", "")).toEqual({ error: "请填写单位名称。" });
    expect(addUnit(roster, "上海市商务委员会（盖章）", "")).toEqual({ error: "名单中已有这个单位。" });
    expect(addUnit(roster, "市商务委", "")).toEqual({ error: "名单中已有这个单位。" });
  });
});

import { isDateFormat } from "./dateFormat";

describe("isDateFormat", () => {
  it.each([
    "yyyy/m/d",
    "m/d/yyyy",
    "d-mmm-yy",
    "yyyy-mm-dd hh:mm:ss",
    "[$-804]yyyy年m月d日",
    '[$-F800]dddd, mmmm dd, yyyy',
    'yyyy"年"m"月"d"日"',
    "yyyy年m月d日",
    "m月d日",
    "h:mm AM/PM",
    "[h]:mm:ss",
    "[DBNum1][$-804]m月d日",
    "mm:ss.0",
  ])("%s is a date or time format", (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  it.each([
    "General",
    "G/通用格式",
    "@",
    "0",
    "0.00",
    "#,##0",
    '#,##0"元"',
    '0"天"',
    "0.00E+00",
    "[Red]0.00",
    "0_);[Red](0)",
    "[DBNum1][$-804]General",
    '"day "0',
    "\\d0",
    "",
  ])("%s is not", (format) => {
    expect(isDateFormat(format)).toBe(false);
  });

  it("is false for anything that is not a format string", () => {
    expect(isDateFormat(null)).toBe(false);
    expect(isDateFormat(42)).toBe(false);
  });
});

/**
 * What a planned data-validation rule means, evaluated in TypeScript the way Excel evaluates it for one typed
 * entry: the typed rules (date, whole number, text length, list) and the small formula language the templates'
 * custom rules use (OR, AND, NOT, ISTEXT, ISNUMBER, INT, DATE, comparisons, relative cell references). Lets a test
 * hold each rule against entries the checker accepts without starting Excel.
 */
import { addDays, isoDateToSerial, toIsoDate } from "../../src/core/calendarDate";
import type { DataValidationPlan, ValidationRule } from "../../src/core/plans/sheetPlan";
import { columnLetters } from "../../src/core/rawSheet";

/** A cell's value as Excel's functions see it; null is an empty cell. */
export type ExcelValue = string | number | boolean | null;

/**
 * Whether Excel lets the entry stand without its alert: blanks always (every rule allows blanks), otherwise the
 * rule's own test. `row`/`col` (0-based) say which cell of the range the entry is typed in.
 */
export function ruleAllows(plan: DataValidationPlan, value: ExcelValue, row = plan.range.startRow, col = plan.range.startCol): boolean {
  if (value === null || value === "") return true;
  return allows(plan.rule, value, { rows: row - plan.range.startRow, cols: col - plan.range.startCol }, { row, col });
}

function allows(rule: ValidationRule, value: Exclude<ExcelValue, null>, offset: { rows: number; cols: number }, at: { row: number; col: number }): boolean {
  switch (rule.type) {
    case "dateBetween":
      return typeof value === "number" && value >= isoDateToSerial(rule.from) && value < isoDateToSerial(rule.to) + 1;
    case "wholeNumberAtLeast":
      return typeof value === "number" && Number.isInteger(value) && value >= rule.min;
    case "textLengthAtLeast":
      return String(value).length >= rule.min;
    case "list":
      return rule.items.includes(String(value));
    case "custom": {
      try {
        const result = evaluateFormula(rule.formula, (ref) => {
          // The formula is written for the range's top-left cell; Excel shifts its relative references to the typed cell.
          const target = { row: ref.row + offset.rows, col: ref.col + offset.cols };
          if (target.row !== at.row || target.col !== at.col) throw new Error(`the rule refers to another cell (${columnLetters(target.col)}${target.row + 1})`);
          return value;
        });
        return result === true;
      } catch (error) {
        // A rule whose formula fails (#VALUE!) rejects the entry, as Excel's does.
        if (error instanceof FormulaError) return false;
        throw error;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The formula language

type Token = { kind: "number"; value: number } | { kind: "name"; value: string } | { kind: "op"; value: string };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.$]*)|(>=|<=|<>|[()<>=,+\-*/]))/y;
  let rest = formula.replace(/^=/, "");
  while (rest.trim() !== "") {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match) throw new Error(`cannot read the formula at “${rest}”`);
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: "name", value: match[2].toUpperCase() });
    else tokens.push({ kind: "op", value: match[3] ?? "" });
    rest = rest.slice(match[0].length);
  }
  return tokens;
}

type Node =
  | { kind: "number"; value: number }
  | { kind: "ref"; row: number; col: number }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "negate"; operand: Node };

/** A formula error such as #VALUE!: Excel takes a rule whose formula ends in one as not satisfied. */
export class FormulaError extends Error {}

function parse(formula: string): Node {
  const tokens = tokenize(formula);
  let i = 0;
  const isOp = (op: string) => tokens[i]?.kind === "op" && tokens[i]?.value === op;
  const take = (op?: string): Token => {
    const token = tokens[i++];
    if (!token || (op !== undefined && (token.kind !== "op" || token.value !== op))) throw new Error(`expected ${op ?? "more"} in ${formula}`);
    return token;
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    while (ops.some(isOp)) {
      const op = take().value as string;
      left = { kind: "binary", op, left, right: next() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = take();
    if (token.kind === "number") return { kind: "number", value: token.value };
    if (token.kind === "op" && token.value === "(") {
      const node = comparison();
      take(")");
      return node;
    }
    if (token.kind === "op" && token.value === "-") return { kind: "negate", operand: primary() };
    if (token.kind !== "name") throw new Error(`unexpected ${token.value} in ${formula}`);
    if (isOp("(")) {
      take("(");
      const args: Node[] = [];
      if (!isOp(")")) {
        args.push(comparison());
        while (isOp(",")) {
          take(",");
          args.push(comparison());
        }
      }
      take(")");
      return { kind: "call", name: token.value, args };
    }
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(token.value);
    if (!ref?.[1] || !ref[2]) throw new Error(`unknown name ${token.value} in ${formula}`);
    const col = [...ref[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    return { kind: "ref", row: Number(ref[2]) - 1, col };
  };
  const additive = binary(["+", "-"], primary);
  const comparison = binary(["=", "<>", "<=", ">=", "<", ">"], additive);
  const node = comparison();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return node;
}

/**
 * Evaluates a formula as Excel does: every argument of OR and AND is evaluated (an error in any makes the whole an
 * error), only IF's chosen branch is. `cell` gives the value at a (0-based) reference as written in the formula.
 *
 * @throws FormulaError where Excel would show #VALUE!; Error for a formula outside this evaluator's language.
 */
export function evaluateFormula(formula: string, cell: (ref: { row: number; col: number }) => ExcelValue): ExcelValue {
  const evaluate = (node: Node): ExcelValue => {
    switch (node.kind) {
      case "number":
        return node.value;
      case "ref":
        return cell(node);
      case "negate":
        return -number(evaluate(node.operand));
      case "binary": {
        const left = evaluate(node.left);
        const right = evaluate(node.right);
        if (node.op === "+") return number(left) + number(right);
        if (node.op === "-") return number(left) - number(right);
        return compare(left, right, node.op);
      }
      case "call":
        if (node.name === "IF") {
          const [condition, then, otherwise] = node.args;
          if (!condition || !then) throw new Error("IF needs a condition and a value");
          if (truthy(evaluate(condition))) return evaluate(then);
          return otherwise ? evaluate(otherwise) : false;
        }
        return call(node.name, node.args.map(evaluate));
    }
  };
  return evaluate(parse(formula));
}

function call(name: string, args: ExcelValue[]): ExcelValue {
  const [a, b, c] = args;
  switch (name) {
    case "OR":
      return args.some((arg) => truthy(arg));
    case "AND":
      return args.every((arg) => truthy(arg));
    case "NOT":
      return !truthy(a ?? null);
    case "ISTEXT":
      return typeof a === "string";
    case "ISNUMBER":
      return typeof a === "number";
    case "INT":
      return Math.floor(number(a ?? null));
    case "DATE": {
      // DATE rolls days over into the next month, as Excel does; the templates only need days of a real month.
      const first = toIsoDate({ year: number(a ?? null), month: number(b ?? null), day: 1 });
      return isoDateToSerial(addDays(first, number(c ?? null) - 1));
    }
    default:
      throw new Error(`function ${name} is not known to this evaluator`);
  }
}

/**
 * Excel's comparison: numbers by value, text by text ignoring case, and across types text > number and
 * TRUE/FALSE > text; an empty cell is 0 or "".
 */
function compare(left: ExcelValue, right: ExcelValue, op: string): boolean {
  const rank = (value: ExcelValue) => (typeof value === "boolean" ? 2 : typeof value === "string" ? 1 : 0);
  const l = left ?? (typeof right === "string" ? "" : 0);
  const r = right ?? (typeof left === "string" ? "" : 0);
  let order: number;
  if (rank(l) !== rank(r)) order = rank(l) - rank(r);
  else if (typeof l === "string" && typeof r === "string") order = l.toLowerCase() < r.toLowerCase() ? -1 : l.toLowerCase() > r.toLowerCase() ? 1 : 0;
  else order = Number(l) - Number(r);
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    default:
      return order >= 0;
  }
}

function truthy(value: ExcelValue): boolean {
  if (typeof value === "string") throw new FormulaError("text as a condition is #VALUE! in Excel");
  return Boolean(value);
}

function number(value: ExcelValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === null) return 0;
  throw new FormulaError(`text “${value}” in arithmetic is #VALUE! in Excel`);
}

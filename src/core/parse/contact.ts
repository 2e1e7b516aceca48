/**
 * The 联系人 cell: a person's name and a reachable phone number, written together in one cell by people typing on
 * Chinese keyboards (`联 系 人：王  斌`, `郑益枫 23110863；李晴 23110861`, `王斌（科长）１３８１２３４５６７８`).
 *
 * The cell is lexed once into tokens, then read twice: runs of digits become phones (or broken numbers), and the
 * remaining words become names once labels (`联系人：`, `Tel:`) and titles (`科长`) are set aside. Everything is a
 * hand-written scan over the string with no backtracking regular expressions, so a cell costs time linear in its
 * length however hostile it is.
 *
 * This file holds the orchestration and the verdict; the parts live beside it: contactText.ts normalises, lexes
 * and scans the cell into digit runs and words, phoneNumbers.ts reads the runs and personNames.ts the words.
 */
import { lex, normalise, scan, type Problem } from "./contactText";
import { readNames } from "./personNames";
import { readRun, type Phone, type PhoneDefect } from "./phoneNumbers";

export type { Phone, PhoneKind } from "./phoneNumbers";

export type ContactResult =
  | { ok: true; names: string[]; phones: Phone[] }
  | {
      ok: false;
      reason: "empty" | "no-name" | "no-phone" | "phone-malformed" | "phone-placeholder";
      /** The offending text as the unit typed it (full-width and all), for the message. */
      fragment?: string;
      /** For a malformed number: what is wrong with it, by the numbering plan. */
      defect?: PhoneDefect;
    };

/**
 * Parses a 联系人 cell: a person's name and a reachable phone number, in the same cell.
 *
 * ok when the cell names at least one person and holds at least one number that is valid by China's numbering
 * plan (mobile, landline or 400/800). A placeholder (`021-6218xxxx`, `电话待定`) or a malformed number (`1381234567`) anywhere in the cell is reported
 * even when another number is fine: the unit wrote a broken number and must fix it. Fax, QQ, postcode and e-mail
 * numbers are recognised by their labels and ignored. Romanised names (`Li Qing`) count when capitalised.
 */
export function parseContact(text: string): ContactResult {
  const cell = normalise(text);
  const { runs, words } = scan(lex(cell));
  const phones = new Map<string, Phone>(); // by digits: the same number twice is one phone
  const problems: Problem[] = [];
  for (const run of runs) readRun(run, phones, problems);
  const people = readNames(words, problems);

  for (const reason of ["phone-placeholder", "phone-malformed"] as const) {
    const problem = firstOf(problems, reason);
    if (!problem) continue;
    const fragment = text.slice(problem.start, problem.end).trim();
    // The defect lets the message say what is wrong (`021 后应为 8 位`), not just that something is.
    return problem.defect ? { ok: false, reason, fragment, defect: problem.defect } : { ok: false, reason, fragment };
  }
  if (runs.length === 0 && !people.hasContent) return { ok: false, reason: "empty" };
  if (people.names.size === 0) return { ok: false, reason: "no-name" };
  if (phones.size === 0) return { ok: false, reason: "no-phone" };
  return { ok: true, names: [...people.names], phones: [...phones.values()] };
}

/** The earliest problem of a kind in the cell, whichever reader found it. */
function firstOf(problems: readonly Problem[], reason: Problem["reason"]): Problem | undefined {
  let first: Problem | undefined;
  for (const p of problems) if (p.reason === reason && (!first || p.start < first.start)) first = p;
  return first;
}

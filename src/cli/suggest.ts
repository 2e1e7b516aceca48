/**
 * The known name a mistyped option or command most likely meant: `--type` for `--kind`, `--sart` for `--start`,
 * `valdate` for `validate`. Words people bring from other tools (or say in Chinese) come first, then near spellings.
 */

/** Words that mean a known option, as clerks and other command-line tools say it. Keys are compared lower-case. */
const OPTION_SYNONYMS: Record<string, string> = {
  type: "kind",
  level: "kind",
  attachment: "kind",
  template: "kind",
  name: "unit",
  org: "unit",
  organization: "unit",
  department: "unit",
  out: "output",
  outfile: "output",
  file: "output",
  master: "output",
  from: "start",
  begin: "start",
  since: "start",
  to: "end",
  until: "end",
  finish: "end",
  stop: "end",
  list: "roster",
  units: "roster",
  overwrite: "force",
  yes: "force",
  confirm: "force",
};

const COMMAND_SYNONYMS: Record<string, string> = {
  check: "validate",
  verify: "validate",
  lint: "validate",
  检查: "validate",
  校验: "validate",
  combine: "merge",
  collect: "merge",
  summary: "merge",
  summarize: "merge",
  consolidate: "merge",
  合并: "merge",
  汇总: "merge",
  new: "template",
  create: "template",
  make: "template",
  generate: "template",
  init: "template",
  模板: "template",
  version: "--version",
};

/** The long option (`--kind`) a mistyped one (`--type`, `--knd=city`, `-kind`) most likely meant, if any. */
export function closestOption(typed: string, known: readonly string[]): string | undefined {
  const word = typed.replace(/^-+/, "").replace(/=.*$/, "").toLowerCase();
  const name = closest(word, known.map((long) => long.replace(/^-+/, "")), OPTION_SYNONYMS);
  return name === undefined ? undefined : `--${name}`;
}

/** The command (`validate`) a mistyped one (`valdate`, `check`, `检查`) most likely meant, if any. */
export function closestCommand(typed: string, known: readonly string[]): string | undefined {
  const synonym = COMMAND_SYNONYMS[typed.toLowerCase()];
  if (synonym?.startsWith("--")) return synonym;
  return closest(typed.toLowerCase(), known, COMMAND_SYNONYMS);
}

function closest(word: string, names: readonly string[], synonyms: Record<string, string>): string | undefined {
  if (word === "") return undefined;
  const synonym = synonyms[word];
  if (synonym !== undefined && names.includes(synonym)) return synonym;
  // A known name begun but not finished (--rost, --out): only when it is the one name so begun.
  const begun = names.filter((name) => word.length >= 2 && name.startsWith(word));
  if (begun.length === 1) return begun[0];
  // Near spellings: one slip in a short word, two in a longer one, and never more than a third of the word.
  const allowed = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(word, name);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Insertions, deletions, substitutions and swaps of neighbours (`sart`→`start` is one, `strat`→`start` one). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Every part of a written .xlsx checked against the ECMA-376 Transitional schemas (../shared/schemas, see its
 * README): SpreadsheetML parts against sml.xsd, the theme against dml-main.xsd, charts and drawings against
 * theirs, each after the Markup Compatibility step (mce_strip.py) Excel itself applies. [Content_Types].xml,
 * relationships and docProps need the OPC schemas, and VML has none: those are checked for well-formedness only.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";

export const SCHEMA_DIR = process.env.OOXML_SCHEMAS ?? path.resolve(__dirname, "../../../shared/schemas/ooxml-transitional");

/** Whether xmllint, python3 and the schemas are all here; what is missing otherwise. */
export function schemaToolsMissing(): string | undefined {
  if (spawnSync("xmllint", ["--version"]).error) return "xmllint (apt-get install libxml2-utils)";
  if (spawnSync("python3", ["--version"]).error) return "python3";
  if (!existsSync(path.join(SCHEMA_DIR, "sml.xsd"))) return `the schemas in ${SCHEMA_DIR} (set OOXML_SCHEMAS)`;
  return undefined;
}

/** `it` for schema checks: skipped with a loud warning without the tools, failing on CI (`CI=true`). */
export function itWithSchemas(name: string, body: jest.ProvidesCallback, timeout?: number): void {
  const missing = schemaToolsMissing();
  if (!missing) {
    it(name, body, timeout);
  } else if (process.env.CI === "true") {
    it(name, () => {
      throw new Error(`${missing} is missing, and CI=true`);
    });
  } else {
    console.warn(`\n*** ${missing} not found: SKIPPING "${name}" ***\n`);
    it.skip(name, body, timeout);
  }
}

/** The schema a part is checked against, by what it is; "well-formed" for parts whose schemas are not there. */
const SCHEMAS = { sml: "sml.xsd", dml: "dml-main.xsd", chart: "dml-chart.xsd", drawing: "dml-spreadsheetDrawing.xsd", "well-formed": undefined } as const;
type Check = keyof typeof SCHEMAS;

/**
 * mce_strip.py's own main, once per file, in one Python process (each start costs a good part of a second): the
 * file is replaced by its stripped form. A part that is not well-formed fails here, as it would there.
 */
const STRIP_ALL = [
  "import sys, xml.etree.ElementTree as ET",
  "sys.path.insert(0, sys.argv[1])",
  "import mce_strip",
  "for path in sys.argv[2:]:",
  "    root, scopes = mce_strip.load(path)",
  "    mce_strip.clean(root, frozenset(), scopes)",
  "    ET.ElementTree(root).write(path, encoding='utf-8', xml_declaration=True)",
].join("\n");

function checkOf(part: string): Check {
  if (/^xl\/theme\/[^/]*\.xml$/.test(part)) return "dml";
  if (/^xl\/charts\/[^/]*\.xml$/.test(part)) return "chart";
  if (/^xl\/drawings\/[^/]*\.xml$/.test(part)) return "drawing";
  if (/^xl\/.*\.xml$/.test(part) && !/\/_rels\//.test(part)) return "sml";
  return "well-formed";
}

export interface PartProblem {
  part: string;
  check: Check;
  output: string;
}

/**
 * The parts of the package that fail their check, with xmllint's words; empty when every part passes. Each part is
 * stripped on its own, then one xmllint run per schema checks them all (compiling sml.xsd is the slow step).
 */
export function schemaProblems(bytes: Uint8Array): { checked: Array<{ part: string; check: Check }>; problems: PartProblem[] } {
  const dir = mkdtempSync(path.join(tmpdir(), "huizong-xsd-"));
  try {
    const parts = Object.entries(unzipSync(bytes)).filter(([name]) => /\.(xml|rels|vml)$/.test(name));
    const problems: PartProblem[] = [];
    const files = parts.map(([part, data], i) => {
      const file = path.join(dir, `${i}.xml`);
      writeFileSync(file, data);
      return { part, check: checkOf(part), file };
    });
    const toStrip = files.filter((file) => file.check !== "well-formed").map((file) => file.file);
    const stripped = spawnSync("python3", ["-c", STRIP_ALL, SCHEMA_DIR, ...toStrip], { encoding: "utf8" });
    if (stripped.status !== 0) problems.push({ part: "(all)", check: "sml", output: `mce_strip.py failed: ${stripped.stderr}` });
    for (const [check, schema] of Object.entries(SCHEMAS) as Array<[Check, string | undefined]>) {
      const group = files.filter((file) => file.check === check);
      if (group.length === 0) continue;
      const schemaArgs = schema ? ["--schema", path.join(SCHEMA_DIR, schema)] : [];
      const lint = spawnSync("xmllint", ["--noout", ...schemaArgs, ...group.map((file) => file.file)], { encoding: "utf8", maxBuffer: 1 << 26 });
      for (const { part, file } of group) {
        // xmllint names the file on every message: "<file>:<line>: ..." or "<file> fails to validate".
        const messages = lint.stderr.split("\n").filter((line) => line.startsWith(`${file}:`) || line.startsWith(`${file} fails`));
        if (messages.length > 0) problems.push({ part, check, output: messages.slice(0, 5).join("\n") });
      }
      if (lint.status !== 0 && problems.length === 0) problems.push({ part: "(all)", check, output: lint.stderr });
    }
    return { checked: files.map(({ part, check }) => ({ part, check })), problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

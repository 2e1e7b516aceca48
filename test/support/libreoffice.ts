/**
 * LibreOffice as an independent second opinion on the files we write: if LibreOffice reads a workbook and writes
 * it back as ODS, XLSX or XLS with our content intact, the file is not only valid to our own reader.
 *
 * Each conversion runs with its own throw-away user profile, so parallel Jest workers (and a desktop LibreOffice
 * the developer has open) never share one and block on its lock.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A cold LibreOffice start takes 2-4 s; a minute means it hangs (a lock, a dialog). */
export const LIBREOFFICE_TIMEOUT_MS = 60_000;

/** The soffice binary: `$SOFFICE`, else the first `soffice` on PATH; undefined when LibreOffice is missing. */
export function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE, ...(process.env.PATH ?? "").split(path.delimiter).map((dir) => dir && path.join(dir, "soffice"))];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string));
}

/**
 * `describe` for tests that need LibreOffice. Without it the block is skipped with a loud warning on a developer
 * machine, and fails on CI (`CI=true`), where a missing LibreOffice would otherwise pass silently.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (findSoffice()) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("needs LibreOffice", () => {
        throw new Error("LibreOffice (soffice) is not installed, and CI=true: install it (apt-get install libreoffice-calc) or set SOFFICE");
      });
    });
  } else {
    console.warn(
      `\n*** LibreOffice (soffice) not found: SKIPPING "${name}". ` +
        "These tests check written files in an independent application; install LibreOffice to run them (CI fails without it). ***\n",
    );
    describe.skip(name, body);
  }
}

/**
 * Converts files with `soffice --headless --convert-to FORMAT`, all in one LibreOffice start, and returns the
 * output paths in input order. FORMAT is an extension, optionally with a filter (`csv:Text - txt - csv
 * (StarCalc):44,34,76`). Throws with LibreOffice's own output when it fails, times out, or writes nothing.
 */
export async function convertWithLibreOffice(inputs: string[], format: string, outDir: string, timeoutMs = LIBREOFFICE_TIMEOUT_MS): Promise<string[]> {
  const extension = format.split(":")[0] ?? format;
  const outputs = inputs.map((input) => path.join(outDir, `${path.parse(input).name}.${extension}`));
  await convert(inputs, format, outDir, timeoutMs, () => {
    const missing = outputs.filter((file) => !existsSync(file));
    return missing.length > 0 ? `wrote no ${missing.join(", ")}` : undefined;
  });
  return outputs;
}

/**
 * Every sheet of every input as UTF-8 CSV of the values as shown, one file per sheet (LibreOffice 7.2+), in one
 * LibreOffice start. Returns, per input path, the CSV path of each sheet by sheet name, as LibreOffice reports it.
 * Inputs must have distinct base names: LibreOffice names the CSVs after them.
 */
export async function exportSheetsAsCsv(inputs: string[], outDir: string, timeoutMs = LIBREOFFICE_TIMEOUT_MS): Promise<Map<string, Map<string, string>>> {
  const format = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  const output = await convert(inputs, format, outDir, timeoutMs, () => undefined);
  const sheets = new Map(inputs.map((input) => [input, new Map<string, string>()]));
  let current: Map<string, string> | undefined;
  for (const line of output.split("\n")) {
    const converting = /^convert (.+) using filter/.exec(line);
    if (converting) current = sheets.get(converting[1] ?? "");
    const writing = /^Writing sheet (.+) -> (.+\.csv)$/.exec(line);
    if (writing && current) current.set(writing[1] ?? "", writing[2] ?? "");
  }
  return sheets;
}

/** One soffice run with a throw-away profile; `problem` inspects the result and names what is wrong, if anything. */
async function convert(
  inputs: string[],
  format: string,
  outDir: string,
  timeoutMs: number,
  problem: (output: string) => string | undefined,
): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) not found; set SOFFICE or add it to PATH");
  const profile = mkdtempSync(path.join(tmpdir(), "lo-"));
  try {
    const args = ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", format, "--outdir", outDir, ...inputs];
    const { code, output, timedOut } = await run(soffice, args, timeoutMs);
    const why = timedOut ? `timed out after ${timeoutMs / 1000} s` : code !== 0 ? `exited with ${code}` : problem(output);
    if (why) throw new Error(`LibreOffice --convert-to ${format} ${why}\n$ ${soffice} ${args.join(" ")}\n${output}`);
    return output;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Runs soffice in its own process group: the `soffice` script starts `oosplash` and `soffice.bin`, and a timeout
 * must end all three, not just the script.
 */
function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group ended between the timeout and the kill.
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

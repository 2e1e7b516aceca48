/**
 * `soffice --headless --convert-to`, as the bench uses it twice: once to make the returns (xlsx → xlsx, as a unit
 * that saves in an office suite sends them), and as the "LibreOffice" column (xlsx → csv).
 */
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { onPath, timedRun, type TimedRun } from "./timedRun";

/**
 * Measured here: one soffice invocation given ~250 files or more silently stops converting part way, and still
 * exits 0. So no invocation is given more than this.
 */
export const SOFFICE_BATCH = 100;

/**
 * A profile of the bench's own. With the default one, a LibreOffice already open on the machine (a user's, or the
 * tests' conversions) would be handed the job and soffice would return at once: neither the time nor the memory
 * would be this run's.
 */
const PROFILE = path.resolve(__dirname, "../.bench/lo-profile");

export const hasSoffice = (): boolean => onPath("soffice");

export interface Conversion {
  /** Summed over the invocations: the batches run one after another, as a user's script would. */
  ms: number;
  /** The largest of the invocations'. */
  peakRssMb: number | undefined;
  /** Files of the target format in `outDir` afterwards. */
  produced: number;
  failures: TimedRun[];
}

function batches<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

export function countFiles(dir: string, extension: string): number {
  return readdirSync(dir).filter((name) => name.toLowerCase().endsWith(`.${extension}`)).length;
}

/** Converts `files` into `outDir` as `format` (the extension: "csv", "xlsx"), at most SOFFICE_BATCH per invocation. */
export function convert(files: readonly string[], format: string, outDir: string): Conversion {
  mkdirSync(outDir, { recursive: true });
  const runs = batches(files, SOFFICE_BATCH).map((batch) =>
    timedRun("soffice", [`-env:UserInstallation=${pathToFileURL(PROFILE).href}`, "--headless", "--convert-to", format, "--outdir", outDir, ...batch], {
      cwd: outDir,
    }),
  );
  const rss = runs.map((run) => run.peakRssMb).filter((mb): mb is number => mb !== undefined);
  return {
    ms: runs.reduce((sum, run) => sum + run.ms, 0),
    peakRssMb: rss.length > 0 ? Math.max(...rss) : undefined,
    produced: countFiles(outDir, format),
    failures: runs.filter((run) => run.exitCode !== 0),
  };
}

/**
 * Bundles the command line into build/cli/ with esbuild: `huizong.mjs` (the front: arguments and the supervisor),
 * `engine.mjs` (the process that reads and merges) and the chunks they load on demand, so plain `node` runs it
 * without compiling TypeScript at every start, and each command loads only its own modules (`validate` never loads
 * the master's writer or ExcelJS).
 *
 * `npm install` runs this (the `prepare` script); bin/huizong.js runs it again when a source file is newer than the
 * build. Written into a fresh folder that replaces build/cli whole, under a lock, so two commands started at once
 * on a stale build (Jest's workers) neither read a half-written bundle nor build it twice.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BUILD_DIR = path.join(root, "build", "cli");
const LOCK = path.join(root, "build", "cli.lock");
/** A build takes about a second; a lock older than this was left by a build that died. */
const STALE_LOCK_MS = 60_000;

/** Besides the sources the bundle was built from: what decides which packages went into it, and this script. */
const ALWAYS_INPUTS = ["package.json", "package-lock.json", "scripts/buildCli.mjs"];
/** The project's own files the last build read, as esbuild listed them (written beside the bundle). */
const INPUTS_FILE = path.join(BUILD_DIR, "inputs.json");

/**
 * Fresh when no file the last build read has changed since: a new source file counts only once a changed file
 * imports it. Stats the ~200 files esbuild listed rather than walking src/, since it runs before every command.
 */
export function isFresh() {
  const built = statSync(path.join(BUILD_DIR, "engine.mjs"), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS_FILE, "utf8"));
  } catch {
    return false;
  }
  return [...inputs, ...ALWAYS_INPUTS].every((file) => {
    const changed = statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs;
    return changed !== undefined && changed <= built;
  });
}

function ownInputs(metafile) {
  return Object.keys(metafile.inputs).filter((file) => !file.startsWith("node_modules/") && !file.includes(":"));
}

/** Node's require, __filename and __dirname inside the ES-module bundle, for the CommonJS code bundled in it. */
const BANNER = [
  'import { createRequire as __huizongRequire } from "node:module";',
  'import { fileURLToPath as __huizongPath } from "node:url";',
  'import { dirname as __huizongDirname } from "node:path";',
  "const require = __huizongRequire(import.meta.url);",
  "const __filename = __huizongPath(import.meta.url);",
  "const __dirname = __huizongDirname(__filename);",
].join("\n");

async function bundle(into) {
  const esbuild = await import("esbuild");
  return esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      huizong: "src/cli/main.ts",
      engine: "src/cli/engineEntry.ts",
      engineStart: "src/cli/engineStart.ts",
      readerThread: "src/cli/readerThreadEntry.ts",
    },
    outdir: into,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "[name]-[hash]",
    // The code pages are loaded from node_modules the first time an Excel 95 file needs them (codePages.ts).
    external: ["@e965/xlsx/dist/cpexcel.full"],
    banner: { js: BANNER },
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
}

/** Builds build/cli unless it is fresh; waits for a build another process has started. */
export async function ensureBuilt({ force = false } = {}) {
  if (!force && isFresh()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  while (!takeLock()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!force && isFresh()) return;
  }
  try {
    if (!force && isFresh()) return;
    const fresh = `${BUILD_DIR}.${process.pid}.tmp`;
    rmSync(fresh, { recursive: true, force: true });
    const result = await bundle(fresh);
    writeFileSync(path.join(fresh, "meta.json"), JSON.stringify(result.metafile));
    writeFileSync(path.join(fresh, "inputs.json"), JSON.stringify(ownInputs(result.metafile)));
    const old = `${BUILD_DIR}.${process.pid}.old`;
    if (statSync(BUILD_DIR, { throwIfNoEntry: false })) renameSync(BUILD_DIR, old);
    renameSync(fresh, BUILD_DIR);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(LOCK, { force: true });
  }
}

function takeLock() {
  try {
    closeSync(openSync(LOCK, "wx"));
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) rmSync(LOCK, { force: true });
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ensureBuilt({ force: process.argv.includes("--force") });
}

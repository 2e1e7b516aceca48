import { lstat, readlink, realpath, stat } from "node:fs/promises";
import path from "node:path";

/** The longest chain of symbolic links followed, as the operating systems' own limit (ELOOP) does. */
const MAX_LINK_HOPS = 40;

/**
 * The file an output path really names: symbolic links followed (even to a target that does not exist yet), and
 * the folder's own links resolved. Writing goes there, so a linked master stays a link and its target is updated;
 * the lock sits there, so two runs naming one master by different paths still exclude each other.
 */
export async function resolveWriteTarget(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) break;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  const folder = await realpath(path.dirname(current)).catch(() => path.dirname(current));
  return path.join(folder, path.basename(current));
}

/** What a file was when read, to tell before writing whether anyone changed it meanwhile. */
export type FileSnapshot = { exists: false } | { exists: true; size: number; mtimeMs: number; ino: number; dev: number };

/** @throws the file system's error for anything but a missing file (no permission on the folder, a loop…). */
export async function snapshotOf(file: string): Promise<FileSnapshot> {
  try {
    const info = await stat(file);
    return { exists: true, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, dev: info.dev };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { exists: false };
    throw error;
  }
}

/** Same file, same content as far as the file system tells: a save or a rename over it changes one of these. */
export function sameSnapshot(a: FileSnapshot, b: FileSnapshot): boolean {
  if (!a.exists || !b.exists) return a.exists === b.exists;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.dev === b.dev;
}

/**
 * The owner files an office program leaves beside a workbook it has open: `~$NAME` (Excel, WPS) and
 * `.~lock.NAME#` (LibreOffice), looked for beside each of the paths given (the path as typed and its target).
 */
export async function ownerFilesOf(files: readonly string[]): Promise<string[]> {
  const candidates = new Set<string>();
  for (const file of files) {
    const folder = path.dirname(path.resolve(file));
    const name = path.basename(file);
    candidates.add(path.join(folder, `~$${name}`));
    candidates.add(path.join(folder, `.~lock.${name}#`));
  }
  const found: string[] = [];
  for (const candidate of candidates) if (await stat(candidate).then(() => true, () => false)) found.push(candidate);
  return found;
}

import { open, readdir, rename, rm, stat, type FileHandle } from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";
import { resolveWriteTarget, sameSnapshot, snapshotOf, type FileSnapshot } from "./outputTarget";
import { isProcessAlive } from "./processes";

/** The file was changed by someone else between reading it and writing it back. */
export class FileChangedError extends Error {
  override name = "FileChangedError";
}

export interface WriteOptions {
  /** The file as it was read: the write is refused (FileChangedError) if it is no longer so. */
  unchangedSince?: FileSnapshot;
  /** A last check just before the rename, when everything else is done (the caller's lock still held…). */
  beforeReplace?: () => Promise<void>;
}

/**
 * Writes a file through a temporary sibling and a rename, so an interrupted run never leaves half a file, and a
 * file open (locked) in Excel on Windows fails before anything is lost.
 *
 * - A symbolic link is followed: its target is replaced, beside which the temporary file is made (a rename
 *   across folders or disks would fail, and renaming over the link would cut it).
 * - The replaced file's permissions are kept, and its owner and group as far as this user may set them.
 * - The temporary file is flushed to disk before the rename, so a power cut leaves the old file or the new one.
 * - The temporary file is removed whatever fails; those left by runs that died (a full disk, Ctrl+C) are removed
 *   first, since they would otherwise fill the disk for every retry.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = await resolveWriteTarget(file);
  const folder = path.dirname(target);
  await removeStaleTemporaries(folder, path.basename(target));
  const temporary = temporaryName(folder, path.basename(target), process.pid);
  const existing = await stat(target).catch(() => undefined);
  try {
    // A leftover of ours can only be from a dead process that had our pid; "wx" never follows a planted link.
    await rm(temporary, { force: true });
    const handle = await open(temporary, "wx", existing ? existing.mode & 0o7777 : 0o666);
    try {
      await handle.writeFile(bytes);
      if (existing) await keepOwnerAndMode(handle, existing);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.unchangedSince && !sameSnapshot(options.unchangedSince, await snapshotOf(target))) {
      throw new FileChangedError(`${target} changed while it was being updated`);
    }
    await options.beforeReplace?.();
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

function temporaryName(folder: string, name: string, pid: number): string {
  return path.join(folder, `.${name}.${pid}.tmp`);
}

/** Whether a file name is one of these temporary files (a merge reading the folder meanwhile skips it). */
export function isTemporaryName(fileName: string): boolean {
  return /^\..+\.\d+\.tmp$/.test(path.basename(fileName));
}

async function removeStaleTemporaries(folder: string, name: string): Promise<void> {
  const ours = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.tmp$`);
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(ours.exec(entry)?.[1]);
    if (pid && pid !== process.pid && !isProcessAlive(pid)) await rm(path.join(folder, entry), { force: true }).catch(() => undefined);
  }
}

/**
 * The new file takes the old one's owner and permissions: a master shared with a group, or kept private, stays
 * so. Changing the owner needs privileges; without them the group alone may still be set, and failing both the
 * file belongs to whoever ran the merge, as any new file would.
 */
async function keepOwnerAndMode(handle: FileHandle, existing: Stats): Promise<void> {
  if (process.platform !== "win32") {
    const current = await handle.stat();
    if (current.uid !== existing.uid || current.gid !== existing.gid) {
      await handle.chown(existing.uid, existing.gid).catch(() => handle.chown(current.uid, existing.gid).catch(() => undefined));
    }
  }
  // After chown, which clears set-id bits; and past the umask, which trimmed the mode given to open.
  await handle.chmod(existing.mode & 0o7777);
}

/** The rename itself reaches the disk only with its folder; some systems (Windows) cannot open a folder: best effort. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

import { randomUUID } from "node:crypto";
import { open, readFile, stat, unlink } from "node:fs/promises";
import os from "node:os";
import { isProcessAlive } from "./processes";

/**
 * One `huizong merge` at a time per master: each run reads the master, merges and writes it back, so two runs at
 * once would each write the master they read and the later would silently drop the other's units. The lock is a
 * file beside the master, created only if absent (O_EXCL), naming who holds it; it is removed when the run ends.
 */
export const LOCK_SUFFIX = ".huizong-lock";

/** Who holds a lock, as written into the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  token: string;
}

export interface MasterLock {
  file: string;
  /** Whether the lock is still ours (nobody took it over as stale): checked just before the master is replaced. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

/** Another run holds the lock and did not let go in time. */
export class MasterLockBusy extends Error {
  override name = "MasterLockBusy";
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(`${lockFile} is held by ${holder ? `pid ${holder.pid} on ${holder.host}` : "an unknown process"}`);
  }
}

export interface LockOptions {
  /** How long to wait for another run to finish before giving up. */
  waitMs?: number;
  /** Called once, when the lock is found held and waiting starts. */
  onWait?: (holder: LockHolder | undefined) => void;
}

/** A merge of a thousand returns takes about a minute; longer than that, the clerk is better told. */
const DEFAULT_WAIT_MS = 120_000;
const POLL_MS = 200;
/** A lock file still empty this long after it was made was left by a run that died between creating and writing it. */
const EMPTY_LOCK_STALE_MS = 10_000;
/** No merge runs this long: a lock this old (from another computer, whose processes cannot be asked) is stale. */
const ABANDONED_LOCK_MS = 60 * 60_000;

/**
 * Takes the master's lock, waiting while another live run holds it; a lock left by a run that died is taken
 * over. The lock is the master's (resolved) path plus {@link LOCK_SUFFIX}.
 *
 * @throws MasterLockBusy when the wait runs out; the file system's error when the lock cannot be made at all
 *   (no such folder, no permission, a read-only disk).
 */
export async function lockMaster(target: string, options: LockOptions = {}): Promise<MasterLock> {
  const lockFile = `${target}${LOCK_SUFFIX}`;
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  const mine: LockHolder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: randomUUID() };
  let waiting = false;
  for (;;) {
    if (await tryCreate(lockFile, mine)) return heldLock(lockFile, mine.token);
    const current = await readLock(lockFile);
    if (current === undefined) continue; // released between our attempt and the read: try again at once
    if (await isStale(lockFile, current.holder)) {
      await takeOver(lockFile, current.text);
      continue;
    }
    if (Date.now() >= deadline) throw new MasterLockBusy(lockFile, current.holder);
    if (!waiting) options.onWait?.(current.holder);
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function tryCreate(lockFile: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockFile, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(holder));
  } finally {
    await handle.close();
  }
  return true;
}

/** The lock's text and holder (undefined while it is still empty or unreadable); undefined when it is gone. */
async function readLock(lockFile: string): Promise<{ text: string; holder: LockHolder | undefined } | undefined> {
  const text = await readFile(lockFile, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    const valid = typeof parsed.pid === "number" && typeof parsed.host === "string" && typeof parsed.token === "string";
    return { text, holder: valid ? (parsed as LockHolder) : undefined };
  } catch {
    return { text, holder: undefined };
  }
}

async function isStale(lockFile: string, holder: LockHolder | undefined): Promise<boolean> {
  const age = await stat(lockFile).then((info) => Date.now() - info.mtimeMs, () => 0);
  if (age > ABANDONED_LOCK_MS) return true;
  if (!holder) return age > EMPTY_LOCK_STALE_MS;
  return holder.host === os.hostname() && !isProcessAlive(holder.pid);
}

/**
 * Removes a stale lock, unless it changed since it was judged stale (another run took it over first and now
 * holds it). The creation that follows is exclusive, so of two runs taking over at once only one gets the lock.
 */
async function takeOver(lockFile: string, staleText: string): Promise<void> {
  const now = await readFile(lockFile, "utf8").catch(() => undefined);
  if (now === staleText) await unlink(lockFile).catch(() => undefined);
}

function heldLock(file: string, token: string): MasterLock {
  const stillHeld = async () => (await readLock(file))?.holder?.token === token;
  return {
    file,
    stillHeld,
    async release() {
      // A lock taken over (we were judged dead, wrongly) is the new holder's: it is left alone.
      if (await stillHeld()) await unlink(file).catch(() => undefined);
    },
  };
}

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { MasterState } from "../core/merge/masterState";
import { readMasterFile, type MasterFileInput } from "../files/masterFile";
import { cliMessages as say, masterGuardMessages as guard } from "../messages/zhCN";
import { lockMaster, MasterLockBusy, type LockHolder, type MasterLock } from "./masterLock";
import { resolveWriteTarget, snapshotOf, type FileSnapshot } from "./outputTarget";
import { fileSystemReason } from "./systemErrors";

/**
 * The master `huizong merge -o` names, from the file system's side: where it really is, its lock, and what it
 * holds now. Every way this can fail ends as a MergeRefused with a message for the clerk, never a stack trace.
 */

export type RefusalReason =
  | "output-invalid"
  | "master-unreadable"
  | "master-not-updatable"
  | "master-locked"
  | "needs-force"
  | "master-changed"
  | "cannot-write"
  | "roster-unreadable";

/** A merge that stops before writing anything: exit 2, the message, and in --json its reason and problems. */
export class MergeRefused extends Error {
  override name = "MergeRefused";
  constructor(
    message: string,
    readonly reason: RefusalReason,
    readonly problems: ReadonlyArray<{ code: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** What is in the master file now, if there is one, and what the file was when read. */
export interface ExistingMaster extends MasterState {
  file: MasterFileInput | undefined;
  snapshot: FileSnapshot;
}

/**
 * Where the master will be written: checked to be a usable .xlsx path in a folder that exists, with symbolic
 * links resolved (see resolveWriteTarget).
 */
export async function masterTarget(output: string): Promise<string> {
  const info = await stat(output).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw new MergeRefused(guard.cannotOpen(output, fileSystemReason(error)), "output-invalid");
  });
  if (info?.isDirectory()) throw new MergeRefused(guard.isDirectory(output, path.join(output, "汇总表.xlsx")), "output-invalid");
  if (info && !info.isFile()) throw new MergeRefused(guard.notAFile(output), "output-invalid");
  if (!/\.xlsx$/i.test(output)) throw new MergeRefused(say.masterNotXlsx(output), "output-invalid");
  const target = await resolveWriteTarget(output);
  const folder = await stat(path.dirname(target)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new MergeRefused(guard.folderMissing(output, path.dirname(target)), "output-invalid");
  return target;
}

/** The master's lock, waiting (and saying so on stderr) while another merge into it runs. */
export async function lockMasterTarget(output: string, target: string, waitMs?: number): Promise<MasterLock> {
  try {
    return await lockMaster(target, {
      waitMs,
      onWait: (holder) => process.stderr.write(`${guard.waitingForLock(output, holderText(holder))}\n`),
    });
  } catch (error) {
    if (error instanceof MasterLockBusy) throw new MergeRefused(guard.locked(output, holderText(error.holder), error.lockFile), "master-locked");
    throw new MergeRefused(say.cannotWrite(output, fileSystemReason(error)), "cannot-write");
  }
}

function holderText(holder: LockHolder | undefined): string {
  return holder ? guard.lockHolder(holder.pid, holder.host, new Date(holder.started).toLocaleString("zh-CN")) : guard.unknownLockHolder;
}

/**
 * The master as it is now: its bytes and state, read once (mergeIntoMasterFile reuses this read), and its
 * snapshot taken first, so that any change after it, even during the read, is caught before writing.
 */
export async function readExistingMaster(output: string, target: string): Promise<ExistingMaster> {
  const snapshot = await snapshotOf(target).catch((error: unknown) => {
    throw new MergeRefused(guard.cannotOpen(output, fileSystemReason(error)), "master-unreadable");
  });
  if (!snapshot.exists) return { file: undefined, rows: [], roster: undefined, campaign: undefined, snapshot };
  const bytes = await readFile(target).catch((error: unknown) => {
    throw new MergeRefused(guard.cannotOpen(output, fileSystemReason(error)), "master-unreadable");
  });
  const file = { bytes: new Uint8Array(bytes), fileName: output };
  const read = readMasterFile(file);
  if (!read.ok) throw new MergeRefused(read.message, "master-unreadable");
  return { file, ...read.state, snapshot };
}

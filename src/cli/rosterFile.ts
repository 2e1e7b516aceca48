import { readFile } from "node:fs/promises";
import type { Roster } from "../core/roster";
import { readFailureMessage } from "../files/checkFile";
import { readRoster } from "../files/readRoster";
import { cliMessages as say } from "../messages/zhCN";
import { fileSystemReason } from "./systemErrors";

/** The roster named by --roster, or the clerk's sentence for why it cannot be used. */
export async function readRosterFile(file: string): Promise<{ ok: true; roster: Roster } | { ok: false; message: string }> {
  const [bytes, error] = await readFile(file).then(
    (read) => [read, undefined] as const,
    (failure: NodeJS.ErrnoException) => [undefined, failure] as const,
  );
  if (!bytes) {
    if (error?.code === "ENOENT") return { ok: false, message: say.fileNotFound(file) };
    return { ok: false, message: say.rosterUnreadable(file, fileSystemReason(error)) };
  }
  const read = readRoster(new Uint8Array(bytes), file);
  if (!read.ok) return { ok: false, message: say.rosterUnreadable(file, readFailureMessage(read)) };
  if (read.roster.length === 0) return { ok: false, message: say.rosterEmpty(file) };
  return { ok: true, roster: read.roster };
}

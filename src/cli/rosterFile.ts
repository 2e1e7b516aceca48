import { readFile } from "node:fs/promises";
import type { Roster } from "../core/roster";
import { readFailureMessage } from "../files/checkFile";
import { readRoster } from "../files/readRoster";
import { cliMessages as say } from "../messages/zhCN";

/** The roster named by --roster, or the clerk's sentence for why it cannot be used. */
export async function readRosterFile(file: string): Promise<{ ok: true; roster: Roster } | { ok: false; message: string }> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return { ok: false, message: say.fileNotFound(file) };
  const read = readRoster(new Uint8Array(bytes), file);
  if (!read.ok) return { ok: false, message: say.rosterUnreadable(file, readFailureMessage(read)) };
  if (read.roster.length === 0) return { ok: false, message: say.rosterEmpty(file) };
  return { ok: true, roster: read.roster };
}

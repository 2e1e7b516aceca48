/**
 * A command's output, handed from the engine to the front process. In the "done" message it would cross the IPC
 * channel as one JSON line, which Node reads and parses slowly once it is megabytes long (`merge --json` of 3,000
 * returns: 2.7 MB, 0.15 s from the engine's send to the front's message); a long one goes through a temporary
 * file instead, which the front reads and removes.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type HandedOutput = { text: string } | { file: string };

/** Beyond this many characters the output goes through a file. */
const INLINE_LIMIT = 64 * 1024;

/** The engine's side: short output as it is, long output written to a temporary file (inline if that fails). */
export function handOver(text: string): HandedOutput {
  if (text.length <= INLINE_LIMIT) return { text };
  const file = path.join(os.tmpdir(), `huizong-output-${process.pid}-${Date.now()}.txt`);
  try {
    writeFileSync(file, text, "utf8");
    return { file };
  } catch {
    rmSync(file, { force: true });
    return { text };
  }
}

/** The front's side: the output, its temporary file removed. */
export function takeOver(handed: HandedOutput): string {
  if ("text" in handed) return handed.text;
  try {
    return readFileSync(handed.file, "utf8");
  } finally {
    rmSync(handed.file, { force: true });
  }
}

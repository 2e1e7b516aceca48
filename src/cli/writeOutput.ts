import { rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a file through a temporary sibling and a rename, so an interrupted run never leaves half a master,
 * and a master open (locked) in Excel on Windows fails before anything is lost.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

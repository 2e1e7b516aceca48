import type { IncomingReturn } from "../../src/core/merge/merge";
import * as readReturns from "../../src/files/readReturns";

/**
 * For tests that mock src/files/readReturns (the sections load it lazily): picked files are "read" from a table of
 * returns built with the real core, by file name, with progress reported as the real reader does, a stop when the
 * signal is aborted, and an optional pause before each file so a test sees the reading state.
 */
export function readFromTable(table: Record<string, IncomingReturn>, pause?: () => Promise<void>): void {
  const readReturnFiles = readReturns.readReturnFiles as jest.MockedFunction<typeof readReturns.readReturnFiles>;
  readReturnFiles.mockImplementation(async (files, _options, onProgress = () => {}, signal) => {
    const read: IncomingReturn[] = [];
    for (const [index, file] of files.entries()) {
      if (signal?.aborted) throw new readReturns.ReadCancelled("cancelled");
      onProgress({ done: index, total: files.length, current: file.name });
      await pause?.();
      const found = table[file.name];
      if (!found) throw new Error(`no return for ${file.name}`);
      read.push(found);
    }
    onProgress({ done: files.length, total: files.length, current: files[files.length - 1]?.name ?? "" });
    return read;
  });
}

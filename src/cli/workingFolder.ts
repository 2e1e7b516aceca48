/**
 * The folder relative paths are read from: the one the clerk ran the command in. `npm run cli` runs the script in
 * the package's root and leaves the clerk's folder in INIT_CWD; from there `returns/` would name the wrong folder,
 * or none. Changing into it (rather than resolving each path) keeps every path, and every message, as typed.
 */
export function userFolder(environment: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const initial = environment.INIT_CWD;
  // Only through our own `cli` script: any other npm script (a test run, the fuzzer) means its own folder.
  if (environment.npm_lifecycle_event !== "cli" || !initial || initial === cwd) return undefined;
  return initial;
}

/** Moves into the clerk's folder when npm moved away from it; a folder since removed leaves things as they are. */
export function enterUserFolder(): void {
  const folder = userFolder(process.env, process.cwd());
  if (folder === undefined) return;
  try {
    process.chdir(folder);
  } catch {
    // Deleted or unreadable meanwhile: relative paths then fail with a message naming them, as typed.
  }
}

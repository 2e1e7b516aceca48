/**
 * Whether a process still runs on this computer: a lock or temporary file left by a process that is gone was left
 * by a crash (or Ctrl+C) and may be taken over or removed.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

import { masterGuardMessages as guard } from "../messages/zhCN";

/**
 * The clerk's words for why the file system said no (no permission, a full disk, a folder where a file was
 * expected). Never the system's own message: it is English, and names the temporary file a write went through.
 */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code ? guard.fileSystemReasons[code] : undefined) ?? guard.otherFileSystemReason;
}

/**
 * A mistake in how the command was called, found by Huizong itself rather than by commander (a week that is not a
 * date, a path that does not exist, an output that would overwrite a file): exit 2, reported like commander's own.
 */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    /** Whether `huizong --help` would help: not for a mistyped path, which the help cannot fix. */
    readonly showHelpHint = true,
  ) {
    super(message);
  }
}

/** Exit codes as CONTRACTS.md fixes them. */
export const EXIT = {
  /** Done, no validation errors. */
  clean: 0,
  /** Done, but validation errors were found. */
  problemsFound: 1,
  /** Usage error, or no input file could be read at all. */
  unusable: 2,
} as const;

export interface CommandResult {
  /** What goes to stdout: the human report, or exactly one JSON document. */
  output: string;
  exitCode: number;
}

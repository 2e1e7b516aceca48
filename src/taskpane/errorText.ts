import { HostError } from "../host/workbookHost";
import { paneText } from "../messages/pane";

/**
 * The clerk's sentence for a failed host call. Keyed on the HostError code; anything else (a bug, a library
 * failure) gets the general sentence, since e.message is English and a stack is no help to the clerk.
 */
export function errorText(error: unknown): string {
  return error instanceof HostError ? paneText.hostErrors[error.code] : paneText.hostErrors.unknown;
}

/**
 * Errors as Office.js raises them: an OfficeExtension.Error (named "RichApi.Error" at run time) with a `code` from
 * OfficeExtension.ErrorCodes / Excel.ErrorCodes, the message, and debug info naming where it happened.
 */
export type FakeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "MergedRangeConflict"
  | "PropertyNotLoaded"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class FakeOfficeError extends Error implements Pick<OfficeExtension.Error, "name" | "code" | "message" | "traceMessages"> {
  override name = "RichApi.Error";
  readonly traceMessages: string[] = [];
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  constructor(
    readonly code: FakeErrorCode | string,
    message: string,
    errorLocation = "",
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function fail(code: FakeErrorCode, message: string, location = ""): never {
  throw new FakeOfficeError(code, message, location);
}

/** What the fuzz child (checkChild.ts) tells the harness (harness.ts), one JSON line per event. */

export const CHILD_MARK = "@@fuzz ";

export type ChildEvent =
  | { type: "start"; index: number }
  | { type: "done"; index: number; ms: number; status: string; codes: string[]; peakRssMb: number }
  | { type: "threw"; index: number; ms: number; error: string };

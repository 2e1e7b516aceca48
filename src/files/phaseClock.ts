/**
 * Where a command's time goes, for `npm run bench`'s split (start-up, reading, checking, merging, writing): each
 * phase's milliseconds summed over the run. Two clock reads per timed step, so it is always on; nothing but the
 * command line's engine reports it.
 */
export type Phase = "reading" | "checking" | "merging" | "writing";

export type PhaseTimes = Record<Phase, number>;

class PhaseClock {
  private readonly totals: PhaseTimes = { reading: 0, checking: 0, merging: 0, writing: 0 };

  time<T>(phase: Phase, step: () => T): T {
    const started = performance.now();
    try {
      return step();
    } finally {
      this.totals[phase] += performance.now() - started;
    }
  }

  async timeAsync<T>(phase: Phase, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.totals[phase] += performance.now() - started;
    }
  }

  /** The totals so far, rounded to the millisecond. */
  read(): PhaseTimes {
    const round = (ms: number) => Math.round(ms);
    const { reading, checking, merging, writing } = this.totals;
    return { reading: round(reading), checking: round(checking), merging: round(merging), writing: round(writing) };
  }
}

/** The process's one clock: a command runs once per process. */
export const phaseClock = new PhaseClock();

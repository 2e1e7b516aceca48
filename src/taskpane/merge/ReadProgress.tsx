import { Field, ProgressBar, Spinner } from "@fluentui/react-components";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import type { ReadPhase } from "./useReadReturns";

/** The reading progress, announced politely; writing is one step and shows a spinner with `writing`. */
export const ReadProgress = ({ phase, writing }: { phase: ReadPhase; writing: string }) => {
  const styles = useSectionStyles();
  return (
    <div aria-live="polite">
      {phase.step === "reading" && (
        <Field label={paneText.merge.reading(Math.min(phase.done + 1, phase.total), phase.total, phase.current)}>
          <ProgressBar value={phase.total === 0 ? 0 : phase.done / phase.total} />
        </Field>
      )}
      {phase.step === "writing" && <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={writing} />}
    </div>
  );
};
ReadProgress.displayName = "ReadProgress";

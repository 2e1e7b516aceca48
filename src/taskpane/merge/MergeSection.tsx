import { Button, Field, ProgressBar, Spinner } from "@fluentui/react-components";
import { TableStackBelowRegular } from "@fluentui/react-icons";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { MergeReport } from "./MergeReport";
import { PickedFiles } from "./PickedFiles";
import { useMergeSection, type MergePhase } from "./useMergeSection";

const say = paneText.merge;

/** 汇总: pick the returned files, read them with progress (cancellable), merge, and report. */
export const MergeSection = () => {
  const styles = useSectionStyles();
  const section = useMergeSection();
  const busy = section.phase.step !== "idle";
  return (
    <section className={styles.section} aria-busy={busy}>
      <p className={styles.note}>{say.intro}</p>
      <PickedFiles files={section.files} onAdd={section.addFiles} onRemove={section.removeFile} onClear={section.clearFiles} disabled={busy} />
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<TableStackBelowRegular />} disabled={busy || section.files.length === 0} onClick={section.merge}>
          {say.run}
        </Button>
        {section.phase.step === "reading" && <Button onClick={section.cancel}>{say.cancel}</Button>}
      </div>
      <Progress phase={section.phase} />
      {section.report && <MergeReport report={section.report} />}
    </section>
  );
};
MergeSection.displayName = "MergeSection";

/** The reading progress, announced politely; writing is one step and shows a spinner. */
const Progress = ({ phase }: { phase: MergePhase }) => {
  const styles = useSectionStyles();
  return (
    <div aria-live="polite">
      {phase.step === "reading" && (
        <Field label={say.reading(Math.min(phase.done + 1, phase.total), phase.total, phase.current)}>
          <ProgressBar value={phase.total === 0 ? 0 : phase.done / phase.total} />
        </Field>
      )}
      {phase.step === "writing" && <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={say.writing} />}
    </div>
  );
};

import { Button } from "@fluentui/react-components";
import { ArrowDownloadRegular, TableStackBelowRegular } from "@fluentui/react-icons";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { useSectionStyles } from "../paneStyles";
import { MasterFilePicker } from "./MasterFilePicker";
import { MergeReport } from "./MergeReport";
import { PickedFiles } from "./PickedFiles";
import { ReadProgress } from "./ReadProgress";
import { useMergeSection } from "./useMergeSection";

const say = paneText.merge;

/**
 * 汇总: pick the returned files, read them with progress (cancellable), merge, and report. Inside Excel into the
 * open workbook; in a browser into the master picked (or a new one), downloaded.
 */
export const MergeSection = () => {
  const styles = useSectionStyles();
  const { host } = usePane();
  const section = useMergeSection();
  const busy = section.phase.step !== "idle";
  const onFiles = host.kind === "files";
  return (
    <section className={styles.section} aria-busy={busy}>
      <p className={styles.note}>{onFiles ? say.filesIntro : say.intro}</p>
      {onFiles && <MasterFilePicker master={section.master} onPick={section.setMaster} disabled={busy} />}
      <PickedFiles files={section.files} onAdd={section.addFiles} onRemove={section.removeFile} onClear={section.clearFiles} disabled={busy} />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={onFiles ? <ArrowDownloadRegular /> : <TableStackBelowRegular />}
          disabled={busy || section.files.length === 0}
          onClick={section.merge}
        >
          {onFiles ? say.filesRun : say.run}
        </Button>
        {section.phase.step === "reading" && <Button onClick={section.cancel}>{say.cancel}</Button>}
      </div>
      <ReadProgress phase={section.phase} writing={onFiles ? say.writingFile : say.writing} />
      {section.report && <MergeReport report={section.report} />}
    </section>
  );
};
MergeSection.displayName = "MergeSection";

import { Button } from "@fluentui/react-components";
import { TaskListSquareLtrRegular } from "@fluentui/react-icons";
import { paneText } from "../../messages/pane";
import { PickedFiles } from "../merge/PickedFiles";
import { ReadProgress } from "../merge/ReadProgress";
import { useSectionStyles } from "../paneStyles";
import { FileCheckResults } from "./FileCheckResults";
import { useFilesCheck } from "./useFilesCheck";

const say = paneText.check;

/** In a browser: pick or drop returned files, check them (progress, 取消), and list each file's problems. */
export const FilesCheck = () => {
  const styles = useSectionStyles();
  const section = useFilesCheck();
  const busy = section.phase.step !== "idle";
  return (
    <section className={styles.section} aria-busy={busy}>
      <p className={styles.note}>{say.filesIntro}</p>
      <PickedFiles files={section.files} onAdd={section.addFiles} onRemove={section.removeFile} onClear={section.clearFiles} disabled={busy} inputLabel={say.fileInputLabel} />
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<TaskListSquareLtrRegular />} disabled={busy || section.files.length === 0} onClick={section.check}>
          {say.filesRun}
        </Button>
        {section.phase.step === "reading" && <Button onClick={section.cancel}>{paneText.merge.cancel}</Button>}
      </div>
      <ReadProgress phase={section.phase} writing={say.checking} />
      {section.results && <FileCheckResults results={section.results} />}
    </section>
  );
};
FilesCheck.displayName = "FilesCheck";

import { Button, Spinner } from "@fluentui/react-components";
import { EraserRegular, TaskListSquareLtrRegular } from "@fluentui/react-icons";
import type { WorkbookHost } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { CheckResult } from "./CheckResult";
import { useCheckSection } from "./useCheckSection";

const say = paneText.check;

/** Inside Excel: check the active sheet, list its problems by row, jump to a cell, clear the marks. */
export const SheetCheck = ({ host }: { host: WorkbookHost }) => {
  const styles = useSectionStyles();
  const section = useCheckSection(host);
  const busy = section.busy !== undefined;
  return (
    <section className={styles.section} aria-busy={busy}>
      <p className={styles.note}>{say.intro}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<TaskListSquareLtrRegular />} disabledFocusable={busy} onClick={section.check}>
          {say.run}
        </Button>
        <Button icon={<EraserRegular />} disabledFocusable={busy} onClick={section.clearMarks}>
          {say.clear}
        </Button>
      </div>
      {busy && <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={section.busy === "check" ? say.checking : say.clearing} />}
      {section.result && <CheckResult result={section.result} groups={section.groups} onSelectCell={section.selectCell} />}
    </section>
  );
};
SheetCheck.displayName = "SheetCheck";

import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { SheetCheckResult } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { useCheckStyles } from "./CheckSection.styles";
import { rowsWithIssues, type IssueGroup } from "./issueGroups";
import { IssueList } from "./IssueList";
import { SkippedRows } from "./SkippedRows";

export interface CheckResultProps {
  result: SheetCheckResult;
  groups: readonly IssueGroup[];
  onSelectCell(address: string): void;
}

const say = paneText.check;

/** What the check found: not a template; no problems (with how much was checked); or the problems by row. */
export const CheckResult = ({ result, groups, onSelectCell }: CheckResultProps) => {
  const styles = useSectionStyles();
  const checkStyles = useCheckStyles();
  const check = result.check;
  if (check.status === "not-a-template") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{check.isMaster ? say.isMaster : say.notATemplate(result.sheetName)}</MessageBarBody>
      </MessageBar>
    );
  }
  const { submission } = check;
  const rows = submission.rows.length;
  const errors = result.issues.filter((issue) => issue.severity === "error").length;
  const warnings = result.issues.length - errors;
  const marked = say.marked(result.markedCells, result.notesSupported);
  return (
    <>
      <p className={styles.note}>{say.sheetLine(result.sheetName, paneText.kindLabel[submission.kind], submission, rows)}</p>
      <SkippedRows rows={submission.skippedRows} />
      {result.issues.length === 0 ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {say.noProblems}
            {say.checkedRows(rows)}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <p className={checkStyles.summary}>{say.summary(errors, warnings, rowsWithIssues(groups))}</p>
          {marked && <p className={styles.note}>{marked}</p>}
          <IssueList groups={groups} onSelectCell={onSelectCell} />
          <p className={styles.note}>{say.recheck}</p>
        </>
      )}
    </>
  );
};
CheckResult.displayName = "CheckResult";

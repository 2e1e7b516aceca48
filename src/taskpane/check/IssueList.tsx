import { mergeClasses } from "@fluentui/react-components";
import { useId } from "react";
import type { SheetIssue } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { IssueLine } from "../IssueLine";
import { useCheckStyles } from "./CheckSection.styles";
import type { IssueGroup } from "./issueGroups";

export interface IssueListProps {
  groups: readonly IssueGroup[];
  onSelectCell(address: string): void;
}

const say = paneText.check;

/** The sheet's problems by row, each heading naming the row's activity; a problem with a cell selects it. */
export const IssueList = ({ groups, onSelectCell }: IssueListProps) => {
  const styles = useCheckStyles();
  return (
    <div className={styles.groups} role="region" aria-label={say.issuesLabel}>
      {groups.map((group) => (
        <IssueGroupView key={group.row ?? "table"} group={group} onSelectCell={onSelectCell} />
      ))}
    </div>
  );
};
IssueList.displayName = "IssueList";

const IssueGroupView = ({ group, onSelectCell }: { group: IssueGroup; onSelectCell(address: string): void }) => {
  const styles = useCheckStyles();
  const headingId = useId();
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.groupHeading}>
        {group.row === null ? say.tableGroup : say.rowHeading(group.row, group.activity)}
      </h2>
      <ul className={styles.issues} aria-labelledby={headingId}>
        {group.issues.map((issue, index) => (
          <li key={index}>
            <IssueItem issue={issue} onSelectCell={onSelectCell} />
          </li>
        ))}
      </ul>
    </section>
  );
};

const IssueItem = ({ issue, onSelectCell }: { issue: SheetIssue; onSelectCell(address: string): void }) => {
  const styles = useCheckStyles();
  const line = <IssueLine severity={issue.severity} message={issue.message} />;
  if (issue.address === null) return <div className={styles.issue}>{line}</div>;
  const address = issue.address;
  return (
    <button type="button" className={mergeClasses(styles.issue, styles.issueButton)} title={say.goToCell(address)} onClick={() => onSelectCell(address)}>
      {line}
    </button>
  );
};

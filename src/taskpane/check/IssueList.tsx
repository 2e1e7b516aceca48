import { mergeClasses } from "@fluentui/react-components";
import { useId } from "react";
import type { SheetIssue } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { IssueLine } from "../IssueLine";
import { useCheckStyles } from "./CheckSection.styles";
import type { IssueGroup } from "./issueGroups";

export interface IssueListProps {
  groups: readonly IssueGroup[];
  /** Selects a problem's cell; without it (files in a browser) the problems are plain lines. */
  onSelectCell?: ((address: string) => void) | undefined;
  /** The region's name; 发现的问题 by default. */
  label?: string;
  /** The groups' heading level: 2 for the one sheet, 4 under a file's heading. */
  headingLevel?: 2 | 4;
}

const say = paneText.check;

/** The sheet's problems by row, each heading naming the row's activity; a problem with a cell selects it. */
export const IssueList = ({ groups, onSelectCell, label = say.issuesLabel, headingLevel = 2 }: IssueListProps) => {
  const styles = useCheckStyles();
  return (
    <div className={styles.groups} role="region" aria-label={label}>
      {groups.map((group) => (
        <IssueGroupView key={group.row ?? "table"} group={group} onSelectCell={onSelectCell} headingLevel={headingLevel} />
      ))}
    </div>
  );
};
IssueList.displayName = "IssueList";

type SelectCell = IssueListProps["onSelectCell"];

const IssueGroupView = ({ group, onSelectCell, headingLevel }: { group: IssueGroup; onSelectCell: SelectCell; headingLevel: 2 | 4 }) => {
  const styles = useCheckStyles();
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h4";
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.groupHeading}>
        {group.row === null ? say.tableGroup : say.rowHeading(group.row, group.activity)}
      </Heading>
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

const IssueItem = ({ issue, onSelectCell }: { issue: SheetIssue; onSelectCell: SelectCell }) => {
  const styles = useCheckStyles();
  const line = <IssueLine severity={issue.severity} message={issue.message} />;
  if (issue.address === null || !onSelectCell) return <div className={styles.issue}>{line}</div>;
  const address = issue.address;
  return (
    <button type="button" className={mergeClasses(styles.issue, styles.issueButton)} title={say.goToCell(address)} onClick={() => onSelectCell(address)}>
      {line}
    </button>
  );
};

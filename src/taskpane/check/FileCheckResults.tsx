import { Badge, mergeClasses, type BadgeProps } from "@fluentui/react-components";
import { useId } from "react";
import { countIssues, type FileStatus } from "../../core/fileReport";
import { paneText } from "../../messages/pane";
import { IssueLine } from "../IssueLine";
import { useMergeStyles } from "../merge/MergeSection.styles";
import { useSectionStyles } from "../paneStyles";
import { useCheckStyles } from "./CheckSection.styles";
import { groupSubmissionIssues } from "./issueGroups";
import { IssueList } from "./IssueList";
import { SkippedRows } from "./SkippedRows";
import type { CheckedReturn } from "./useFilesCheck";

const say = paneText.check;

const badgeColor: Record<FileStatus, BadgeProps["color"]> = {
  ok: "success",
  invalid: "danger",
  unreadable: "danger",
  "not-a-template": "warning",
  ignored: "subtle",
};

/** The checked files: a summary line, then each file with its status and its problems by row. */
export const FileCheckResults = ({ results }: { results: readonly CheckedReturn[] }) => {
  const styles = useSectionStyles();
  const checkStyles = useCheckStyles();
  const mergeStyles = useMergeStyles();
  const headingId = useId();
  const { errors, warnings } = countIssues(results.map((result) => result.checked.report));
  return (
    <section className={mergeClasses(styles.section, mergeStyles.report)} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {say.filesHeading}
      </h2>
      <p className={checkStyles.summary}>{say.filesSummary(results.length, errors, warnings)}</p>
      <ul className={styles.list} aria-labelledby={headingId}>
        {results.map((result, index) => (
          <FileCheckItem key={index} result={result} />
        ))}
      </ul>
      {errors + warnings > 0 && <p className={styles.note}>{say.filesRecheck}</p>}
    </section>
  );
};
FileCheckResults.displayName = "FileCheckResults";

/** One file: name and 通过/有错误/无法读取/不是活动表/已忽略, what it is, then its problems. */
const FileCheckItem = ({ result }: { result: CheckedReturn }) => {
  const styles = useSectionStyles();
  const mergeStyles = useMergeStyles();
  const headingId = useId();
  const { report, submission } = result.checked;
  return (
    <li className={mergeStyles.result} aria-labelledby={headingId}>
      <div className={mergeStyles.resultHead}>
        <h3 id={headingId} className={mergeClasses(styles.subheading, styles.ellipsis, mergeStyles.fileName)} title={result.name}>
          {result.name}
        </h3>
        <Badge className={mergeStyles.badge} appearance="tint" color={badgeColor[report.status]}>
          {say.fileStatus[report.status]}
        </Badge>
      </div>
      {report.kind && <p className={styles.note}>{say.fileLine(paneText.kindLabel[report.kind], report, report.rows)}</p>}
      <SkippedRows rows={report.skippedRows} />
      {report.status === "ignored" ? (
        <p className={styles.note}>{say.fileIgnored}</p>
      ) : submission ? (
        report.issues.length === 0 ? (
          <p className={styles.text}>{say.fileClean(report.rows)}</p>
        ) : (
          <IssueList
            groups={groupSubmissionIssues(submission, report.issues.map((issue) => ({ ...issue, address: null })))}
            label={say.fileIssuesLabel(result.name)}
            headingLevel={4}
          />
        )
      ) : (
        // Unreadable, or no activity table: the reason, in the reader's words.
        report.issues.map((issue, index) => <IssueLine key={index} severity={issue.severity} message={issue.message} />)
      )}
    </li>
  );
};

import { Button, MessageBar, MessageBarActions, MessageBarBody, mergeClasses } from "@fluentui/react-components";
import { useId } from "react";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { useSectionStyles } from "../paneStyles";
import { FileResults, type FileResult } from "./FileResults";
import { useMergeStyles } from "./MergeSection.styles";
import { RosterReport } from "./RosterReport";
import type { MergeReport as MergeReportData } from "./useMergeSection";

const say = paneText.merge;

/** After a merge: the counts, 报送情况 (or how to get it), and each file's result. */
export const MergeReport = ({ report }: { report: MergeReportData }) => {
  const styles = useSectionStyles();
  const mergeStyles = useMergeStyles();
  const { goToTab } = usePane();
  const headingId = useId();
  const { result } = report.outcome;
  const rejected = result.files.filter((file) => file.action === "rejected").length;
  const problems = result.rows.filter((row) => row.problems !== "").length;
  const stats = [
    [say.stats.files, result.files.length],
    [say.stats.written, result.rowsWritten],
    [say.stats.replaced, result.rowsReplaced],
    [say.stats.rejected, rejected],
  ] as const;
  // Entries follow the picked files' order; match by name only if the host returned a different list.
  const sameOrder = result.files.length === report.files.length;
  const results: FileResult[] = result.files.map((file, index) => {
    const picked = sameOrder ? report.files[index] : report.files.find((candidate) => candidate.name === file.file);
    return { report: file, name: picked?.name ?? file.file, size: picked?.size };
  });

  return (
    <section className={mergeClasses(styles.section, mergeStyles.report)} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {say.resultHeading}
      </h2>
      <dl className={mergeStyles.stats}>
        {stats.map(([label, value]) => (
          <div key={label} className={mergeStyles.stat}>
            <dt className={mergeStyles.statLabel}>{label}</dt>
            <dd className={mergeStyles.statValue}>{value}</dd>
          </div>
        ))}
      </dl>
      {report.downloadedAs && <p className={styles.text}>{say.downloadedAs(report.downloadedAs)}</p>}
      <p className={styles.note}>
        {say.rowSummary(result.rowsIn, result.rowsWritten, result.rowsReplaced, result.rowsKept, result.rows.length, problems)}
      </p>
      {result.roster ? (
        <RosterReport roster={result.roster} files={result.files} campaign={report.campaign} />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{say.noRoster}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => goToTab("settings")}>
              {say.goToSettings}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <FileResults results={results} />
    </section>
  );
};
MergeReport.displayName = "MergeReport";

import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, mergeClasses, type BadgeProps } from "@fluentui/react-components";
import { useId } from "react";
import type { MergeAction, MergedFileReport } from "../../core/merge/merge";
import { paneText } from "../../messages/pane";
import { IssueLine } from "../IssueLine";
import { useSectionStyles } from "../paneStyles";
import { useMergeStyles } from "./MergeSection.styles";

const say = paneText.merge;

const badgeColor: Record<MergeAction, BadgeProps["color"]> = {
  added: "success",
  replaced: "brand",
  superseded: "informative",
  rejected: "danger",
  ignored: "subtle",
};

export interface FileResult {
  report: MergedFileReport;
  /** The picked file's name and size, when known. */
  name: string;
  size: number | undefined;
}

/** Each file's result: 新增 / 替换 / 被取代 / 拒收 (with why) / 已忽略, its problems behind a disclosure. */
export const FileResults = ({ results }: { results: readonly FileResult[] }) => {
  const styles = useSectionStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {say.filesHeading}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {results.map((result, index) => (
          <FileResultItem key={index} result={result} />
        ))}
      </ul>
    </section>
  );
};
FileResults.displayName = "FileResults";

const FileResultItem = ({ result }: { result: FileResult }) => {
  const styles = useSectionStyles();
  const mergeStyles = useMergeStyles();
  const { report } = result;
  const errors = report.issues.filter((issue) => issue.severity === "error");
  // A refused file says why in its first error; the rest stay behind the disclosure.
  const reason = report.action === "rejected" ? errors[0]?.message : say.actionWhy[report.action];
  const listed = report.action === "rejected" ? report.issues.filter((issue) => issue !== errors[0]) : report.issues;
  const listedErrors = listed.filter((issue) => issue.severity === "error").length;
  const details = [
    report.action === "ignored" || report.action === "rejected" ? "" : say.fileDetail(report, report.rows),
    result.size === undefined ? "" : say.fileSize(result.size),
  ].filter(Boolean);
  return (
    <li className={mergeStyles.result}>
      <div className={mergeStyles.resultHead}>
        <span className={mergeClasses(styles.ellipsis, mergeStyles.fileName)} title={result.name}>
          {result.name}
        </span>
        <Badge className={mergeStyles.badge} appearance="tint" color={badgeColor[report.action]}>
          {say.action[report.action]}
        </Badge>
      </div>
      {details.length > 0 && <p className={styles.note}>{details.join(" · ")}</p>}
      {reason && <p className={styles.text}>{reason}</p>}
      {listed.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="issues">
            <AccordionHeader size="small" button={{ "aria-label": `${say.showIssues(result.name)}：${say.issueCounts(listedErrors, listed.length - listedErrors)}` }}>
              {say.issueCounts(listedErrors, listed.length - listedErrors)}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={mergeStyles.issueList}>
                {listed.map((issue, index) => (
                  <li key={index}>
                    <IssueLine severity={issue.severity} message={issue.message} />
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </li>
  );
};

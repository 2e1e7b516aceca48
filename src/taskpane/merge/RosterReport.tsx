import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Textarea } from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  CopyRegular,
  ErrorCircle16Filled,
  QuestionCircle16Regular,
  Clock16Regular,
} from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { CampaignSettings } from "../../core/campaign";
import type { MergedFileReport } from "../../core/merge/merge";
import type { RosterEntry, RosterStatus } from "../../core/merge/rosterStatus";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { useSectionStyles } from "../paneStyles";
import { copyText } from "./copyText";
import { useMergeStyles } from "./MergeSection.styles";
import { reminderText, rosterGroups } from "./reminder";

export interface RosterReportProps {
  roster: readonly RosterEntry[];
  files: readonly MergedFileReport[];
  campaign: CampaignSettings;
}

const say = paneText.merge;

const statusIcon: Record<RosterStatus, JSX.Element> = {
  missing: <Clock16Regular aria-hidden />,
  "has-errors": <ErrorCircle16Filled aria-hidden />,
  submitted: <CheckmarkCircle16Filled aria-hidden />,
  "not-on-roster": <QuestionCircle16Regular aria-hidden />,
};

/** 报送情况: the units to chase first, then those to correct, then the rest; and the reminder to send them. */
export const RosterReport = ({ roster, files, campaign }: RosterReportProps) => {
  const styles = useSectionStyles();
  const { showStatus } = usePane();
  const headingId = useId();
  const [manualCopy, setManualCopy] = useState<string>();
  const reminder = reminderText(roster, campaign);

  const copy = async () => {
    if (!reminder) return;
    if (await copyText(reminder)) {
      setManualCopy(undefined);
      showStatus({ intent: "success", text: say.copied });
    } else {
      setManualCopy(reminder);
      showStatus({ intent: "warning", text: say.copyFailed });
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {say.rosterHeading}
      </h3>
      {reminder ? (
        <div className={styles.buttons}>
          <Button icon={<CopyRegular />} onClick={copy}>
            {say.copyReminder}
          </Button>
        </div>
      ) : (
        <p className={styles.text}>{say.nothingToChase}</p>
      )}
      {manualCopy && (
        <Field label={say.reminderLabel}>
          <Textarea readOnly value={manualCopy} rows={6} resize="vertical" />
        </Field>
      )}
      {rosterGroups(roster).map((group) => (
        <RosterGroup key={group.status} status={group.status} entries={group.entries} files={files} />
      ))}
    </section>
  );
};
RosterReport.displayName = "RosterReport";

const RosterGroup = ({ status, entries, files }: { status: RosterStatus; entries: RosterEntry[]; files: readonly MergedFileReport[] }) => {
  const styles = useSectionStyles();
  const mergeStyles = useMergeStyles();
  const headingId = useId();
  return (
    <div className={mergeStyles.group} role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={mergeStyles.groupHeading}>
        {statusIcon[status]}
        {say.rosterGroup(say.rosterStatus[status], entries.length)}
      </h4>
      {status === "missing" ? (
        // Nothing came from these units: nothing to expand.
        <ul className={styles.list} aria-labelledby={headingId}>
          {entries.map((entry) => (
            <li key={entry.unit} className={mergeStyles.missingUnit}>
              {entry.unit}
            </li>
          ))}
        </ul>
      ) : (
        <Accordion multiple collapsible>
          {entries.map((entry) => (
            <AccordionItem key={entry.unit} value={entry.unit}>
              <AccordionHeader>
                <span className={mergeStyles.unitHeader}>{entry.unit}</span>
              </AccordionHeader>
              <AccordionPanel className={mergeStyles.panel}>
                <UnitDetails entry={entry} file={files.find((file) => file.file === entry.file)} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </div>
  );
};

const UnitDetails = ({ entry, file }: { entry: RosterEntry; file: MergedFileReport | undefined }) => {
  const styles = useSectionStyles();
  const errors = file?.issues.filter((issue) => issue.severity === "error").length ?? 0;
  const warnings = (file?.issues.length ?? 0) - errors;
  const lines = [
    entry.file ? say.unitFile(entry.file.replace(/^.*[\\/]/, "")) : "",
    entry.rows > 0 ? say.unitRows(entry.rows, entry.rowsWithErrors) : entry.file ? say.unitRejected(entry.file) : say.unitMissing,
    file ? say.issueCounts(errors, warnings) : "",
  ].filter(Boolean);
  return (
    <>
      {lines.map((line) => (
        <p key={line} className={styles.text}>
          {line}
        </p>
      ))}
    </>
  );
};

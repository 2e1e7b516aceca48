import { Field, Input } from "@fluentui/react-components";
import { Warning16Filled } from "@fluentui/react-icons";
import { useId } from "react";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { useSettingsStyles } from "./SettingsSection.styles";

export interface WeekFieldsProps {
  start: string;
  end: string;
  onStart(value: string): void;
  onEnd(value: string): void;
  errors: { start?: string; end?: string };
  warnings: readonly string[];
  disabled: boolean;
}

const say = paneText.settings;

/** 宣传周: two date inputs (the browser's own, year visible), errors inline, doubts as warnings. */
export const WeekFields = ({ start, end, onStart, onEnd, errors, warnings, disabled }: WeekFieldsProps) => {
  const styles = useSectionStyles();
  const settingsStyles = useSettingsStyles();
  const headingId = useId();
  const warningId = useId();
  const warning = warnings.join(" ");
  const describedBy = warning ? warningId : undefined;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {say.weekHeading}
      </h2>
      <p className={styles.note}>{say.weekHint}</p>
      <div className={settingsStyles.dates}>
        <Field label={say.start} validationState={errors.start ? "error" : "none"} validationMessage={errors.start}>
          <Input
            type="date"
            className={settingsStyles.dateInput}
            value={start}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(_, data) => onStart(data.value)}
          />
        </Field>
        <Field label={say.end} validationState={errors.end ? "error" : "none"} validationMessage={errors.end}>
          <Input
            type="date"
            className={settingsStyles.dateInput}
            value={end}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(_, data) => onEnd(data.value)}
          />
        </Field>
      </div>
      {warning && (
        // A doubt, not an error: the week may still be saved.
        <p id={warningId} className={settingsStyles.warning}>
          <Warning16Filled aria-hidden className={settingsStyles.warningIcon} />
          {warning}
        </p>
      )}
    </section>
  );
};
WeekFields.displayName = "WeekFields";

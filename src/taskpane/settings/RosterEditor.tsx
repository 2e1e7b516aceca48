import { Button, Field, Input, Spinner, mergeClasses } from "@fluentui/react-components";
import { AddRegular, ArrowImportRegular, DeleteRegular } from "@fluentui/react-icons";
import { useId, useRef, useState, type FormEvent } from "react";
import type { Roster } from "../../core/roster";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { useSettingsStyles } from "./SettingsSection.styles";

export interface RosterEditorProps {
  roster: Roster;
  /** Adds a unit; returns why it could not be added. */
  onAdd(name: string, aliases: string): string | undefined;
  onRemove(name: string): void;
  onImport(file: File): void;
  importing: boolean;
  disabled: boolean;
  /** Where the roster is kept: the workbook's 报送情况, or this browser. */
  explain: string;
}

const say = paneText.settings;

/** 应报单位名单: the units with their aliases, add and remove, or import a whole list from a file. */
export const RosterEditor = ({ roster, onAdd, onRemove, onImport, importing, disabled, explain }: RosterEditorProps) => {
  const styles = useSectionStyles();
  const settingsStyles = useSettingsStyles();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [aliases, setAliases] = useState("");
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = onAdd(name, aliases);
    setError(problem);
    if (!problem) {
      setName("");
      setAliases("");
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {say.rosterHeading}
      </h2>
      <p className={styles.note}>{explain}</p>
      {roster.length === 0 ? (
        <p className={styles.text}>{say.rosterEmpty}</p>
      ) : (
        <>
          <p className={styles.note}>{say.rosterCount(roster.length)}</p>
          <ul className={mergeClasses(styles.list, settingsStyles.rosterList)} aria-label={say.rosterListLabel}>
            {roster.map((unit) => (
              <li key={unit.name} className={settingsStyles.unit}>
                <span className={settingsStyles.unitText}>
                  {unit.name}
                  {unit.aliases.length > 0 && <span className={mergeClasses(styles.note, settingsStyles.aliases)}>{say.aliasLine(unit.aliases)}</span>}
                </span>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<DeleteRegular />}
                  aria-label={say.remove(unit.name)}
                  title={say.remove(unit.name)}
                  disabled={disabled}
                  onClick={() => onRemove(unit.name)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <form className={settingsStyles.addForm} onSubmit={submit}>
        <Field label={say.unitName} validationState={error ? "error" : "none"} validationMessage={error}>
          <Input value={name} placeholder={say.unitNamePlaceholder} disabled={disabled} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={say.aliases}>
          <Input value={aliases} placeholder={say.aliasesPlaceholder} disabled={disabled} onChange={(_, data) => setAliases(data.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" icon={<AddRegular />} disabled={disabled}>
            {say.add}
          </Button>
        </div>
      </form>
      <div className={styles.buttons}>
        <Button icon={<ArrowImportRegular />} disabled={disabled} onClick={() => input.current?.click()}>
          {say.import}
        </Button>
        {importing && <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={say.importing} />}
      </div>
      <p className={styles.note}>{say.importHint}</p>
      <input
        ref={input}
        type="file"
        accept=".txt,.csv,.xlsx,.xls,.et,.ods"
        aria-label={say.importInputLabel}
        className={styles.hiddenInput}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) onImport(file);
        }}
      />
    </section>
  );
};
RosterEditor.displayName = "RosterEditor";

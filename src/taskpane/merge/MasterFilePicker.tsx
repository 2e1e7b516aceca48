import { Button, mergeClasses } from "@fluentui/react-components";
import { DismissRegular, TableSearchRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { PickedFile } from "../../files/readReturns";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { useMergeStyles } from "./MergeSection.styles";

export interface MasterFilePickerProps {
  master: PickedFile | undefined;
  onPick(file: PickedFile | undefined): void;
  disabled: boolean;
}

const say = paneText.merge;

/** On files: the master to update, one .xlsx, optional (without it the merge makes a new one). */
export const MasterFilePicker = ({ master, onPick, disabled }: MasterFilePickerProps) => {
  const styles = useSectionStyles();
  const mergeStyles = useMergeStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={mergeClasses(styles.section, mergeStyles.master)}>
      <div className={styles.buttons}>
        <Button icon={<TableSearchRegular />} disabled={disabled} onClick={() => input.current?.click()}>
          {say.pickMaster}
        </Button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".xlsx"
        aria-label={say.masterInputLabel}
        className={styles.hiddenInput}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          event.target.value = "";
        }}
      />
      {master ? (
        <div className={mergeStyles.fileItem}>
          <span className={mergeClasses(styles.ellipsis, mergeStyles.fileName)} title={master.name}>
            {say.masterPicked(master.name)}
          </span>
          <Button
            appearance="subtle"
            size="small"
            icon={<DismissRegular />}
            aria-label={say.removeMaster(master.name)}
            title={say.removeMaster(master.name)}
            disabled={disabled}
            onClick={() => onPick(undefined)}
          />
        </div>
      ) : (
        <p className={styles.note}>{say.masterNone}</p>
      )}
    </div>
  );
};
MasterFilePicker.displayName = "MasterFilePicker";

import { Button, mergeClasses } from "@fluentui/react-components";
import { DismissRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useId, useRef, useState, type DragEvent } from "react";
import type { PickedFile } from "../../files/readReturns";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { useMergeStyles } from "./MergeSection.styles";

export interface PickedFilesProps {
  files: readonly PickedFile[];
  onAdd(files: PickedFile[]): void;
  onRemove(index: number): void;
  onClear(): void;
  disabled: boolean;
  /** The file input's name; 报回文件 by default (校验 and 汇总 each have one, both in the page). */
  inputLabel?: string;
}

/** The formats the reader knows; the same list `huizong merge` takes. */
const ACCEPT = ".xlsx,.xlsm,.xls,.et,.ods,.csv";
const say = paneText.merge;

/**
 * Picking returned files: a button opening the system's file dialog (Microsoft's documented way in a task pane),
 * and a drop zone as an extra, since dragging into the pane is unreliable in some Excel WebViews.
 */
export const PickedFiles = ({ files, onAdd, onRemove, onClear, disabled, inputLabel = say.fileInputLabel }: PickedFilesProps) => {
  const styles = useSectionStyles();
  const mergeStyles = useMergeStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const headingId = useId();

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) onAdd(Array.from(event.dataTransfer.files));
  };

  return (
    <>
      <div
        className={mergeClasses(mergeStyles.dropZone, dragging && mergeStyles.dropZoneActive)}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(!disabled);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Button icon={<FolderOpenRegular />} disabled={disabled} onClick={() => input.current?.click()}>
          {say.pick}
        </Button>
        <span className={styles.note}>{say.drop}</span>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          aria-label={inputLabel}
          className={styles.hiddenInput}
          tabIndex={-1}
          onChange={(event) => {
            onAdd(Array.from(event.target.files ?? []));
            event.target.value = ""; // the same file can be picked again after removing it
          }}
        />
      </div>
      {files.length === 0 ? (
        <p className={styles.note}>{say.noFiles}</p>
      ) : (
        <div>
          <div className={mergeStyles.headingRow}>
            <h2 id={headingId} className={styles.subheading}>
              {say.picked(files.length)}
            </h2>
            <Button appearance="subtle" size="small" disabled={disabled} onClick={onClear}>
              {say.clearPicked}
            </Button>
          </div>
          <ul className={styles.list} aria-labelledby={headingId}>
            {files.map((file, index) => (
              <li key={`${file.name}|${file.size}|${file.lastModified}`} className={mergeStyles.fileItem}>
                <span className={mergeClasses(styles.ellipsis, mergeStyles.fileName)} title={file.name}>
                  {file.name}
                </span>
                <span className={mergeStyles.fileSize}>{say.fileSize(file.size)}</span>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<DismissRegular />}
                  aria-label={say.remove(file.name)}
                  title={say.remove(file.name)}
                  disabled={disabled}
                  onClick={() => onRemove(index)}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
};
PickedFiles.displayName = "PickedFiles";

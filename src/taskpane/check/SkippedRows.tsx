import type { SkippedRow } from "../../core/locateTable";
import { skippedRowText } from "../../messages/zhCN";
import { useSectionStyles } from "../paneStyles";

/** Rows of the table that are not activities (section headings, examples…): listed, so nothing goes unseen. */
export const SkippedRows = ({ rows }: { rows: readonly SkippedRow[] }) => {
  const styles = useSectionStyles();
  if (rows.length === 0) return null;
  return (
    <ul className={styles.note}>
      {rows.map((row) => (
        <li key={row.row}>{skippedRowText(row)}</li>
      ))}
    </ul>
  );
};
SkippedRows.displayName = "SkippedRows";

import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Severity } from "../core/issues";
import { paneText } from "../messages/pane";

const useStyles = makeStyles({
  line: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  label: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    flexShrink: 0,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  message: {
    minWidth: 0,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
});

/** One problem: an icon and the word 错误 or 提醒 (so it is not told by colour alone), then the sentence. */
export const IssueLine = ({ severity, message }: { severity: Severity; message: string }) => {
  const styles = useStyles();
  const Icon = severity === "error" ? ErrorCircle16Filled : Warning16Filled;
  return (
    <span className={styles.line}>
      <span className={mergeClasses(styles.label, styles[severity])}>
        <Icon aria-hidden />
        {paneText.severityLabel[severity]}
      </span>
      <span className={styles.message}>{message}</span>
    </span>
  );
};
IssueLine.displayName = "IssueLine";

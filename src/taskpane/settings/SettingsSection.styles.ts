import { makeStyles, tokens } from "@fluentui/react-components";

export const useSettingsStyles = makeStyles({
  // Side by side when the pane is wide enough for two date inputs, one under the other at 320 px.
  dates: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(170px, 1fr))",
    alignItems: "start",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  dateInput: {
    width: "100%",
    minWidth: 0,
  },
  warning: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  warningIcon: {
    flexShrink: 0,
    marginTop: "1px",
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  unit: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":last-child": { borderBottom: "none" },
  },
  unitText: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: "anywhere",
    paddingTop: tokens.spacingVerticalXXS,
  },
  aliases: {
    display: "block",
  },
  // A long roster scrolls inside its own frame, so the add form and 保存 stay near.
  rosterList: {
    maxHeight: "360px",
    overflowY: "auto",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  addForm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  saveRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  divider: {
    margin: 0,
    border: "none",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

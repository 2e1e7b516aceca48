import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "450px",
    minHeight: "100vh",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  week: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
  },
  tabs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalMNudge})`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    flexGrow: 1,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalL,
    minWidth: 0,
  },
  // The status stays in view at the bottom of the pane while a long report scrolls under it.
  status: {
    position: "sticky",
    bottom: 0,
    paddingBottom: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    ":empty": { paddingBottom: 0 },
  },
});

import { Button, Spinner } from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { useSectionStyles } from "../paneStyles";
import { About } from "./About";
import { RosterEditor } from "./RosterEditor";
import { useSettingsStyles } from "./SettingsSection.styles";
import { useSettingsSection } from "./useSettingsSection";
import { WeekFields } from "./WeekFields";

const say = paneText.settings;

/** 设置: the week and the roster this workbook (or, on files, this browser) keeps, saved together; and 关于. */
export const SettingsSection = () => {
  const styles = useSectionStyles();
  const { host } = usePane();
  const settingsStyles = useSettingsStyles();
  const section = useSettingsSection();
  const busy = section.busy !== undefined;
  return (
    <div className={styles.section} aria-busy={busy}>
      <WeekFields
        start={section.start}
        end={section.end}
        onStart={section.setStart}
        onEnd={section.setEnd}
        errors={section.weekErrors}
        warnings={section.warnings}
        disabled={busy}
      />
      <RosterEditor
        roster={section.roster}
        onAdd={section.add}
        onRemove={section.remove}
        onImport={section.importRoster}
        importing={section.busy === "import"}
        disabled={busy}
        explain={host.kind === "files" ? say.filesRosterExplain : say.rosterExplain}
      />
      <div className={settingsStyles.saveRow}>
        <Button appearance="primary" icon={<SaveRegular />} disabled={busy || !section.valid} onClick={section.save}>
          {say.save}
        </Button>
        {section.busy === "save" ? (
          <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={say.saving} />
        ) : (
          section.dirty && <span className={styles.note}>{section.valid ? say.unsaved : say.fixWeekFirst}</span>
        )}
      </div>
      <hr className={settingsStyles.divider} />
      <About />
    </div>
  );
};
SettingsSection.displayName = "SettingsSection";

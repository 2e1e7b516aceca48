import { Button, Spinner } from "@fluentui/react-components";
import { AddSquareRegular, ArrowDownloadRegular, DocumentAddRegular, FolderZipRegular } from "@fluentui/react-icons";
import type { FilesHost } from "../../host/filesHost";
import type { WorkbookHost } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import type { TemplateAction, TemplateSectionState } from "./useTemplateSection";

const say = paneText.template;

const busyLabel: Record<TemplateAction, string> = {
  insert: say.inserting,
  open: say.opening,
  download: say.downloading,
  zip: say.zipping,
};

const Busy = ({ action }: { action: TemplateAction | undefined }) => {
  const styles = useSectionStyles();
  return action ? <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={busyLabel[action]} /> : null;
};

/** Inside Excel: [插入到当前工作簿] and [新建模板工作簿]. */
export const TemplateActions = ({ host, section }: { host: WorkbookHost; section: TemplateSectionState }) => {
  const styles = useSectionStyles();
  const busy = section.busy !== undefined;
  const insert = () =>
    section.run("insert", async () => {
      const { sheetName } = await host.insertTemplate(section.request());
      return say.inserted(section.attachment, sheetName);
    });
  const open = () =>
    section.run("open", async () => {
      await host.openTemplateWorkbook(section.request());
      return say.opened(section.attachment);
    });
  return (
    <>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<AddSquareRegular />} disabledFocusable={busy} onClick={insert}>
          {say.insert}
        </Button>
        <Button icon={<DocumentAddRegular />} disabledFocusable={busy} onClick={open}>
          {say.open}
        </Button>
      </div>
      <Busy action={section.busy} />
    </>
  );
};
TemplateActions.displayName = "TemplateActions";

/** In a browser: [下载模板], and with a roster [为名单中每个单位生成模板 (.zip)]. */
export const FileTemplateActions = ({ host, section }: { host: FilesHost; section: TemplateSectionState }) => {
  const styles = useSectionStyles();
  const busy = section.busy !== undefined;
  const download = () =>
    section.run("download", async () => {
      const { fileName } = await host.downloadTemplate(section.request());
      return say.downloaded(fileName);
    });
  const zip = () =>
    section.run("zip", async () => {
      const { unit: _unit, ...request } = section.request();
      const { fileName, count } = await host.downloadRosterTemplates(request, section.rosterUnits);
      return say.zipped(fileName, count);
    });
  return (
    <>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<ArrowDownloadRegular />} disabledFocusable={busy} onClick={download}>
          {say.download}
        </Button>
        {section.rosterUnits.length > 0 && (
          <Button icon={<FolderZipRegular />} disabledFocusable={busy} onClick={zip}>
            {say.rosterZip}
          </Button>
        )}
      </div>
      <Busy action={section.busy} />
    </>
  );
};
FileTemplateActions.displayName = "FileTemplateActions";

import { Button, Field, Radio, RadioGroup, Spinner } from "@fluentui/react-components";
import { AddSquareRegular, DocumentAddRegular } from "@fluentui/react-icons";
import { templateKindSchema } from "../../core/templates/templateSchema";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";
import { UnitField } from "./UnitField";
import { useTemplateSection } from "./useTemplateSection";

const say = paneText.template;

/** 模板: insert 附件1/附件2 into this workbook, or open it as a new workbook ready to send. */
export const TemplateSection = () => {
  const styles = useSectionStyles();
  const section = useTemplateSection();
  const busy = section.busy !== undefined;
  return (
    <section className={styles.section}>
      <Field label={say.kindLabel}>
        <RadioGroup value={section.kind} disabled={busy} onChange={(_, data) => section.setKind(templateKindSchema.parse(data.value))}>
          {templateKindSchema.options.map((kind) => (
            <Radio key={kind} value={kind} label={paneText.kindLabel[kind]} />
          ))}
        </RadioGroup>
      </Field>
      <UnitField value={section.unit} onChange={section.setUnit} units={section.rosterUnits} disabled={busy} />
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<AddSquareRegular />} disabled={busy} onClick={section.insert}>
          {say.insert}
        </Button>
        <Button icon={<DocumentAddRegular />} disabled={busy} onClick={section.open}>
          {say.open}
        </Button>
      </div>
      {busy && <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={section.busy === "insert" ? say.inserting : say.opening} />}
      <p className={styles.note}>{say.weekNote(paneText.weekWithYear(section.campaign.start, section.campaign.end))}</p>
    </section>
  );
};
TemplateSection.displayName = "TemplateSection";

import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { templateKindSchema } from "../../core/templates/templateSchema";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { useSectionStyles } from "../paneStyles";
import { FileTemplateActions, TemplateActions } from "./TemplateActions";
import { UnitField } from "./UnitField";
import { useTemplateSection } from "./useTemplateSection";

const say = paneText.template;

/** 模板: 附件1/附件2 for a unit, inserted into this workbook or opened as a new one (Excel), or downloaded (browser). */
export const TemplateSection = () => {
  const styles = useSectionStyles();
  const { host } = usePane();
  const section = useTemplateSection();
  const busy = section.busy !== undefined;
  return (
    <section className={styles.section} aria-busy={busy}>
      <Field label={say.kindLabel}>
        <RadioGroup value={section.kind} disabled={busy} onChange={(_, data) => section.setKind(templateKindSchema.parse(data.value))}>
          {templateKindSchema.options.map((kind) => (
            <Radio key={kind} value={kind} label={paneText.kindLabel[kind]} />
          ))}
        </RadioGroup>
      </Field>
      <UnitField value={section.unit} onChange={section.setUnit} units={section.rosterUnits} disabled={busy} />
      {host.kind === "excel" ? <TemplateActions host={host} section={section} /> : <FileTemplateActions host={host} section={section} />}
      <p className={styles.note}>{say.weekNote(paneText.weekWithYear(section.campaign.start, section.campaign.end))}</p>
    </section>
  );
};
TemplateSection.displayName = "TemplateSection";

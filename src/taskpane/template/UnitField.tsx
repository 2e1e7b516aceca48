import { Combobox, Field, Input, Option } from "@fluentui/react-components";
import { paneText } from "../../messages/pane";

export interface UnitFieldProps {
  value: string;
  onChange(value: string): void;
  /** The roster's units; without a roster the field is a plain input. */
  units: readonly string[];
  disabled: boolean;
}

const say = paneText.template;

/** 单位名称 for the template: free text, with the roster's units offered when there is a roster. */
export const UnitField = ({ value, onChange, units, disabled }: UnitFieldProps) => {
  const typed = value.trim();
  // Offer every unit until the text narrows them; an exact pick shows the whole list again.
  const offered = typed === "" || units.includes(typed) ? units : units.filter((unit) => unit.includes(typed));
  return (
    <Field label={say.unitLabel} hint={units.length > 0 ? `${say.unitHint}${say.rosterHint}` : say.unitHint}>
      {units.length > 0 ? (
        <Combobox
          freeform
          value={value}
          placeholder={say.unitPlaceholder}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          onOptionSelect={(_, data) => onChange(data.optionText ?? "")}
        >
          {offered.map((unit) => (
            <Option key={unit} value={unit}>
              {unit}
            </Option>
          ))}
        </Combobox>
      ) : (
        <Input value={value} placeholder={say.unitPlaceholder} disabled={disabled} onChange={(_, data) => onChange(data.value)} />
      )}
    </Field>
  );
};
UnitField.displayName = "UnitField";

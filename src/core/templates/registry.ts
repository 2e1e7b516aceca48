import { cityTemplate } from "./city";
import { districtTemplate } from "./district";
import type { Template, TemplateKind } from "./templateSchema";

export const templates: Readonly<Record<TemplateKind, Template>> = {
  city: cityTemplate,
  district: districtTemplate,
};

export const allTemplates: readonly Template[] = [cityTemplate, districtTemplate];

/**
 * xl/theme/theme1.xml. The palette's fonts use the theme's minor font, and the built-in table styles paint with
 * the theme's accent colours, so the workbook carries a theme: the colours and fonts of the Office 2007 theme, the
 * one the ExcelJS writer carried, so tables look as they did. The format scheme is the smallest the schema allows
 * (three entries per list), since nothing in a Huizong workbook draws shapes.
 */
import { escapeAttribute, NS, XML_DECLARATION } from "./xml";

const COLORS: ReadonlyArray<[string, string]> = [
  ["dk2", "1F497D"],
  ["lt2", "EEECE1"],
  ["accent1", "4F81BD"],
  ["accent2", "C0504D"],
  ["accent3", "9BBB59"],
  ["accent4", "8064A2"],
  ["accent5", "4BACC6"],
  ["accent6", "F79646"],
  ["hlink", "0000FF"],
  ["folHlink", "800080"],
];

/**
 * The East Asian faces by script: with these, Excel shows Chinese in 宋体 (and Japanese, Korean and traditional
 * Chinese in their usual faces) wherever a cell uses the theme font, as it did before.
 */
const SCRIPT_FONTS: ReadonlyArray<[string, string]> = [
  ["Jpan", "ＭＳ Ｐゴシック"],
  ["Hang", "맑은 고딕"],
  ["Hans", "宋体"],
  ["Hant", "新細明體"],
];

function fontXml(element: "majorFont" | "minorFont", latin: string): string {
  const scripts = SCRIPT_FONTS.map(([script, face]) => `<a:font script="${script}" typeface="${escapeAttribute(face)}"/>`).join("");
  return `<a:${element}><a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/>${scripts}</a:${element}>`;
}

const SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const LINE = (width: number) => `<a:ln w="${width}">${SOLID}</a:ln>`;
const NO_EFFECT = "<a:effectStyle><a:effectLst/></a:effectStyle>";

export function themePart(): string {
  const colors = COLORS.map(([name, rgb]) => `<a:${name}><a:srgbClr val="${rgb}"/></a:${name}>`).join("");
  return (
    `${XML_DECLARATION}<a:theme xmlns:a="${NS.drawing}" name="Office Theme"><a:themeElements>` +
    `<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>${colors}</a:clrScheme>` +
    `<a:fontScheme name="Office">${fontXml("majorFont", "Cambria")}${fontXml("minorFont", "Calibri")}</a:fontScheme>` +
    `<a:fmtScheme name="Office"><a:fillStyleLst>${SOLID.repeat(3)}</a:fillStyleLst>` +
    `<a:lnStyleLst>${LINE(9525)}${LINE(25400)}${LINE(38100)}</a:lnStyleLst>` +
    `<a:effectStyleLst>${NO_EFFECT.repeat(3)}</a:effectStyleLst><a:bgFillStyleLst>${SOLID.repeat(3)}</a:bgFillStyleLst></a:fmtScheme>` +
    "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
  );
}

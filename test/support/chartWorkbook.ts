/**
 * A hand-made .xlsx with what a writer that round-trips through a workbook model loses: a chart, pictures, a
 * calculation chain, notes, an external hyperlink. Its 活动汇总 sheet is an old master (a table, a note, a picture,
 * a link) for a merge to replace; 数据 (a chart and a picture of the same image) and 说明 (a table of its own, a
 * formula) must come through untouched. Written part by part, so every byte is known.
 */
import { strToU8, zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A 1×1 red PNG. */
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

function rels(...items: Array<[id: string, type: string, target: string, external?: boolean]>): string {
  const list = items.map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`);
  return `${DECL}<Relationships xmlns="${PKG_REL}">${list.join("")}</Relationships>`;
}

function inline(ref: string, text: string, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t>${text}</t></is></c>`;
}

function sheet(body: string, after = ""): string {
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${body}</sheetData>${after}</worksheet>`;
}

function picture(id: number, rel: string, col: number, row: number): string {
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="图片 ${id}"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`
  );
}

const CHART_XML =
  `${DECL}<c:chartSpace xmlns:c="${CHART}" xmlns:a="${DRAWING}" xmlns:r="${REL}"><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
  `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
  `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>'数据'!$B$1</c:f></c:strRef></c:tx>` +
  `<c:cat><c:strRef><c:f>'数据'!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'数据'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser>` +
  `<c:axId val="11"/><c:axId val="12"/></c:barChart>` +
  `<c:catAx><c:axId val="11"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="12"/></c:catAx>` +
  `<c:valAx><c:axId val="12"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="11"/></c:valAx>` +
  `</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const CHART_DRAWING =
  `${DECL}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DRAWING}" xmlns:r="${REL}">` +
  `<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
  `<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
  `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${CHART}"><c:chart xmlns:c="${CHART}" r:id="rId1"/></a:graphicData></a:graphic>` +
  `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>${picture(3, "rId2", 0, 6)}</xdr:wsDr>`;

const NOTE_VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1">' +
  '<v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>';

/** The parts of the workbook by entry name, in the order they are zipped. */
export function chartWorkbookParts(): Record<string, Uint8Array> {
  const text: Record<string, string> = {
    "[Content_Types].xml":
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      [
        ["/xl/workbook.xml", "spreadsheetml.sheet.main+xml"],
        ["/xl/worksheets/sheet1.xml", "spreadsheetml.worksheet+xml"],
        ["/xl/worksheets/sheet2.xml", "spreadsheetml.worksheet+xml"],
        ["/xl/worksheets/sheet3.xml", "spreadsheetml.worksheet+xml"],
        ["/xl/styles.xml", "spreadsheetml.styles+xml"],
        ["/xl/calcChain.xml", "spreadsheetml.calcChain+xml"],
        ["/xl/tables/table1.xml", "spreadsheetml.table+xml"],
        ["/xl/tables/table2.xml", "spreadsheetml.table+xml"],
        ["/xl/comments1.xml", "spreadsheetml.comments+xml"],
        ["/xl/drawings/drawing1.xml", "drawing+xml"],
        ["/xl/drawings/drawing2.xml", "drawing+xml"],
        ["/xl/charts/chart1.xml", "drawingml.chart+xml"],
      ]
        .map(([part, type]) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`)
        .join("") +
      "</Types>",
    "_rels/.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="1"/></bookViews><sheets>` +
      '<sheet name="说明" sheetId="4" r:id="rId1"/><sheet name="活动汇总" sheetId="7" r:id="rId2"/><sheet name="数据" sheetId="5" r:id="rId3"/></sheets>' +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'活动汇总'!$A$1:$B$3</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'活动汇总'!$A$1:$B$3</definedName>` +
      `<definedName name="合计">'数据'!$B$5</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">'数据'!$A$1:$B$5</definedName></definedNames>` +
      '<calcPr calcId="191029"/></workbook>',
    "xl/_rels/workbook.xml.rels": rels(["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "worksheet", "worksheets/sheet2.xml"], ["rId3", "worksheet", "worksheets/sheet3.xml"], ["rId4", "styles", "styles.xml"], ["rId5", "calcChain", "calcChain.xml"]),
    "xl/styles.xml":
      `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="12"/><name val="宋体"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>',
    // 说明: a clerk's notes with a table of its own and a formula.
    "xl/worksheets/sheet1.xml": sheet(
      `<row r="1">${inline("A1", "事项", 1)}${inline("B1", "说明", 1)}</row><row r="2">${inline("A2", "截止")}${inline("B2", "4月15日")}</row><row r="3">${inline("A3", "条数")}<c r="B3"><f>COUNTA('活动汇总'!A:A)</f><v>3</v></c></row>`,
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
    ),
    "xl/worksheets/_rels/sheet1.xml.rels": rels(["rId1", "table", "../tables/table2.xml"]),
    "xl/tables/table2.xml": `${DECL}<table xmlns="${MAIN}" id="4" name="Notes" displayName="Notes" ref="A1:B3" headerRowCount="1" totalsRowShown="0"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="事项"/><tableColumn id="2" name="说明"/></tableColumns><tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    // 活动汇总: an old master with a table, a note, a picture and a link, all to go.
    "xl/worksheets/sheet2.xml": sheet(
      `<row r="1">${inline("A1", "报送单位", 1)}${inline("B1", "重点活动名称", 1)}</row><row r="2">${inline("A2", "旧单位")}${inline("B2", "旧活动")}</row><row r="3">${inline("A3", "旧单位")}${inline("B3", "旧活动二")}</row>`,
      '<hyperlinks><hyperlink ref="B2" r:id="rId4"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId3"/><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
    ),
    "xl/worksheets/_rels/sheet2.xml.rels": rels(
      ["rId1", "table", "../tables/table1.xml"],
      ["rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml"],
      ["rId3", "drawing", "../drawings/drawing2.xml"],
      ["rId4", "hyperlink", "https://example.com/old", true],
      ["rId5", "comments", "../comments1.xml"],
    ),
    "xl/tables/table1.xml": `${DECL}<table xmlns="${MAIN}" id="9" name="ActivitySchedule" displayName="ActivitySchedule" ref="A1:B3" headerRowCount="1" totalsRowShown="0"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="报送单位"/><tableColumn id="2" name="重点活动名称"/></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    "xl/comments1.xml": `${DECL}<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList><comment ref="A2" authorId="0"><text><t>旧批注</t></text></comment></commentList></comments>`,
    "xl/drawings/vmlDrawing1.vml": NOTE_VML,
    "xl/drawings/drawing2.xml": `${DECL}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DRAWING}" xmlns:r="${REL}">${picture(2, "rId1", 3, 1)}</xdr:wsDr>`,
    "xl/drawings/_rels/drawing2.xml.rels": rels(["rId1", "image", "../media/image1.png"]),
    // 数据: numbers, a formula, a chart of them and the same picture.
    "xl/worksheets/sheet3.xml": sheet(
      `<row r="1">${inline("A1", "月份")}${inline("B1", "场次")}</row><row r="2">${inline("A2", "一月")}<c r="B2"><v>3</v></c></row><row r="3">${inline("A3", "二月")}<c r="B3"><v>5</v></c></row>` +
        `<row r="4">${inline("A4", "三月")}<c r="B4"><v>8</v></c></row><row r="5">${inline("A5", "合计")}<c r="B5"><f>SUM(B2:B4)</f><v>16</v></c></row>`,
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/>',
    ),
    "xl/worksheets/_rels/sheet3.xml.rels": rels(["rId1", "drawing", "../drawings/drawing1.xml"]),
    "xl/drawings/drawing1.xml": CHART_DRAWING,
    "xl/drawings/_rels/drawing1.xml.rels": rels(["rId1", "chart", "../charts/chart1.xml"], ["rId2", "image", "../media/image1.png"]),
    "xl/charts/chart1.xml": CHART_XML,
    "xl/calcChain.xml": `${DECL}<calcChain xmlns="${MAIN}"><c r="B3" i="4" l="1"/><c r="B5" i="5"/></calcChain>`,
  };
  const parts: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(text)) parts[name] = strToU8(xml);
  parts["xl/media/image1.png"] = PNG;
  return parts;
}

export function chartWorkbook(): Uint8Array {
  return zipSync(chartWorkbookParts(), { level: 6 });
}

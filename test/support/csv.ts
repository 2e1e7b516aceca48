/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks), as LibreOffice writes it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * A CSV with a header row as records by header, blank rows dropped (a UTF-8 byte-order mark is ignored). Lines
 * above the header (a title, counts) are skipped when the header's first cell is given.
 */
export function csvRecords(text: string, headerFirstCell?: string): Array<Record<string, string>> {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  const start = headerFirstCell === undefined ? 0 : Math.max(0, rows.findIndex((cells) => cells[0] === headerFirstCell));
  const [header = [], ...body] = rows.slice(start);
  return body.filter((cells) => cells.some((cell) => cell !== "")).map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

// CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, fields with a comma, quote
// or line break quoted and their quotes doubled.
//
// why the formula guard: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
// return, which some programs skip before looking) as a formula. Bids are typed by the public,
// so such text cells get a leading apostrophe and are shown as typed, never run.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(value);
  }
  let text = typeof value === "boolean" ? (value ? "yes" : "no") : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole file: a header row, then one row per record, each line ending CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => `${csvRow(r)}\r\n`).join("");
}

/** Pence as pounds with two decimals ("1200.50"), a number a spreadsheet can add up. */
export function poundsCell(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return "";
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

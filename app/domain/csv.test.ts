import { csvCell, csvRow, poundsCell, toCsv } from "~/domain/csv";

/** A small RFC 4180 reader, to prove what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Thornbury Scouts")).toBe("Thornbury Scouts");
    expect(csvCell(1200)).toBe("1200");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks and doubles the quotes", () => {
    expect(csvCell("Tea, cake")).toBe('"Tea, cake"');
    expect(csvCell('The "Friday" club')).toBe('"The ""Friday"" club"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("line one\r\nline two")).toBe('"line one\r\nline two"');
  });

  it.each(["=1+1", "+44 1454 000000", "-5", "@SUM(A1:A2)", "\t=cmd", "\r=cmd", '=HYPERLINK("http://evil")'])(
    "stops %p from running as a formula",
    (text) => {
      const [[cell]] = parseCsv(`${csvCell(text)}\r\n`);
      expect(cell).toBe(`'${text}`);
    },
  );

  it("does not touch numbers, even negative ones", () => {
    expect(csvCell(-5)).toBe("-5");
  });
});

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends that read back exactly", () => {
    const text = toCsv(["Reference", "Group", "Amount"], [
      ["PD-2026-0001", "Friends of the Park, Thornbury", "1200.00"],
      ["PD-2026-0002", 'Said "hello"\nthen left', ""],
    ]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe("Reference,Group,Amount");
    expect(parseCsv(text)).toEqual([
      ["Reference", "Group", "Amount"],
      ["PD-2026-0001", "Friends of the Park, Thornbury", "1200.00"],
      ["PD-2026-0002", 'Said "hello"\nthen left', ""],
    ]);
  });

  it("writes one row as cells joined by commas", () => {
    expect(csvRow(["a", 1, true, null])).toBe("a,1,yes,");
  });
});

describe("poundsCell", () => {
  it("writes pence as pounds with two decimals and no float rounding", () => {
    expect(poundsCell(120_050)).toBe("1200.50");
    expect(poundsCell(29)).toBe("0.29");
    expect(poundsCell(500_000)).toBe("5000.00");
    expect(poundsCell(null)).toBe("");
  });
});

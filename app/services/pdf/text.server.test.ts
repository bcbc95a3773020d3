import { PDFDocument, StandardFonts } from "pdf-lib";
import { embedPdfFonts } from "~/services/pdf/fonts.server";
import { drawable, wrap } from "~/services/pdf/text.server";

// Text in our PDFs: what a group typed always draws (accents kept where the font has them,
// dropped where that helps, "?" otherwise) and always fits the line.

async function helvetica() {
  const doc = await PDFDocument.create();
  return doc.embedFont(StandardFonts.Helvetica);
}

test("characters the font has are kept; others lose their accent or become ?", async () => {
  const font = await helvetica();
  expect(drawable(font, "Café £5 – Ŵyl")).toBe("Café £5 – Wyl");
  expect(drawable(font, "Tŷ Hywel 你")).toBe("Ty Hywel ?");
  expect(drawable(font, "one\r\ntwo\tthree")).toBe("one\ntwo    three");
});

test("lines fit the width, break at spaces, keep paragraphs, and split a word longer than a line", async () => {
  const font = await helvetica();
  const width = font.widthOfTextAtSize("a polytunnel for", 11);
  const lines = wrap("a polytunnel for the community plot\nSupercalifragilisticexpialidocious", font, 11, width);
  for (const line of lines) expect(font.widthOfTextAtSize(line, 11)).toBeLessThanOrEqual(width);
  expect(lines.slice(0, 3)).toEqual(["a polytunnel for", "the community", "plot"]);
  const pieces = lines.slice(3);
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.join("")).toBe("Supercalifragilisticexpialidocious");
});

test("in our own font, an accent typed on its own joins its letter, and every wrapped line fits", async () => {
  const doc = await PDFDocument.create();
  const { regular } = await embedPdfFonts(doc);
  expect(drawable(regular, "Gw\u0302yl y Ty\u0302")).toBe("Gŵyl y Tŷ");
  const text = drawable(regular, "Bydd Gŵyl y Tŷ Gwyrdd yn dod â phobl ynghyd bob mis i drwsio pethau, rhannu sgiliau a lleihau gwastraff.\n".repeat(3));
  const width = regular.widthOfTextAtSize("Bydd Gŵyl y Tŷ Gwyrdd yn dod", 10);
  const lines = wrap(text, regular, 10, width);
  expect(lines.length).toBeGreaterThan(9);
  for (const line of lines) expect(regular.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(width + 1e-9);
  expect(lines.join(" ").replace(/ +/g, " ").trim()).toBe(text.replace(/\s+/g, " ").trim());
});

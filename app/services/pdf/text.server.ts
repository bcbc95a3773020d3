import { rgb, type PDFFont } from "pdf-lib";

// What every PDF we draw shares: the page size, the ink, and text that fits the font and the
// line. Our PDFs embed Noto Sans (fonts.server.ts), which covers Welsh and most European text;
// a character it lacks that someone typed is spelled without its accent or shown as "?" rather
// than failing the download.

export const A4 = { width: 595.28, height: 841.89 };
export const INK = rgb(0.043, 0.047, 0.047);
export const MUTED = rgb(0.31, 0.35, 0.37);

/**
 * Lets the server answer others (phones, /healthz) between parts of a long PDF: drawing text is
 * synchronous, and a decision report of a big evening takes a few hundred milliseconds of it.
 */
export function letOthersRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

function knownCharacters(font: PDFFont) {
  let known = characterSets.get(font);
  if (!known) characterSets.set(font, (known = new Set(font.getCharacterSet())));
  return known;
}

/** Text the font can draw: accents dropped where that helps, anything else "?". */
export function drawable(font: PDFFont, text: string): string {
  const known = knownCharacters(font);
  let out = "";
  // why NFC: an accent typed as a separate mark (w + ◌̂) becomes the one letter (ŵ) the font
  // draws; our fonts are drawn without mark positioning (fonts.server.ts).
  for (const char of text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, "    ")) {
    if (char === "\n" || known.has(char.codePointAt(0)!)) {
      out += char;
      continue;
    }
    const plain = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += plain && [...plain].every((c) => known.has(c.codePointAt(0)!)) ? plain : "?";
  }
  return out;
}

const widthsAtOne = new WeakMap<PDFFont, Map<string, number>>();

// why: measuring a string lays it out (1 ms and more for a long line), and wrapping measured each
// line again for every word added to it; a word is measured once per font instead. Our fonts
// are drawn without kerning or ligatures, so a line's width is its words' and spaces' widths.
function widthAtSizeOne(font: PDFFont, text: string): number {
  let widths = widthsAtOne.get(font);
  if (!widths) widthsAtOne.set(font, (widths = new Map()));
  let width = widths.get(text);
  if (width === undefined) widths.set(text, (width = font.widthOfTextAtSize(text, 1)));
  return width;
}

/** Breaks drawable text into lines that fit `width`, at spaces; a word longer than a line is split. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (s: string) => widthAtSizeOne(font, s) * size;
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const space = measure(" ");
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = measure(word);
      const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidateWidth <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidateWidth;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = font.widthOfTextAtSize(rest, size);
    }
    lines.push(line);
  }
  return lines;
}

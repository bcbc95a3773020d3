import { rgb, type PDFFont } from "pdf-lib";

// What every PDF we draw shares: the page size, the ink, and text that fits the font and the
// line. Our PDFs embed Noto Sans (fonts.server.ts), which covers Welsh and most European text;
// a character it lacks that someone typed is spelled without its accent or shown as "?" rather
// than failing the download.

export const A4 = { width: 595.28, height: 841.89 };
export const INK = rgb(0.043, 0.047, 0.047);
export const MUTED = rgb(0.31, 0.35, 0.37);

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
  for (const char of text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ")) {
    if (char === "\n" || known.has(char.codePointAt(0)!)) {
      out += char;
      continue;
    }
    const plain = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += plain && [...plain].every((c) => known.has(c.codePointAt(0)!)) ? plain : "?";
  }
  return out;
}

/** Breaks drawable text into lines that fit `width`, at spaces; a word longer than a line is split. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
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
    }
    lines.push(line);
  }
  return lines;
}

import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from "pdf-lib";

// Reads back the text a PDF shows, for tests: loads the bytes with pdf-lib (so the file must be
// a valid PDF), inflates each page's content streams and decodes the strings drawn with Tj:
// through an embedded font's ToUnicode map (our Noto Sans, so ŵ and ŷ read back), or in the
// standard fonts' WinAnsi encoding. Lines come back in drawing order, one per Tj.

const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š",
  0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
  0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

function decodeWinAnsi(hex: string): string {
  let out = "";
  for (let i = 0; i < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

function contentStreams(page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs.map((ref) => {
    const stream = ref instanceof PDFRef ? page.doc.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream)) throw new Error("Unexpected content stream type");
    return stream;
  });
}

export interface PdfText {
  pageCount: number;
  title: string | undefined;
  author: string | undefined;
  /** Each page's lines, in drawing order. */
  pages: string[][];
  /** Every line of every page joined with spaces: wrapped sentences read whole again. */
  text: string;
}

/** A font's ToUnicode map (glyph code in hex -> text), for fonts embedded as Type0 (Identity-H). */
function toUnicodeMap(page: PDFPage, fontRef: unknown): Map<string, string> | null {
  const font = page.doc.context.lookup(fontRef as PDFRef);
  if (!(font instanceof PDFDict)) return null;
  const cmapRef = font.get(PDFName.of("ToUnicode"));
  const cmap = cmapRef && page.doc.context.lookup(cmapRef);
  if (!(cmap instanceof PDFRawStream)) return null;
  const text = new TextDecoder("latin1").decode(decodePDFRawStream(cmap).decode());
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/..../g) ?? []).map((h) => parseInt(h, 16)));
  const map = new Map<string, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(code.toUpperCase(), utf16(unicode));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, unicode] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(from, 16);
      for (let code = first; code <= parseInt(to, 16); code += 1) {
        const chars = utf16(unicode);
        const shifted = chars.slice(0, -1) + String.fromCharCode(chars.charCodeAt(chars.length - 1) + code - first);
        map.set(code.toString(16).toUpperCase().padStart(from.length, "0"), shifted);
      }
    }
  }
  return map;
}

/** Each font resource's decoder: an embedded font's ToUnicode map, else the standard fonts' WinAnsi. */
function fontDecoders(page: PDFPage): Map<string, (hex: string) => string> {
  const decoders = new Map<string, (hex: string) => string>();
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict);
  for (const [name, ref] of fonts?.entries() ?? []) {
    const map = toUnicodeMap(page, ref);
    decoders.set(
      name.asString(),
      map ? (hex) => (hex.toUpperCase().match(/..../g) ?? []).map((code) => map.get(code) ?? "\uFFFD").join("") : decodeWinAnsi,
    );
  }
  return decoders;
}

export async function readPdfText(bytes: Uint8Array | ArrayBuffer): Promise<PdfText> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((page) => {
    const decoders = fontDecoders(page);
    return contentStreams(page).flatMap((stream) => {
      const operators = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      let decode: (hex: string) => string = decodeWinAnsi;
      const lines: string[] = [];
      // why in order: a Tf (choose font) applies to the Tj (show text) operators after it.
      for (const m of operators.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (m[1]) decode = decoders.get(m[1]) ?? decodeWinAnsi;
        else lines.push(decode(m[2]));
      }
      return lines;
    });
  });
  return {
    pageCount: doc.getPageCount(),
    title: doc.getTitle(),
    author: doc.getAuthor(),
    pages,
    text: pages.flat().join(" ").replace(/\s+/g, " "),
  };
}

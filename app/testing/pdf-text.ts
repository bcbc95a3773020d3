import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, PDFRef, type PDFPage } from "pdf-lib";

// Reads back the text a PDF shows, for tests: loads the bytes with pdf-lib (so the file must be
// a valid PDF), inflates each page's content streams and decodes the strings drawn with Tj in
// the standard fonts' WinAnsi encoding. Lines come back in drawing order, one per Tj.

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

export async function readPdfText(bytes: Uint8Array | ArrayBuffer): Promise<PdfText> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((page) =>
    contentStreams(page).flatMap((stream) => {
      const operators = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      return [...operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => decodeWinAnsi(m[1]));
    }),
  );
  return {
    pageCount: doc.getPageCount(),
    title: doc.getTitle(),
    author: doc.getAuthor(),
    pages,
    text: pages.flat().join(" ").replace(/\s+/g, " "),
  };
}

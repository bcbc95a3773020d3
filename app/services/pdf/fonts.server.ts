import { readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

// The fonts our PDFs are drawn in: Noto Sans, which covers Welsh in full (ŵ, ŷ and every other
// circumflex and diaeresis), where pdf-lib's standard Helvetica speaks only WinAnsi and drops
// ŵ and ŷ. The TTFs come from an npm package; each PDF carries only the glyphs it uses (subset),
// so a letter stays a few tens of kilobytes.

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

// why require.resolve: it finds node_modules from Remix's server build (build/index.js, CJS)
// and from Jest alike, where a path relative to this source file would not.
const FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
} as const;

const bytes = new Map<keyof typeof FILES, Uint8Array>();

function fontBytes(weight: keyof typeof FILES): Uint8Array {
  let font = bytes.get(weight);
  if (!font) bytes.set(weight, (font = readFileSync(require.resolve(FILES[weight]))));
  return font;
}

// why no OpenType shaping (ligatures, kerning, contextual forms, mark placement): it made every
// line cost 1–3 ms to lay out, so a decision report held the server's one thread for over a
// second while phones waited. Welsh letters are single characters in the font (drawable()
// composes an accent typed on its own), and the widths measured came out the same.
const PLAIN = {
  ccmp: false, locl: false, rlig: false, mark: false, mkmk: false, calt: false, clig: false, liga: false, rclt: false, curs: false, kern: false,
};

/** Embeds the regular and bold faces into `doc`, each subset to the characters drawn. */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(fontBytes("regular"), { subset: true, features: PLAIN }),
    doc.embedFont(fontBytes("bold"), { subset: true, features: PLAIN }),
  ]);
  return { regular, bold };
}

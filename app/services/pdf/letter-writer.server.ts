import { rgb, type PDFDocument, type PDFPage } from "pdf-lib";
import type { LetterLang } from "~/domain/award-letter";
import type { PdfFonts } from "~/services/pdf/fonts.server";
import { A4, drawable, INK, MUTED, wrap } from "~/services/pdf/text.server";

// The award letter's page layout: text that wraps and runs onto new pages, headings kept with
// what follows them, label-and-value fields, a rule. award-letter.server.ts says what goes on it.

export const MARGIN = 62;
const BODY = 11;
const LEADING = 1.45;

export class LetterWriter {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];
  /** The language of each page, for its footer. */
  readonly pageLangs: LetterLang[] = [];
  private lang: LetterLang;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
    lang: LetterLang,
  ) {
    this.lang = lang;
    this.newPage();
  }

  /** Starts the letter again in another language, on a fresh page. */
  startLanguage(lang: LetterLang) {
    this.lang = lang;
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.pageLangs.push(this.lang);
    this.y = A4.height - MARGIN;
  }

  private room(height: number) {
    if (this.y - height < MARGIN + 24) this.newPage();
  }

  gap(points: number) {
    this.y -= points;
  }

  text(content: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {}) {
    const size = options.size ?? BODY;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const width = A4.width - 2 * MARGIN - indent;
    for (const line of wrap(drawable(font, content), font, size, width)) {
      this.room(size * LEADING);
      this.y -= size * LEADING;
      if (line) this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: options.color ?? INK });
    }
  }

  heading(content: string) {
    this.room(BODY * 6);
    this.gap(BODY * 0.8);
    this.text(content, { size: 13, bold: true });
    this.gap(BODY * 0.3);
  }

  /** A label in bold and its value beside it, as in a summary list. */
  field(label: string, value: string) {
    const labelWidth = 120;
    const font = this.fonts.regular;
    const lines = wrap(drawable(font, value), font, BODY, A4.width - 2 * MARGIN - labelWidth);
    this.room(BODY * LEADING * Math.min(lines.length, 3));
    this.y -= BODY * LEADING;
    this.page.drawText(drawable(this.fonts.bold, label), { x: MARGIN, y: this.y, size: BODY, font: this.fonts.bold, color: INK });
    lines.forEach((line, index) => {
      if (index > 0) {
        this.room(BODY * LEADING);
        this.y -= BODY * LEADING;
      }
      this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y, size: BODY, font, color: INK });
    });
  }

  rule() {
    this.room(12);
    this.y -= 8;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4.width - MARGIN, y: this.y }, thickness: 0.75, color: MUTED });
    this.y -= 4;
  }
}

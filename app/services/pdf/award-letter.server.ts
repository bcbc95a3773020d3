import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { AwardLetter } from "~/domain/award-letter";
import { A4, drawable, INK, MUTED, wrap } from "~/services/pdf/text.server";

export type { AwardLetter };

// The award letter as a PDF: who offers what to whom, on which conditions, with the references
// a treasurer or an auditor quotes later. Text is drawn as text.server.ts says.
//
// Interface:
//   renderAwardLetter(letter: AwardLetter) -> Promise<Uint8Array>   (A4, one or more pages)
//   letterFileName(reference)              -> "award-letter-PD-2026-0001.pdf"

const MARGIN = 62;
const BODY = 11;
const LEADING = 1.45;
const BRAND = rgb(0.114, 0.31, 0.569);

export function letterFileName(reference: string) {
  return `award-letter-${reference.replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
}

class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
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

export async function renderAwardLetter(letter: AwardLetter): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, { regular, bold });

  const title = `Award letter ${letter.reference}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(drawable(regular, letter.funderName));
  doc.setSubject(drawable(regular, `Award of ${letter.amount} to ${letter.groupName}`));
  doc.setCreator("Pitchday");
  doc.setProducer("Pitchday (pdf-lib)");
  doc.setLanguage("en-GB");

  w.text(letter.funderName, { size: 18, bold: true, color: BRAND });
  w.text(`${letter.fundName}: ${letter.roundTitle}`, { color: MUTED });
  w.rule();
  w.gap(6);
  w.field("Date", letter.date);
  w.field("Reference", letter.reference);
  w.field("Grant identifier", letter.grantId);
  w.field("To", letter.groupName);
  if (letter.paidToParent) w.field("Paid to", `${letter.paidToParent}, on behalf of ${letter.groupName}`);
  w.field("Project", letter.projectTitle || "(no project title given)");
  w.field("Amount", letter.partOf ? `${letter.amount} (of the ${letter.partOf} asked for)` : letter.amount);

  if (letter.cancelled) {
    w.gap(10);
    w.text("This award has been cancelled. This copy is kept for the record; no payment will be made under it.", { bold: true });
  }

  w.heading(`Award of ${letter.amount} to ${letter.groupName}`);
  w.text(
    `${letter.funderName} is pleased to offer ${letter.groupName} an award of ${letter.amount} from ${letter.fundName} ` +
      `for the project "${letter.projectTitle || letter.reference}" (bid ${letter.reference}), as decided after the ` +
      `pitches of ${letter.roundTitle}.` +
      (letter.partOf ? ` This is part of the ${letter.partOf} the group asked for.` : "") +
      (letter.paidToParent
        ? ` At the group's request the award is paid to ${letter.paidToParent}, its parent organisation, which receives it on behalf of ${letter.groupName}.`
        : ""),
  );

  w.heading("Conditions of the award");
  w.text(letter.conditions);

  w.heading("Acceptance");
  if (letter.acceptance) {
    w.text(`The conditions were accepted for ${letter.groupName} by ${letter.acceptance.by} on ${letter.acceptance.on}.`);
  } else {
    w.text(
      "Someone who can sign for the group accepts these conditions through the group's private link to its bid, or in " +
        "person with the organisers. The award is paid once the conditions have been accepted.",
    );
  }

  w.heading("Payment");
  w.text(
    (letter.paidToParent
      ? `The award is paid to ${letter.paidToParent}, on behalf of ${letter.groupName}, by cheque or bank transfer to the account the group gave. `
      : `The award is paid to the group's own account, by Stripe transfer, cheque or bank transfer. `) +
      `Every payment is approved by a second person at ${letter.funderName} before it is made. ` +
      `Please quote ${letter.reference} in any letter or email about this award.`,
  );

  w.gap(BODY * 2);
  w.text(`For and on behalf of ${letter.funderName}`);

  const footer = drawable(regular, `${letter.reference} · ${letter.groupName}`);
  w.pages.forEach((page, index) => {
    const note = `${footer} · page ${index + 1} of ${w.pages.length}`;
    const size = 9;
    const line = wrap(note, regular, size, A4.width - 2 * MARGIN)[0];
    page.drawText(line, { x: MARGIN, y: MARGIN - 24, size, font: regular, color: MUTED });
  });

  // why: a copy backed by a plain ArrayBuffer is what a Response body takes.
  return new Uint8Array(await doc.save());
}

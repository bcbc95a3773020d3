import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import type { FindingTone } from "~/domain/decision-report-findings";
import type { ReportView } from "~/domain/decision-report-view";
import { embedPdfFonts } from "~/services/pdf/fonts.server";
import { A4, drawable, INK, letOthersRun, MUTED, wrap } from "~/services/pdf/text.server";

// The decision report as a printable PDF (A4), for the file an auditor keeps and the papers of
// a council meeting. It says what the web page says, in the same order, from the same view
// (app/domain/decision-report.ts); text is drawn as text.server.ts says. The web page is the
// accessible version; this one is for paper.
//
// Interface:
//   renderDecisionReportPdf(view: ReportView) -> Promise<Uint8Array>

const MARGIN = 48;
const FOOTER = 28;
const WIDTH = A4.width - 2 * MARGIN;
const RULE = rgb(0.69, 0.71, 0.72);
const TONES: Record<FindingTone, { label: string; colour: RGB }> = {
  ok: { label: "OK", colour: rgb(0.0, 0.44, 0.24) },
  attention: { label: "CHECK", colour: rgb(0.55, 0.35, 0.0) },
  problem: { label: "PROBLEM", colour: rgb(0.72, 0.1, 0.1) },
};

interface Style {
  size: number;
  bold?: boolean;
  colour?: RGB;
}

const BODY: Style = { size: 9.5 };
const SMALL: Style = { size: 8, colour: MUTED };

class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  private font(style: Style) {
    return style.bold ? this.bold : this.regular;
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }

  private room(height: number) {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  /** Lines of `text` that fit `width` in the style's font. */
  wrap(text: string, style: Style, width: number): string[] {
    const font = this.font(style);
    return wrap(drawable(font, text), font, style.size, width);
  }

  private leading(style: Style) {
    return style.size * 1.35;
  }

  private drawLine(text: string, x: number, style: Style) {
    this.page.drawText(text, { x, y: this.y - style.size, size: style.size, font: this.font(style), color: style.colour ?? INK });
  }

  text(text: string, style: Style = BODY, indent = 0) {
    for (const line of this.wrap(text, style, WIDTH - indent)) {
      this.room(this.leading(style));
      this.drawLine(line, MARGIN + indent, style);
      this.y -= this.leading(style);
    }
  }

  gap(points = 6) {
    this.y -= points;
  }

  title(text: string) {
    this.text(text, { size: 18, bold: true });
    this.gap(4);
  }

  heading(text: string) {
    // why: a heading alone at the foot of a page reads as belonging to nothing.
    this.room(13 * 1.35 + 3 * this.leading(BODY));
    this.gap(10);
    this.text(text, { size: 13, bold: true });
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 2 }, end: { x: MARGIN + WIDTH, y: this.y + 2 }, thickness: 0.6, color: RULE });
    this.gap(4);
  }

  subheading(text: string) {
    this.room(2 * this.leading(BODY) + this.leading({ size: 10.5 }));
    this.gap(4);
    this.text(text, { size: 10.5, bold: true });
  }

  /** "Label: value" lines with the label in bold; a short pair is kept on one page. */
  pairs(rows: [string, string][], labelWidth = 130) {
    const lead = this.leading(BODY);
    const strong = { ...BODY, bold: true };
    for (const [label, value] of rows) {
      const values = this.wrap(value || "-", BODY, WIDTH - labelWidth);
      const labels = this.wrap(label, strong, labelWidth - 8);
      const count = Math.max(values.length, labels.length);
      if (count <= 4) this.room(count * lead);
      for (let i = 0; i < count; i++) {
        this.room(lead);
        if (labels[i]) this.drawLine(labels[i], MARGIN, strong);
        if (values[i]) this.drawLine(values[i], MARGIN + labelWidth, BODY);
        this.y -= lead;
      }
    }
  }

  bullet(text: string, style: Style = BODY, marker = "-") {
    const lines = this.wrap(text, style, WIDTH - 12);
    lines.forEach((line, i) => {
      this.room(this.leading(style));
      if (i === 0) this.drawLine(marker, MARGIN, style);
      this.drawLine(line, MARGIN + 12, style);
      this.y -= this.leading(style);
    });
  }

  finding(tone: FindingTone, title: string, detail: string) {
    const { label, colour } = TONES[tone];
    this.room(this.leading(BODY) * 2);
    this.drawLine(label, MARGIN, { ...BODY, bold: true, colour });
    for (const line of this.wrap(title, { ...BODY, bold: true }, WIDTH - 60)) {
      this.room(this.leading(BODY));
      this.drawLine(line, MARGIN + 60, { ...BODY, bold: true });
      this.y -= this.leading(BODY);
    }
    for (const line of this.wrap(detail, BODY, WIDTH - 60)) {
      this.room(this.leading(BODY));
      this.drawLine(line, MARGIN + 60, BODY);
      this.y -= this.leading(BODY);
    }
    this.gap(3);
  }

  /** A table with wrapped cells; the header is repeated on each new page. */
  async table(columns: { title: string; width: number }[], rows: string[][], style: Style = { size: 8.5 }) {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * WIDTH);
    const lead = this.leading(style);
    const header = () => {
      const cells = columns.map((c, i) => this.wrap(c.title, { ...style, bold: true }, widths[i] - 6));
      const height = Math.max(...cells.map((c) => c.length)) * lead + 3;
      this.room(height + lead * 2);
      this.drawRow(cells, widths, { ...style, bold: true });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y + 2 }, end: { x: MARGIN + WIDTH, y: this.y + 2 }, thickness: 0.6, color: RULE });
      this.y -= 2;
    };
    header();
    for (const [n, row] of rows.entries()) {
      if (n > 0 && n % 10 === 0) await letOthersRun();
      const cells = row.map((cell, i) => this.wrap(cell || "-", style, widths[i] - 6));
      const height = Math.max(...cells.map((c) => c.length)) * lead + 3;
      if (this.y - height < MARGIN + FOOTER) {
        this.newPage();
        header();
      }
      this.drawRow(cells, widths, style);
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y + 2 }, end: { x: MARGIN + WIDTH, y: this.y + 2 }, thickness: 0.3, color: RULE });
    }
    this.gap(4);
  }

  private drawRow(cells: string[][], widths: number[], style: Style) {
    let x = MARGIN;
    cells.forEach((lines, i) => {
      lines.forEach((line, j) => {
        this.page.drawText(line, {
          x,
          y: this.y - style.size - j * this.leading(style),
          size: style.size,
          font: this.font(style),
          color: style.colour ?? INK,
        });
      });
      x += widths[i];
    });
  }

  footers(text: string) {
    const style = { size: 7.5, colour: MUTED };
    const line = drawable(this.regular, text);
    this.pages.forEach((page, i) => {
      const label = `${line}  |  Page ${i + 1} of ${this.pages.length}`;
      page.drawText(label, { x: MARGIN, y: MARGIN - 12, size: style.size, font: this.regular, color: style.colour });
    });
  }
}

export async function renderDecisionReportPdf(view: ReportView): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(view.heading, { showInWindowTitleBar: true });
  doc.setSubject(`${view.fundName}, ${view.roundTitle}`);
  doc.setAuthor(view.funderName);
  doc.setCreator("Pitchday");
  doc.setProducer("Pitchday");
  doc.setLanguage("en-GB");
  const fonts = await embedPdfFonts(doc);
  const w = new Writer(doc, fonts.regular, fonts.bold);

  w.title(view.heading);
  w.pairs([
    ["Fund", `${view.fundName} (${view.funderName})`],
    ["Round", view.roundTitle],
    ["Event", `${view.event.when}, ${view.event.venue}`],
    ["State", view.event.state],
    ["Results revealed", view.event.revealed ?? "Not yet"],
    ["Report generated", view.generated],
    ["Times", `${view.timeZone} time`],
  ]);

  await letOthersRun();
  w.heading("Findings");
  for (const f of view.findings) w.finding(f.tone, f.title, f.detail);

  await letOthersRun();
  w.heading("Money");
  w.pairs([
    ["Fund's pot", view.money.pot],
    ["Decided at this event", view.money.decided],
    ["Awarded (not cancelled)", view.money.awarded],
    ["Paid", view.money.paid],
    ["Left in the fund", view.money.fundRemaining],
  ]);

  await letOthersRun();
  w.heading("The rule declared before the event");
  for (const line of view.rule) w.bullet(line);
  w.gap(4);
  await w.table(
    [
      { title: "Criterion", width: 3 },
      { title: "Weight", width: 1 },
      { title: "Scores", width: 1.2 },
      { title: "Guidance", width: 6 },
    ],
    view.criteria.map((c) => [c.name, String(c.weight), c.scale, c.guidance]),
  );

  await letOthersRun();
  w.heading("Panel and conflicts of interest");
  if (view.panel.length === 0) w.text("Nobody was invited to the panel.");
  else
    await w.table(
      [
        { title: "Panellist", width: 3 },
        { title: "Status", width: 2 },
        { title: "Joined", width: 3 },
        { title: "Removed", width: 3 },
      ],
      view.panel.map((p) => [p.name, p.status, p.joined, p.removed]),
    );
  if (view.conflicts.length === 0) w.text("No conflicts of interest were declared.");
  else
    await w.table(
      [
        { title: "Panellist", width: 2 },
        { title: "Pitch", width: 3 },
        { title: "Reason given", width: 4 },
        { title: "Declared", width: 2.5 },
      ],
      view.conflicts.map((c) => [c.panellist, c.pitch, c.reason, c.declared]),
    );

  await letOthersRun();
  w.heading("Ranking and why");
  if (view.ranking.length === 0) w.text("Nothing has been scored, so there is no ranking.");
  for (const r of view.ranking) {
    w.subheading(`${r.rank}. ${r.reference} ${r.group}: ${r.project} (asked for ${r.requested})`);
    w.text(r.explanation);
    w.text(r.audience, SMALL);
    for (const p of r.panellists) w.bullet(`${p.name}: ${p.text}`, SMALL);
  }

  await letOthersRun();
  w.heading("Decisions");
  if (view.decisions.length === 0) w.text("No decisions have been recorded.");
  for (const d of view.decisions) {
    w.subheading(`${d.reference} ${d.group} (asked for ${d.requested})`);
    w.pairs([
      ["Proposal", `${d.proposal}. ${d.proposalReason}`],
      ["Decision", `${d.decision}${d.confirmed ? "" : " (not yet confirmed)"}`],
      ...(d.departs ? ([["Why it departs from the proposal", d.overrideReason || "NO REASON RECORDED"]] as [string, string][]) : []),
      ...(d.ruleBreach ? ([["RULE BREACH", d.ruleBreach]] as [string, string][]) : []),
      ["Feedback to the group", d.feedback],
      ["Decided by", `${d.decidedBy}, ${d.decidedAt}`],
    ]);
    for (const t of d.trail) w.bullet(`Audit ${t}`, SMALL);
  }

  await letOthersRun();
  w.heading("Awards");
  if (view.awards.length === 0) w.text("No awards have been offered.");
  for (const a of view.awards) {
    w.subheading(`${a.reference} ${a.group}: ${a.amount}`);
    w.pairs([
      ["Status", a.status],
      ["Offered", a.issued],
      ["Accepted", a.accepted],
      ["Conditions", a.conditions],
      ["Payment schedule", a.schedule],
      ["Planned dates", a.planned],
      ["Amount disbursed", a.disbursed],
      ["Outcome", a.outcome],
    ]);
    for (const t of a.trail) w.bullet(`Audit ${t}`, SMALL);
  }

  await letOthersRun();
  w.heading("Payments");
  if (view.payments.length === 0) w.text("No payments have been asked for.");
  for (const p of view.payments) {
    w.subheading(`${p.reference} ${p.group}: ${p.amount} by ${p.method.toLowerCase()}`);
    w.pairs([
      ["Status", p.status],
      ["Asked for", p.requested],
      ["Approved", p.approved],
      ["Two people", p.twoPeople === null ? "Not approved yet" : p.twoPeople ? "Yes: the approver neither asked for it nor made the decision" : "NO"],
      ...(p.providerId ? ([["Stripe transfer", p.providerId]] as [string, string][]) : []),
      ...(p.manualReference ? ([[p.manualReferenceLabel, p.manualReference]] as [string, string][]) : []),
      ...(p.paidOn ? ([["Paid on", p.paidOn]] as [string, string][]) : []),
      ...(p.failureReason ? ([["Why it failed", p.failureReason]] as [string, string][]) : []),
      ["Idempotency key", p.idempotencyKey],
    ]);
    for (const t of p.trail) w.bullet(`Audit ${t}`, SMALL);
  }

  await letOthersRun();
  w.heading("Score sheets, every version");
  if (view.sheets.length === 0) w.text("No score sheets were sent.");
  else
    await w.table(
      [
        { title: "Pitch", width: 2.4 },
        { title: "Panellist", width: 1.8 },
        { title: "Ver.", width: 0.6 },
        { title: "Sent", width: 2 },
        { title: "Scores", width: 2.6 },
        { title: "Standing", width: 2 },
        { title: "Comment", width: 2.6 },
      ],
      view.sheets.map((s) => [
        s.pitch,
        s.panellist,
        String(s.version),
        s.sent,
        s.scores.map((i) => `${i.criterion} ${i.value}`).join(", "),
        s.standing,
        s.comment,
      ]),
      { size: 7.5 },
    );

  await letOthersRun();
  w.heading("The audit log");
  w.pairs([
    ["Chain", view.audit.chain],
    ["Checkpoint", view.audit.checkpoint],
    ["This event", view.audit.eventEntries],
  ]);

  w.footers(`${view.heading}, generated ${view.generated}`);
  return doc.save();
}

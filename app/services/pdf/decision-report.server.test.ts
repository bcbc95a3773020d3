import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { useTestDatabase } from "~/testing/database";
import { reportView, type ReportView } from "~/domain/decision-report-view";
import { decisionReport } from "~/models/decision-report.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { renderDecisionReportPdf } from "~/services/pdf/decision-report.server";
import { seedPastEvent, type PastEvent } from "../../../prisma/seed/past-event";
import { seedStaff } from "../../../prisma/seed/staff";

// The printable decision report of the demo's completed event: a real PDF that opens, with the
// answers an auditor looks for on its pages.

useTestDatabase();
afterAll(() => closeLiveBus());

// WinAnsi's codes 0x80-0x9F that the report can contain; the rest read as Latin-1.
const WIN_ANSI: Record<number, string> = { 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—", 0x85: "…" };

/** The text drawn on each page, one string per line drawn, read back out of the PDF's content streams. */
function pdfLines(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString("latin1");
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf("endstream", start);
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw.slice(start, end), "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
      const codes = text[1].match(/../g) ?? [];
      lines.push(codes.map((h) => WIN_ANSI[parseInt(h, 16)] ?? String.fromCharCode(parseInt(h, 16))).join(""));
    }
  }
  return lines;
}

let past: PastEvent;
let view: ReportView;

beforeAll(async () => {
  past = await seedPastEvent(await seedStaff(), new Date());
  view = reportView((await decisionReport(past.eventId))!);
});

describe("the decision report as a PDF", () => {
  it("opens as an A4 document titled for the event", async () => {
    const bytes = await renderDecisionReportPdf(view);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Decision report: Summer pitch night");
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it("carries the findings, the override and its reason, the approvals and the chain's state", async () => {
    const lines = pdfLines(await renderDecisionReportPdf(view));
    const text = lines.join("\n");
    expect(lines[0]).toBe("Decision report: Summer pitch night");
    expect(lines).toContain("Every payment was approved by a second funder");
    expect(lines).toContain("1 conflict of interest declared");
    expect(text).toContain("Grace Lin on");
    expect(text).toContain("I am a trustee of Alveston Village Hall Trust.");
    expect(lines).toContain("Why it departs from the");
    expect(text).toContain("The group told the panel that a local merchant");
    expect(text).toContain("Funded in full: £2,400.");
    expect(lines).toContain("Part-funded: £2,000");
    expect(text).toMatch(/by Frank Second-Funder/);
    expect(lines).toContain("Yes: the approver neither asked for it nor made the decision");
    expect(text).toMatch(/Verified: \d+ entries, each following from the one before, up to #\d+/);
    expect(lines.filter((l) => /^Decision report: Summer pitch night, generated .* \| {2}Page \d+ of \d+$/.test(l)).length).toBeGreaterThanOrEqual(3);
    // Every version of Malik's score for the Shed, the replaced one included.
    expect(lines).toContain("Replaced by a later");
  });

  it("draws what the standard font cannot by dropping accents, or as ?, instead of failing", async () => {
    const odd = { ...view, heading: "Decision report: Zoë’s night 🎤 – Łódź", findings: [] };
    const lines = pdfLines(await renderDecisionReportPdf(odd));
    // ó is in the font; ź is not, but z is; Ł has no plainer form.
    expect(lines[0]).toBe("Decision report: Zoë’s night ? – ?ódz");
  });
});

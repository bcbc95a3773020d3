import { PDFDocument } from "pdf-lib";
import { useTestDatabase } from "~/testing/database";
import { reportView, type ReportView } from "~/domain/decision-report-view";
import { decisionReport } from "~/models/decision-report.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { renderDecisionReportPdf } from "~/services/pdf/decision-report.server";
import { seedPastEvent, type PastEvent } from "../../../prisma/seed/past-event";
import { seedStaff } from "../../../prisma/seed/staff";
import { readPdfText } from "~/testing/pdf-text";

// The printable decision report of the demo's completed event: a real PDF that opens, with the
// answers an auditor looks for on its pages.

useTestDatabase();
afterAll(() => closeLiveBus());

/** The text drawn on each page, one string per line drawn, read back out of the PDF. */
async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  return (await readPdfText(bytes)).pages.flat();
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
    const lines = await pdfLines(await renderDecisionReportPdf(view));
    const text = lines.join(" ").replace(/\s+/g, " ");
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
    expect(text).toContain("Replaced by a later");
  });

  it("draws Welsh and other accents in its embedded font, and only what no font here has as ?", async () => {
    const odd = { ...view, heading: "Decision report: Zoë’s night 🎤 – Łódź", findings: [] };
    const lines = await pdfLines(await renderDecisionReportPdf(odd));
    expect(lines[0]).toBe("Decision report: Zoë’s night ? – Łódź");
  });

  it("names a Welsh group as it wrote its name, ŵ and ŷ included, and stays small", async () => {
    const welsh = { ...view, ranking: view.ranking.map((r, i) => (i === 0 ? { ...r, group: "Cwmni Bro Ŵyl Dŷ", project: "Gŵyl gerddoriaeth: â ê î ô û ŵ ŷ ï ë" } : r)) };
    const bytes = await renderDecisionReportPdf(welsh);
    const text = (await readPdfText(bytes)).text;
    expect(text).toContain("Cwmni Bro Ŵyl Dŷ");
    expect(text).toContain("Gŵyl gerddoriaeth: â ê î ô û ŵ ŷ ï ë");
    // Noto Sans's two faces are over 1.2 MB as files; subset, the whole report is a fraction.
    expect(bytes.byteLength).toBeLessThan(120_000);
  });
});

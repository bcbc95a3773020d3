import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { decisionsCsv, paymentsCsv, scoresCsv } from "~/domain/decision-report-csv";
import { reportView } from "~/domain/decision-report-view";
import { closeLiveBus } from "~/db/live/bus.server";
import { decisionReport, reportableEvents } from "~/models/decision-report.server";
import { seedPastEvent, SHED_OVERRIDE_REASON, type PastEvent } from "../../prisma/seed/past-event";
import { seedStaff } from "../../prisma/seed/staff";

// The decision report of the demo's completed event (prisma/seed/past-event.ts), built by the
// same model functions the pages use: what an auditor reads months later.

useTestDatabase();
afterAll(() => closeLiveBus());

let past: PastEvent;
const now = new Date();

beforeAll(async () => {
  past = await seedPastEvent(await seedStaff(), now);
});

describe("decisionReport", () => {
  it("answers null for an event that does not exist", async () => {
    expect(await decisionReport("no-such-event")).toBeNull();
  });

  it("names the panel, the recusal and every version of every score sheet", async () => {
    const report = (await decisionReport(past.eventId, now))!;
    expect(report.event).toMatchObject({ title: "Summer pitch night", state: "DECIDED" });
    expect(report.event.resultsRevealedAt).toBeInstanceOf(Date);
    expect(report.pitches.map((p) => p.groupName)).toEqual([
      "Thornbury Men's Shed",
      "Alveston Village Hall Trust",
      "Oldbury Wildlife Watch",
      "Thornbury Community Larder",
      "Severn Singers Community Choir",
    ]);
    expect(report.panel.map((p) => [p.name, p.status])).toEqual([
      ["Ruth Evans", "JOINED"],
      ["Malik Hussain", "JOINED"],
      ["Jo Carter", "JOINED"],
      ["Grace Lin", "JOINED"],
    ]);
    const grace = report.panel[3].id;
    expect(report.conflicts).toEqual([
      { panellistId: grace, bidId: past.bids.hall.id, reason: "I am a trustee of Alveston Village Hall Trust.", declaredAt: expect.any(Date) },
    ]);
    // Four panellists, five pitches, one recusal, and one sheet sent twice.
    expect(report.sheets).toHaveLength(20);
    expect(report.sheets.some((s) => s.panellistId === grace && s.bidId === past.bids.hall.id)).toBe(false);
    const malik = report.panel[1].id;
    const shed = report.sheets.filter((s) => s.panellistId === malik && s.bidId === past.bids.shed.id);
    expect(shed.map((s) => [s.version, s.current, s.items.map((i) => i.value)])).toEqual([
      [1, false, [3, 3, 3, 3]],
      [2, true, [4, 4, 3, 4]],
    ]);
  });

  it("ranks the pitches with the declared rule and explains each place", async () => {
    const report = (await decisionReport(past.eventId, now))!;
    expect(report.ranking!.bids.map((b) => b.reference)).toEqual(
      [past.bids.larder, past.bids.hall, past.bids.shed, past.bids.wildlife, past.bids.choir].map((b) => b.reference),
    );
    const view = reportView(report);
    expect(view.rule).toContain("Bids are ranked on the panel's scores (70%) and the audience vote (30%).");
    const hall = view.ranking.find((r) => r.reference === past.bids.hall.reference)!;
    expect(hall.explanation).toMatch(/^Ranked 2nd: panel \d\.\d\d\/5 from 3 panellists \(1 recused\), audience 17% of votes, combined 0\.\d\d$/);
    expect(hall.panellists).toContainEqual({ name: "Grace Lin", text: expect.stringMatching(/^Not counted: /) });
    expect(hall.audience).toBe("4 of 24 audience points");
  });

  it("keeps the proposal beside each decision, and the reason where the funder departed from it", async () => {
    const report = (await decisionReport(past.eventId, now))!;
    const view = reportView(report);
    const shed = view.decisions.find((d) => d.reference === past.bids.shed.reference)!;
    expect(shed).toMatchObject({
      proposal: "Funded in full: £2,400",
      decision: "Part-funded: £2,000",
      departs: true,
      overrideReason: SHED_OVERRIDE_REASON,
      decidedBy: "Fran Funder",
      confirmed: true,
    });
    expect(shed.trail).toEqual([expect.stringMatching(/^#\d+ Funding decision differs from the proposal, .* by Fran Funder$/)]);
    expect(view.decisions.filter((d) => d.departs)).toHaveLength(1);
    expect(view.decisions.find((d) => d.reference === past.bids.wildlife.reference)).toMatchObject({ proposal: "Not funded", decision: "Not funded" });
    expect(view.money).toEqual({ pot: "£6,000", decided: "£5,300", awarded: "£5,300", paid: "£3,300", fundRemaining: "£700" });
  });

  it("shows who accepted each award and that two different funders settled every payment", async () => {
    const report = (await decisionReport(past.eventId, now))!;
    const view = reportView(report);
    expect(view.awards.map((a) => [a.reference, a.status, a.accepted.replace(/^.*, by /, "")])).toEqual([
      [past.bids.shed.reference, "Accepted", "the group, through its private link"],
      [past.bids.hall.reference, "Paid", "Olu Organiser, on the group's behalf"],
      [past.bids.larder.reference, "Paid", "the group, through its private link"],
    ]);
    expect(view.payments.map((p) => [p.reference, p.method, p.status, p.twoPeople, p.manualReference])).toEqual([
      [past.bids.hall.reference, "Cheque", "Paid", true, "004217"],
      [past.bids.larder.reference, "Bank transfer (made outside Pitchday)", "Paid", true, "TTC-SUMMER26-01"],
    ]);
    expect(view.payments[0].requested).toMatch(/ by Fran Funder$/);
    expect(view.payments[0].approved).toMatch(/ by Frank Second-Funder$/);
    expect(view.payments[0].trail.map((t) => t.replace(/^#\d+ /, "").replace(/, \d.*, by /, " / "))).toEqual([
      "Payment requested / Fran Funder",
      "Payment approved by a second funder / Frank Second-Funder",
      "Payment made outside Pitchday recorded / Fran Funder",
    ]);
    const findings = view.findings.map((f) => [f.tone, f.title]);
    expect(findings).toContainEqual(["ok", "Every payment was approved by a second funder"]);
    expect(findings).toContainEqual(["attention", "1 decision departs from the proposal, with a reason"]);
    expect(findings).toContainEqual(["ok", "1 conflict of interest declared"]);
    expect(findings).toContainEqual(["ok", "1 score was changed after first being sent"]);
    expect(findings.filter(([tone]) => tone === "problem")).toEqual([]);
  });

  it("holds no contact details of the groups", async () => {
    const report = (await decisionReport(past.eventId, now))!;
    const everything = JSON.stringify([report, reportView(report), scoresCsv(report), decisionsCsv(report), paymentsCsv(report)]);
    expect(everything).not.toMatch(/@|\.example|Joanne Price|Susan Reed|Keith Morgan|Nadia Flores|Owen Hughes/);
  });

  it("gives the spreadsheets an auditor re-adds: every sheet version, every decision, every payment", async () => {
    const report = (await decisionReport(past.eventId, now))!;
    const scores = scoresCsv(report).trimEnd().split("\r\n");
    expect(scores[0]).toBe(
      "Pitch reference,Group,Panellist,Version,Latest version,Sent at (Europe/London)," +
        '"Need (1-5, weight 3)","Difference (1-5, weight 2)","Deliverability (1-5, weight 2)","Value for money (1-5, weight 1)",Counted,Comment',
    );
    expect(scores).toHaveLength(21);
    expect(scores[1]).toMatch(new RegExp(`^${past.bids.shed.reference},Thornbury Men's Shed,Ruth Evans,1,Yes,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,4,4,4,3,Counted,$`));
    expect(scores).toContainEqual(expect.stringMatching(/,Malik Hussain,1,No,.*,3,3,3,3,Replaced by a later version,Not sure the group/));

    const decisions = decisionsCsv(report).trimEnd().split("\r\n");
    expect(decisions).toHaveLength(6);
    expect(decisions[1]).toMatch(new RegExp(`^1,${past.bids.larder.reference},Thornbury Community Larder,.*,Funded in full,1500.00,`));
    expect(decisions[3]).toContain(`,Funded in full,2400.00,`);
    expect(decisions[3]).toContain(`,Part-funded,2000.00,Yes,"${SHED_OVERRIDE_REASON}",`);

    const payments = paymentsCsv(report).trimEnd().split("\r\n");
    expect(payments).toHaveLength(3);
    expect(payments[1]).toMatch(/,Cheque,1800.00,Paid,Fran Funder,.*,Frank Second-Funder,.*,Yes,,004217,\d{4}-\d\d-\d\d,award-.*-payment-1,,1$/);
    // The months after the award: the hall's £1,800 paid by cheque in its one instalment, on acceptance.
    const hall = decisions.find((line) => line.includes(past.bids.hall.reference))!;
    expect(hall).toMatch(/,"£1,800 on acceptance \(paid \d+ \w+ \d{4}\)",\d{4}-\d\d-\d\d,\d{4}-\d\d-\d\d,1800\.00,Paid$/);
    const view = reportView(report);
    expect(view.awards.find((a) => a.reference === past.bids.hall.reference)).toMatchObject({ disbursed: "£1,800", outcome: "Paid", planned: expect.stringMatching(/\(12 months\)$/) });
  });

  it("lists every event for the auditor with what it awarded", async () => {
    const events = await reportableEvents();
    expect(events).toContainEqual(
      expect.objectContaining({ id: past.eventId, title: "Summer pitch night", state: "DECIDED", pitches: 5, decisions: 5, awardedPence: 530_000 }),
    );
  });

  // Last: it breaks the log for the rest of this file.
  it("says plainly when the audit log no longer verifies", async () => {
    const before = (await decisionReport(past.eventId, now))!;
    expect(before.audit.chain.ok).toBe(true);
    expect(before.audit.eventEntries).toBeGreaterThan(40);
    const decision = before.decisions.find((d) => d.overrideReason)!;
    const entry = decision.trail[0].seq;
    await db().$executeRawUnsafe(`UPDATE "AuditEntry" SET payload = jsonb_set(payload, '{amountPence}', '240000') WHERE seq = ${entry}`);
    const after = reportView((await decisionReport(past.eventId, now))!);
    expect(after.audit.ok).toBe(false);
    expect(after.audit.chain).toBe(`BROKEN at entry #${entry}: its content does not match its hash: it was changed after it was written.`);
    expect(after.findings[0]).toMatchObject({ tone: "problem", title: "The audit log does NOT verify" });
  });
});

import { decisionsCsv, paymentsCsv, scoresCsv } from "~/domain/decision-report-csv";
import { canReadDecisionReport, type DecisionReport } from "~/domain/decision-report";
import { approvedByTwoPeople, reportFindings, sheetStanding } from "~/domain/decision-report-findings";
import { reportView } from "~/domain/decision-report-view";

// What the report concludes from the facts: the findings an auditor reads first, including the
// ones the models make impossible today (a payment approved by the person who asked for it),
// because the report must still say so if old or imported data holds one.

const at = (iso: string) => new Date(iso);
const fran = { id: "u-fran", name: "Fran Funder" };
const frank = { id: "u-frank", name: "Frank Second-Funder" };
const keepsRules = { ruleBreaches: [], ruleExceptionReason: null, exceptionApprovedBy: null, exceptionApprovedAt: null };

function report(overrides: Partial<DecisionReport> = {}): DecisionReport {
  return {
    generatedAt: at("2027-06-01T09:00:00Z"),
    event: { id: "e1", title: "Pitch night", startsAt: at("2027-05-14T17:30:00Z"), venue: "Town Hall", state: "DECIDED", resultsRevealedAt: null },
    fund: { id: "f1", name: "Chest", funderName: "Council", currency: "GBP", timeZone: "Europe/London", potPence: 500_000 },
    fundCommittedPence: 300_000,
    round: {
      id: "r1",
      title: "Spring",
      slug: "spring",
      rule: {
        panelWeightPercent: 100,
        audienceWeightPercent: 0,
        normaliseScores: false,
        quorum: 1,
        partFundingAllowed: false,
        partFundingMinPercent: 50,
        tieBreak: "HIGHER_PANEL_SCORE",
        audienceMode: "NONE",
        audienceVotesPerPerson: 1,
      },
      criteria: [{ id: "c1", name: "Need", guidance: "", weight: 1, scaleMin: 1, scaleMax: 5 }],
    },
    pitches: [
      { bidId: "b1", reference: "PD-2027-0001", groupName: "Allotments", projectTitle: "Polytunnel", amountRequestedPence: 200_000, status: "FUNDED", position: 0, slotState: "LOCKED", lockedAt: null },
      { bidId: "b2", reference: "PD-2027-0002", groupName: "Choir", projectTitle: "Keyboard", amountRequestedPence: 100_000, status: "FUNDED", position: 1, slotState: "LOCKED", lockedAt: null },
    ],
    panel: [{ id: "p1", name: "Ruth Evans", status: "JOINED", invitedAt: at("2027-05-01T09:00:00Z"), joinedAt: at("2027-05-14T17:00:00Z"), revokedAt: null }],
    conflicts: [],
    sheets: [],
    ranking: null,
    audience: [],
    decisions: [
      {
        id: "d1",
        bidId: "b1",
        proposedOutcome: "FUNDED",
        proposedAmountPence: 200_000,
        proposalReason: "Ranked 1st and fits the pot.",
        outcome: "FUNDED",
        amountPence: 200_000,
        overrideReason: null,
        feedback: "",
        decidedBy: fran,
        decidedAt: at("2027-05-14T20:00:00Z"),
        ...keepsRules,
        trail: [],
      },
      {
        id: "d2",
        bidId: "b2",
        proposedOutcome: "NOT_FUNDED",
        proposedAmountPence: 0,
        proposalReason: "Does not fit.",
        outcome: "FUNDED",
        amountPence: 100_000,
        overrideReason: "The panel asked for it.",
        feedback: "",
        decidedBy: fran,
        decidedAt: at("2027-05-14T20:01:00Z"),
        ...keepsRules,
        trail: [],
      },
    ],
    awards: [],
    payments: [
      {
        id: "pay1",
        awardId: "a1",
        bidId: "b1",
        method: "CHEQUE",
        amountPence: 200_000,
        status: "PAID",
        idempotencyKey: "award-a1-payment-1",
        providerId: null,
        reference: "000123",
        paidOn: at("2027-05-20T00:00:00Z"),
        failureReason: null,
        requestedBy: fran,
        requestedAt: at("2027-05-15T09:00:00Z"),
        approvedBy: frank,
        approvedAt: at("2027-05-15T10:00:00Z"),
        decidedById: fran.id,
        trail: [],
      },
    ],
    audit: { chain: { ok: true, count: 10, head: { seq: 10, hash: "a".repeat(64) } }, checkpoint: null, eventEntries: 6 },
    ...overrides,
  };
}

const titles = (r: DecisionReport) => reportFindings(r).map((f) => `${f.tone}: ${f.title}`);

describe("who may read the report", () => {
  it("lets auditors, administrators and funders read it, and nobody else", () => {
    expect(canReadDecisionReport({ id: "x", roles: ["AUDITOR"] })).toBe(true);
    expect(canReadDecisionReport({ id: "x", roles: ["ADMIN"] })).toBe(true);
    expect(canReadDecisionReport({ id: "x", roles: ["FUNDER"] })).toBe(true);
    expect(canReadDecisionReport({ id: "x", roles: ["ORGANISER"] })).toBe(false);
    expect(canReadDecisionReport({ id: "x", roles: [] })).toBe(false);
    expect(canReadDecisionReport(null)).toBe(false);
  });
});

describe("findings", () => {
  it("are all well for a clean event with one reasoned override", () => {
    expect(titles(report())).toEqual([
      "ok: The audit log verifies",
      "ok: Every payment was approved by a second funder",
      "attention: 1 decision departs from the proposal, with a reason",
      "ok: No conflicts of interest declared",
    ]);
  });

  it("flag a payment approved by whoever asked for it, or by whoever made the decision", () => {
    const self = report();
    self.payments[0] = { ...self.payments[0], approvedBy: fran, requestedBy: frank };
    expect(approvedByTwoPeople(self.payments[0])).toBe(false);
    expect(titles(self)).toContain("problem: A payment was not approved by a second person");
    expect(reportFindings(self)[1].detail).toBe("PD-2027-0001: approved by the person who asked for it or who made the decision.");

    const asker = report();
    asker.payments[0] = { ...asker.payments[0], requestedBy: frank, approvedBy: frank, decidedById: "u-other" };
    expect(titles(asker)).toContain("problem: A payment was not approved by a second person");
    expect(paymentsCsv(asker)).toContain(",Frank Second-Funder,2027-05-15 11:00,No,");
  });

  it("say which payments still wait for a second funder", () => {
    const waiting = report();
    waiting.payments.push({ ...waiting.payments[0], id: "pay2", bidId: "b2", status: "REQUESTED", approvedBy: null, approvedAt: null });
    const finding = reportFindings(waiting).find((f) => f.title === "Every payment was approved by a second funder")!;
    expect(finding.tone).toBe("attention");
    expect(finding.detail).toBe(
      "1 payment approved by someone other than who asked for it and who made the decision; 1 payment still waiting for approval (PD-2027-0002).",
    );
  });

  it("flag a departure from the proposal with no reason", () => {
    const r = report();
    r.decisions[1] = { ...r.decisions[1], overrideReason: "  " };
    expect(titles(r)).toContain("problem: A decision departs from the proposal without a reason");
  });

  it("name each rule breach, by how much, and who approved the exception (page, CSV)", () => {
    const r = report();
    const share = {
      rule: "part-funding-minimum-share" as const,
      message: "Part-funded at 21 % of the ask; the round's minimum is 50 % (£1,400 below)",
      by: 140_000,
      unit: "pence" as const,
      exceptionAllowed: true,
    };
    r.decisions[1] = { ...r.decisions[1], outcome: "PART_FUNDED", ruleBreaches: [share], ruleExceptionReason: "The hall hire is covered by the parish." };
    const pending = reportFindings(r).find((f) => f.title.startsWith("PD-2027-0002: rule breach"))!;
    expect(pending).toEqual({
      tone: "problem",
      title: "PD-2027-0002: rule breach (1 rule of the round broken)",
      detail:
        "Part-funded at 21 % of the ask; the round's minimum is 50 % (£1,400 below). Reason for the exception: The hall hire is covered by the parish. Not approved by a second funder (decided by Fran Funder).",
    });

    r.decisions[1] = { ...r.decisions[1], exceptionApprovedBy: frank, exceptionApprovedAt: at("2027-05-14T20:05:00Z") };
    const approved = reportFindings(r).find((f) => f.title.startsWith("PD-2027-0002: rule breach"))!;
    expect(approved.tone).toBe("attention");
    expect(approved.detail).toContain("Approved as an exception by Frank Second-Funder, 14 May 2027");
    expect(reportView(r).decisions[1].ruleBreach).toMatch(/^Part-funded at 21 % of the ask; .*Exception approved by Frank Second-Funder/);
    expect(decisionsCsv(r)).toContain("Part-funded at 21 % of the ask; the round's minimum is 50 % (£1,400 below). Exception approved by Frank Second-Funder");
    expect(reportView(report()).decisions.every((d) => d.ruleBreach === "")).toBe(true);
  });

  it("flag a broken chain and a log that no longer matches its checkpoint", () => {
    const broken = report({
      audit: {
        chain: { ok: false, count: 10, firstBadSeq: 4, index: 3, reason: "its content does not match its hash: it was changed after it was written" },
        checkpoint: {
          seq: 8,
          hash: "b".repeat(64),
          createdAt: at("2027-05-30T09:00:00Z"),
          verdict: { ok: false, kind: "broken", checkpoint: { seq: 8, hash: "b".repeat(64) }, firstBadSeq: 4, reason: "changed" },
        },
        eventEntries: 6,
      },
    });
    expect(titles(broken).slice(0, 2)).toEqual(["problem: The audit log does NOT verify", "problem: The log does not match its last checkpoint"]);
    expect(reportView(broken).audit).toMatchObject({ ok: false, chain: expect.stringMatching(/^BROKEN at entry #4: /) });
  });

  it("flag decisions not yet confirmed, pitches without one, and an overspent fund", () => {
    const r = report({ fundCommittedPence: 600_000 });
    r.pitches = [{ ...r.pitches[0], status: "SHORTLISTED" }, { ...r.pitches[1], status: "SHORTLISTED" }, { ...r.pitches[1], bidId: "b3", reference: "PD-2027-0003", status: "SHORTLISTED" }];
    const findings = reportFindings(r);
    expect(findings.find((f) => f.title === "Decisions are not final yet")?.detail).toBe(
      "no decision yet on PD-2027-0003; not yet confirmed: PD-2027-0001 and PD-2027-0002",
    );
    expect(findings.find((f) => f.title === "The fund is overspent")?.detail).toBe("£6,000 committed against a pot of £5,000.");
  });

  it("say when a sheet sent before a conflict was declared was left out", () => {
    const r = report({
      conflicts: [{ panellistId: "p1", bidId: "b1", reason: "Trustee", declaredAt: at("2027-05-14T18:00:00Z") }],
      sheets: [{ id: "s1", panellistId: "p1", bidId: "b1", version: 1, current: true, submittedAt: at("2027-05-14T17:50:00Z"), comment: "", items: [{ criterionId: "c1", value: 5 }] }],
    });
    const finding = reportFindings(r).find((f) => f.title === "1 conflict of interest declared")!;
    expect(finding).toEqual({
      tone: "attention",
      title: "1 conflict of interest declared",
      detail: "Ruth Evans on PD-2027-0001. 1 sheet sent before the conflict was declared was left out of the counts.",
    });
    expect(sheetStanding(r, r.sheets[0])).toEqual({ counted: false, text: "Not counted: the panellist declared a conflict of interest" });
    expect(scoresCsv(r)).toContain("PD-2027-0001,Allotments,Ruth Evans,1,Yes,2027-05-14 18:50,5,Not counted: the panellist declared a conflict of interest,");
  });
});

describe("the report in words", () => {
  it("shows times in the fund's time zone and amounts in pounds", () => {
    const view = reportView(report());
    expect(view.event.when).toBe("14 May 2027 at 18:30");
    expect(view.payments[0]).toMatchObject({
      amount: "£2,000",
      requested: "15 May 2027 at 10:00 by Fran Funder",
      approved: "15 May 2027 at 11:00 by Frank Second-Funder",
      paidOn: "20 May 2027",
      twoPeople: true,
    });
    expect(view.money).toEqual({ pot: "£5,000", decided: "£3,000", awarded: "£0", paid: "£2,000", fundRemaining: "£2,000" });
  });

  it("guards spreadsheet cells a person typed against running as formulas", () => {
    const r = report();
    r.payments[0] = { ...r.payments[0], reference: "=HYPERLINK(\"http://x\")" };
    expect(paymentsCsv(r)).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });
});

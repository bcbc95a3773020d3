import { createHash } from "node:crypto";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { emptyFormValues, type BidFormValues } from "~/domain/bid";
import { bidStatusView } from "~/domain/bid-status-view";
import { verifyAuditLog, auditEntriesFor } from "~/models/audit.server";
import {
  bidAnswers,
  bidVersions,
  findBidByToken,
  reissueLink,
  saveBid,
  startBid,
  submissionProblems,
  submitBid,
  takeIntakeAttempt,
  withdrawBid,
} from "~/models/bid.server";
import { listMail } from "~/models/mail.server";
import { messageIn } from "~/i18n/errors.server";

useTestDatabase();

const NOW = new Date("2027-01-15T10:00:00Z");
const CLOSES = new Date("2027-02-12T17:00:00Z");
let fundId: string;
let rounds = 0;

beforeAll(async () => {
  const fund = await db().fund.create({
    data: {
      name: "Test Chest",
      potPence: 1_000_000,
      minAwardPence: 20_000,
      maxAwardPence: 500_000,
      funderName: "Test Council",
      funderOrgId: "GB-LAE-TST",
      grantIdPrefix: "360G-test",
    },
  });
  fundId = fund.id;
});

async function makeRound(window: { opensAt?: Date; closesAt?: Date } = {}) {
  rounds += 1;
  return db().round.create({
    data: {
      fundId,
      title: `Round ${rounds}`,
      slug: `round-${rounds}`,
      opensAt: window.opensAt ?? new Date("2027-01-01T00:00:00Z"),
      closesAt: window.closesAt ?? CLOSES,
    },
  });
}

function complete(overrides: Partial<BidFormValues> = {}): BidFormValues {
  return {
    ...emptyFormValues(),
    groupName: "Thornbury Allotment Society",
    groupType: "REGISTERED_CHARITY",
    charityNumber: "1123456",
    area: "BS35 2AA",
    contactName: "Jo Green",
    contactEmail: "jo@example.org",
    contactPhone: "01632 960001",
    projectTitle: "A polytunnel for the community plot",
    summary: "We will put up a polytunnel.",
    difference: "Members can grow all year.",
    beneficiaries: "Plot holders",
    beneficiaryCount: "120",
    amountRequested: "1500",
    budget: [
      { item: "Polytunnel kit", amount: "1200" },
      { item: "Staging", amount: "300" },
    ],
    startDate: "2027-03-01",
    endDate: "2027-09-30",
    ...overrides,
  };
}

function linkIn(text: string) {
  const match = /\/bid\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no private link in: ${text}`);
  return match[1];
}

async function started(slug: string, values = complete(), intent: "draft" | "continue" = "draft", now = NOW) {
  const result = await startBid({ slug, values, intent, now });
  if (!result.ok) throw new Error(`could not start: ${JSON.stringify(result)}`);
  return result;
}

describe("a bid from draft to submission to edits", () => {
  it("keeps a version snapshot of each submission and edit, without contact details, and audits each step", async () => {
    const round = await makeRound();
    const { bid, token } = await started(round.slug, { ...emptyFormValues(), groupName: "Knit and Natter", contactEmail: "Knit@Example.org" });
    expect(bid).toMatchObject({ status: "DRAFT", version: 0, groupName: "Knit and Natter" });
    expect(bid.reference).toMatch(/^PD-2027-\d{4}$/);

    const mail = await listMail({ to: "knit@example.org" });
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`Your draft bid ${bid.reference}: link to come back to it`);
    expect(linkIn(mail[0].text)).toBe(token);

    // An incomplete draft cannot be submitted; the problems say what is missing.
    const early = await submitBid({ token, now: NOW });
    expect(early).toMatchObject({ ok: false, kind: "invalid" });
    expect(early.ok ? {} : "errors" in early ? early.errors : {}).toHaveProperty("projectTitle", { key: "apply.error.projectTitle.missing" });

    const saved = await saveBid({ token, values: complete({ contactEmail: "knit@example.org" }), intent: "continue", now: NOW });
    expect(saved).toMatchObject({ ok: true, version: 0 });
    expect(submissionProblems((await findBidByToken(token))!, NOW)).toEqual({});

    const submitted = await submitBid({ token, now: NOW });
    expect(submitted).toMatchObject({ ok: true, alreadySubmitted: false, bid: { status: "SUBMITTED", version: 1 } });
    const again = await submitBid({ token, now: NOW });
    expect(again).toMatchObject({ ok: true, alreadySubmitted: true, bid: { version: 1 } });

    const edited = await saveBid({ token, values: complete({ contactEmail: "knit@example.org", amountRequested: "1400", budget: [{ item: "Polytunnel kit", amount: "1400" }] }), intent: "save", now: NOW });
    expect(edited).toMatchObject({ ok: true, version: 2, bid: { amountRequestedPence: 140_000, status: "SUBMITTED" } });
    const stored = await findBidByToken(token);
    expect(stored?.budgetLines.map((l) => [l.item, l.amountPence])).toEqual([["Polytunnel kit", 140_000]]);

    const versions = await bidVersions(bid.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].snapshot).toMatchObject({ amountRequestedPence: 150_000, budgetLines: [{ item: "Polytunnel kit" }, { item: "Staging" }] });
    expect(versions[1].snapshot).toMatchObject({ amountRequestedPence: 140_000, version: 2 });
    expect(JSON.stringify(versions)).not.toMatch(/knit@example\.org|Jo Green|01632/i);

    const audit = await auditEntriesFor("bid", bid.id);
    expect(audit.map((e) => [e.action, e.payload])).toEqual([
      ["bid.draft_saved", { reference: bid.reference, version: 0, language: "en" }],
      ["bid.draft_saved", { reference: bid.reference, version: 0, language: "en" }],
      ["bid.submitted", { reference: bid.reference, version: 1, amountRequestedPence: 150_000, language: "en" }],
      ["bid.edited", { reference: bid.reference, version: 2, amountRequestedPence: 140_000, language: "en" }],
    ]);
    expect(audit.every((e) => e.actorType === "group" && e.actorId === bid.id)).toBe(true);
    expect((await verifyAuditLog()).ok).toBe(true);

    const received = await listMail({ to: "knit@example.org" });
    expect(received.map((m) => m.subject)).toEqual([`Bid received: ${bid.reference}`, `Your draft bid ${bid.reference}: link to come back to it`]);
    expect(received[0].text).toMatch(/asking for £1,500/);
  });

  it("refuses an edit of a submitted bid that breaks a rule, and changes nothing", async () => {
    const round = await makeRound();
    const { token } = await started(round.slug, complete(), "continue");
    await submitBid({ token, now: NOW });
    const refused = await saveBid({ token, values: complete({ amountRequested: "9000" }), intent: "save", now: NOW });
    expect(refused).toEqual({ ok: false, kind: "invalid", errors: expect.objectContaining({ amountRequested: { key: "apply.error.amountRequested.tooMuch", pence: { max: 500_000 } } }) });
    expect((await findBidByToken(token))?.version).toBe(1);
  });

  it("lets an edit keep a start date that has passed since submission", async () => {
    const round = await makeRound({ closesAt: new Date("2027-04-01T17:00:00Z") });
    const { token } = await started(round.slug, complete(), "continue");
    await submitBid({ token, now: NOW });
    const later = new Date("2027-03-05T10:00:00Z");
    expect(await saveBid({ token, values: complete({ summary: "Still going." }), intent: "save", now: later })).toMatchObject({ ok: true, version: 2 });
    const moved = await saveBid({ token, values: complete({ startDate: "2027-03-02" }), intent: "save", now: later });
    expect(moved).toMatchObject({ ok: false, errors: { startDate: { key: "apply.error.startDate.past" } } });
  });

  it("gives each of several simultaneous edits its own version", async () => {
    const round = await makeRound();
    const { token, bid } = await started(round.slug, complete(), "continue");
    await submitBid({ token, now: NOW });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => saveBid({ token, values: complete({ summary: `Edit ${i}` }), intent: "save", now: NOW })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await bidVersions(bid.id)).map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("references", () => {
  it("are unique and consecutive when 20 groups submit at the same moment", async () => {
    // A year of its own, so other tests' bids do not share the counter.
    const now = new Date("2031-06-01T12:00:00Z");
    const round = await makeRound({ opensAt: new Date("2031-05-01T00:00:00Z"), closesAt: new Date("2031-07-01T00:00:00Z") });
    const values = complete({ startDate: "2031-08-01", endDate: "2031-12-01" });
    const results = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const start = await started(round.slug, { ...values, groupName: `Group ${i}` }, "continue", now);
        return submitBid({ token: start.token, now });
      }),
    );
    const references = results.map((r) => (r.ok ? r.bid.reference : "failed")).sort();
    expect(references).toEqual(Array.from({ length: 20 }, (_, i) => `PD-2031-${String(i + 1).padStart(4, "0")}`));
    expect((await verifyAuditLog()).ok).toBe(true);
  });
});

describe("private links", () => {
  it("find the bid by its token; the database holds only the token's sha256", async () => {
    const round = await makeRound();
    const { token, bid } = await started(round.slug);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db().bid.findUniqueOrThrow({ where: { id: bid.id } });
    expect(row.editTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await findBidByToken(token))?.id).toBe(bid.id);
    expect(await findBidByToken(token.slice(0, 42) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await findBidByToken("short")).toBeNull();
    expect(await findBidByToken("x".repeat(10_000))).toBeNull();
  });

  it("are reissued only to the bid's own email and reference, and the old link stops working", async () => {
    const round = await makeRound();
    const { token, bid } = await started(round.slug, complete({ contactEmail: "lost@example.org" }));
    const mailBefore = (await listMail({ to: "lost@example.org" })).length;

    await reissueLink({ slug: round.slug, email: "someone-else@example.org", reference: bid.reference });
    await reissueLink({ slug: round.slug, email: "lost@example.org", reference: "PD-2027-9999" });
    await reissueLink({ slug: "another-round", email: "lost@example.org", reference: bid.reference });
    expect(await findBidByToken(token)).not.toBeNull();
    expect(await listMail({ to: "lost@example.org" })).toHaveLength(mailBefore);

    const typed = bid.reference.toLowerCase().replace(/-0+/, " ");
    await reissueLink({ slug: round.slug, email: "  LOST@example.org ", reference: typed });
    const [latest] = await listMail({ to: "lost@example.org" });
    expect(latest.subject).toBe(`A new link to your bid ${bid.reference}`);
    const fresh = linkIn(latest.text);
    expect(fresh).not.toBe(token);
    expect(await findBidByToken(token)).toBeNull();
    expect((await findBidByToken(fresh))?.id).toBe(bid.id);
    expect((await auditEntriesFor("bid", bid.id)).map((e) => e.action)).toContain("bid.link_reissued");
  });
});

describe("the deadline", () => {
  it("locks drafts and submitted bids when the round closes, but a withdrawal still goes through", async () => {
    const round = await makeRound();
    const draft = await started(round.slug, complete(), "continue");
    const sent = await started(round.slug, complete(), "continue");
    await submitBid({ token: sent.token, now: NOW });

    const atClose = CLOSES;
    expect(await submitBid({ token: draft.token, now: atClose })).toEqual({
      ok: false,
      kind: "locked",
      message: "bid.locked.draftClosed",
    });
    expect(await saveBid({ token: sent.token, values: complete({ summary: "Too late" }), intent: "save", now: atClose })).toEqual({
      ok: false,
      kind: "locked",
      message: "bid.locked.closed",
    });
    expect((await findBidByToken(sent.token))?.summary).toBe("We will put up a polytunnel.");
    expect(await withdrawBid({ token: sent.token, now: atClose })).toMatchObject({ ok: true, bid: { status: "WITHDRAWN" } });
  });

  it("turns new bids away before a round opens and after it closes", async () => {
    const round = await makeRound({ opensAt: new Date("2027-02-01T09:00:00Z") });
    const early = await startBid({ slug: round.slug, values: complete(), intent: "draft", now: NOW });
    expect(early).toEqual({ ok: false, kind: "closed" });
    const late = await startBid({ slug: round.slug, values: complete(), intent: "draft", now: CLOSES });
    expect(late).toEqual({ ok: false, kind: "closed" });
    expect(await startBid({ slug: "no-such-round", values: complete(), intent: "draft", now: NOW })).toEqual({ ok: false, kind: "not_found" });
  });
});

describe("withdrawal", () => {
  it("is final: a withdrawn bid cannot be edited or submitted, and the group gets an email", async () => {
    const round = await makeRound();
    const { token, bid } = await started(round.slug, complete({ contactEmail: "bye@example.org" }), "continue");
    await submitBid({ token, now: NOW });
    expect(await withdrawBid({ token, now: NOW })).toMatchObject({ ok: true, bid: { status: "WITHDRAWN" } });
    expect(await withdrawBid({ token, now: NOW })).toMatchObject({ ok: true });
    expect(await saveBid({ token, values: complete(), intent: "save", now: NOW })).toMatchObject({ ok: false, kind: "locked", message: "bid.locked.withdrawn" });
    expect(await submitBid({ token, now: NOW })).toMatchObject({ ok: false, kind: "locked" });
    const actions = (await auditEntriesFor("bid", bid.id)).map((e) => e.action);
    expect(actions.filter((a) => a === "bid.withdrawn")).toHaveLength(1);
    expect((await listMail({ to: "bye@example.org" }))[0].subject).toBe(`Bid withdrawn: ${bid.reference}`);
  });
});

describe("spam limits", () => {
  it("allow 10 bids an hour from one address, then say when to try again", async () => {
    const at = new Date("2027-01-15T10:15:00Z");
    for (let i = 0; i < 10; i++) expect(await takeIntakeAttempt("start", "198.51.100.7", at)).toBeNull();
    const refused = await takeIntakeAttempt("start", "198.51.100.7", at);
    expect(refused).toEqual({ key: "apply.limit.start", values: { minutes: 45 } });
    expect(messageIn("en", refused!)).toBe(
      "Too many bids have been started from this connection in the last hour. To protect the fund from spam, please try again in 45 minutes. Nothing you typed has been lost.",
    );
    expect(messageIn("cy", refused!)).toMatch(/^Mae gormod o geisiadau wedi’u dechrau o’r cysylltiad hwn .* ymhen 45 munud\./);
    expect(await takeIntakeAttempt("start", "198.51.100.8", at)).toBeNull();
    expect(await takeIntakeAttempt("submit", "198.51.100.7", at)).toBeNull();
    expect(await takeIntakeAttempt("start", "198.51.100.7", new Date("2027-01-15T11:00:00Z"))).toBeNull();
  });
});

describe("the status page's view", () => {
  it("shows the organiser's reason when a bid is not shortlisted, in London time, with nothing left to change", async () => {
    const round = await makeRound();
    const { token, bid } = await started(round.slug, complete(), "continue");
    await submitBid({ token, now: NOW });
    await db().bid.update({ where: { id: bid.id }, data: { status: "DECLINED", statusReason: "The panel wanted more evidence of need." } });
    const view = bidStatusView((await findBidByToken(token))!, NOW);
    expect(view).toMatchObject({
      reference: bid.reference,
      status: "DECLINED",
      statusReason: "The panel wanted more evidence of need.",
      amount: { pence: 150_000, currency: "GBP" },
      round: { closes: { at: "2027-02-12T17:00:00.000Z", timeZone: "Europe/London" }, phase: "open" },
      access: { canEdit: false, canWithdraw: false, lockedKey: "bid.locked.considered" },
    });
    expect(JSON.stringify(view)).not.toMatch(/editTokenHash|[0-9a-f]{64}/);
    const answers = bidAnswers((await findBidByToken(token))!);
    expect(answers.find((a) => a.field === "budget")?.value).toBe("Polytunnel kit: £1,200\nStaging: £300\nTotal: £1,500");
    expect(answers.find((a) => a.field === "charityNumber")?.value).toBe("1123456");
  });
});

import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { verifyAuditLog } from "~/models/audit.server";
import { declineBid, resetBidStatus, reviewBid, shortlistBid } from "~/models/shortlist.server";
import { auditFor, makeBid, makeEvent, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";

useTestDatabase();

async function setup() {
  const { actor } = await makeOrganiser();
  const fund = await makeFund(actor);
  const round = await makeRound(fund.id, actor);
  return { actor, round };
}

function statusOf(bidId: string) {
  return db().bid.findUniqueOrThrow({ where: { id: bidId }, select: { status: true, statusReason: true } });
}

describe("shortlisting", () => {
  it("shortlists a submitted bid with an optional reason the group sees, and audits it", async () => {
    const { actor, round } = await setup();
    const bid = await makeBid(round.id);
    expect(await shortlistBid(bid.id, "Clear need and a realistic budget", actor)).toEqual({ ok: true, status: "SHORTLISTED" });
    expect(await statusOf(bid.id)).toEqual({ status: "SHORTLISTED", statusReason: "Clear need and a realistic budget" });
    const [entry] = await auditFor("bid", bid.id);
    expect(entry).toMatchObject({ action: "bid.shortlisted", actorType: "user", actorId: actor.id });
    expect(entry.payload).toEqual({ reference: bid.reference, reason: "Clear need and a realistic budget" });

    const quiet = await makeBid(round.id);
    expect(await shortlistBid(quiet.id, "", actor)).toMatchObject({ ok: true });
    expect(await statusOf(quiet.id)).toEqual({ status: "SHORTLISTED", statusReason: null });
  });

  it("declines a submitted bid only with a reason, which the group sees", async () => {
    const { actor, round } = await setup();
    const bid = await makeBid(round.id);
    expect(await declineBid(bid.id, "  ", actor)).toEqual({ ok: false, error: "A reason is needed for this decision." });
    expect(await statusOf(bid.id)).toEqual({ status: "SUBMITTED", statusReason: null });
    expect(await declineBid(bid.id, "Outside the fund's area", actor)).toEqual({ ok: true, status: "DECLINED" });
    expect(await statusOf(bid.id)).toEqual({ status: "DECLINED", statusReason: "Outside the fund's area" });
    expect((await auditFor("bid", bid.id)).map((e) => [e.action, (e.payload as { reason: string }).reason])).toEqual([
      ["bid.declined", "Outside the fund's area"],
    ]);
  });

  it.each(["DRAFT", "WITHDRAWN", "SHORTLISTED", "DECLINED", "FUNDED", "NOT_FUNDED"] as const)(
    "refuses to shortlist or decline a bid that is %s, and writes nothing",
    async (status) => {
      const { actor, round } = await setup();
      const bid = await makeBid(round.id, { status });
      const shortlisted = await shortlistBid(bid.id, "", actor);
      expect(shortlisted).toMatchObject({ ok: false, error: expect.stringMatching(/^Only submitted bids can be shortlisted\./) });
      expect(await declineBid(bid.id, "No", actor)).toMatchObject({ ok: false, error: expect.stringMatching(/^Only submitted bids can be declined\./) });
      expect((await statusOf(bid.id)).status).toBe(status);
      expect(await auditFor("bid", bid.id)).toEqual([]);
    },
  );

  it("names the bid's status when refusing", async () => {
    const { actor, round } = await setup();
    const bid = await makeBid(round.id, { status: "WITHDRAWN" });
    expect(await shortlistBid(bid.id, "", actor)).toEqual({ ok: false, error: "Only submitted bids can be shortlisted. This bid is withdrawn." });
  });

  it("reports a bid that does not exist", async () => {
    const { actor } = await setup();
    expect(await shortlistBid("no-such-bid", "", actor)).toEqual({ ok: false, notFound: true });
  });

  it("lets exactly one of two organisers deciding at the same moment win", async () => {
    const { actor, round } = await setup();
    const { actor: other } = await makeOrganiser("Second Organiser");
    const bid = await makeBid(round.id);
    const results = await Promise.all([
      reviewBid(bid.id, { decision: "shortlist", reason: "Yes" }, actor),
      reviewBid(bid.id, { decision: "decline", reason: "No" }, other),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const entries = await auditFor("bid", bid.id);
    expect(entries).toHaveLength(1);
    const winner = results.find((r) => r.ok) as { status: string };
    expect((await statusOf(bid.id)).status).toBe(winner.status);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });
});

describe("telling the group", () => {
  function mailTo(email: string) {
    return db().mailMessage.findMany({ where: { to: email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  }

  it("emails the group when its bid is shortlisted or declined, with the organisers' reason", async () => {
    const { actor, round } = await setup();
    const yes = await makeBid(round.id, { contact: { name: "Ada", email: "ada@example.test" } });
    const no = await makeBid(round.id, { contact: { name: "Bo", email: "bo@example.test" } });
    await shortlistBid(yes.id, "Lovely idea", actor);
    await declineBid(no.id, "Outside the fund's area", actor);
    const [toAda] = await mailTo("ada@example.test");
    expect(toAda.subject).toBe(`Shortlisted: ${yes.reference}`);
    expect(toAda.text).toContain("Hello Ada,");
    expect(toAda.text).toContain("Lovely idea");
    const [toBo] = await mailTo("bo@example.test");
    expect(toBo.subject).toBe(`Your bid ${no.reference} has not been shortlisted`);
    expect(toBo.text).toContain("The organisers' reason:\nOutside the fund's area");
  });

  it("sends nothing when the decision is refused or the contact was erased", async () => {
    const { actor, round } = await setup();
    const withdrawn = await makeBid(round.id, { status: "WITHDRAWN", contact: { name: "Cy", email: "cy@example.test" } });
    await shortlistBid(withdrawn.id, "", actor);
    expect(await mailTo("cy@example.test")).toEqual([]);
    const erased = await makeBid(round.id, { contact: { name: "Di", email: "di@example.test" } });
    await db().bidContact.update({ where: { bidId: erased.id }, data: { erasedAt: new Date() } });
    expect(await declineBid(erased.id, "No", actor)).toMatchObject({ ok: true });
    expect(await mailTo("di@example.test")).toEqual([]);
  });

  it("tells the group when a decision is undone", async () => {
    const { actor, round } = await setup();
    const bid = await makeBid(round.id, { contact: { name: "Ed", email: "ed@example.test" } });
    await declineBid(bid.id, "Outside the area", actor);
    await resetBidStatus(bid.id, "Misread the area", actor);
    const mails = await mailTo("ed@example.test");
    expect(mails.map((m) => m.subject)).toEqual([
      `Your bid ${bid.reference} has not been shortlisted`,
      `Your bid ${bid.reference} is being looked at again`,
    ]);
    expect(mails[1].text).not.toContain("Misread the area");
  });
});

describe("undoing a shortlist decision", () => {
  it("puts a declined bid back to submitted, clears what the group sees and audits where it came from", async () => {
    const { actor, round } = await setup();
    const bid = await makeBid(round.id);
    await declineBid(bid.id, "Outside the area", actor);
    expect(await resetBidStatus(bid.id, "Area was misread: Alveston is in", actor)).toEqual({ ok: true, status: "SUBMITTED" });
    expect(await statusOf(bid.id)).toEqual({ status: "SUBMITTED", statusReason: null });
    const last = (await auditFor("bid", bid.id)).at(-1);
    expect(last).toMatchObject({ action: "bid.status_reset" });
    expect(last?.payload).toEqual({ reference: bid.reference, from: "DECLINED", reason: "Area was misread: Alveston is in" });
    expect(await shortlistBid(bid.id, "", actor)).toMatchObject({ ok: true });
  });

  it("needs a reason, and refuses bids that were never decided", async () => {
    const { actor, round } = await setup();
    const bid = await makeBid(round.id);
    expect(await resetBidStatus(bid.id, "", actor)).toMatchObject({ ok: false });
    expect(await resetBidStatus(bid.id, "Because", actor)).toEqual({
      ok: false,
      error: "This bid is submitted, so there is no shortlist decision to undo.",
    });
  });

  it("refuses while the bid is in an event's running order", async () => {
    const { actor, round } = await setup();
    const bid = await makeBid(round.id);
    await shortlistBid(bid.id, "", actor);
    const event = await makeEvent(round.id, "READY", "Spring pitch night");
    await db().slot.create({ data: { eventId: event.id, bidId: bid.id, position: 1 } });
    expect(await resetBidStatus(bid.id, "Changed our minds", actor)).toEqual({
      ok: false,
      error: 'This bid is in the running order of "Spring pitch night". Take it out of the running order first.',
    });
    expect((await statusOf(bid.id)).status).toBe("SHORTLISTED");
  });
});

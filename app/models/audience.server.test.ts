import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent, makeStaff } from "~/testing/live-fixtures";
import {
  audienceTallies,
  castBallot,
  claimTicket,
  enterPaperTally,
  generateTickets,
  listTickets,
  myBallot,
  paperTallies,
  resolvePaperTally,
} from "~/models/audience.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { hashSecretToken } from "~/utils/secret-token.server";

useTestDatabase();
afterAll(() => closeLiveBus());

const uuid = () => crypto.randomUUID();

/** A live event whose first `started` pitches have started (the rest wait). */
async function votingEvent(audienceMode: "OPEN" | "TICKETS" | "NONE", started = 2, votesPerPerson = 2) {
  const live = await makeLiveEvent({ bids: 3, panellists: 1, audienceMode, votesPerPerson });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  for (let i = 0; i < started; i++) {
    await live.chair({ type: "NEXT" });
    if (i < started - 1) {
      await live.chair({ type: "NEXT" });
      await live.chair({ type: "NEXT" });
    }
  }
  return live;
}

describe("printed tickets", () => {
  it("generates single-use codes that are easy to read, and audits only how many", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "TICKETS" });
    const made = await generateTickets(live.event.id, 40, live.organiser.actor);
    if (!made.ok) throw new Error(made.message);
    expect(made.codes).toHaveLength(40);
    expect(new Set(made.codes).size).toBe(40);
    for (const code of made.codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
    expect(made.total).toBe(40);
    expect(await generateTickets(live.event.id, 10, live.organiser.actor)).toMatchObject({ ok: true, total: 50 });
    const printed = await listTickets(live.event.id);
    expect(printed).toHaveLength(50);
    expect(printed.filter((t) => made.codes.includes(t.code))).toHaveLength(40);
    expect(printed.every((t) => !t.used)).toBe(true);
    const audit = await db().auditEntry.findMany({ where: { subjectId: live.event.id, action: "audience.tickets_generated" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.payload)).toEqual([
      { eventId: live.event.id, count: 40, total: 40 },
      { eventId: live.event.id, count: 10, total: 50 },
    ]);
    expect(JSON.stringify(audit)).not.toContain(made.codes[0].replace("-", ""));
  });

  it("refuses tickets when the round does not vote with them, and silly numbers", async () => {
    const open = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
    expect(await generateTickets(open.event.id, 10, open.organiser.actor)).toMatchObject({ ok: false, message: expect.stringMatching(/does not vote with tickets/) });
    expect(await generateTickets(open.event.id, 0, open.organiser.actor)).toEqual({ ok: false, message: "Enter a whole number of tickets from 1 to 500." });
    expect(await generateTickets(open.event.id, 501, open.organiser.actor)).toMatchObject({ ok: false });
  });

  it("lets the first phone use a ticket and refuses the same ticket on another phone", async () => {
    const live = await votingEvent("TICKETS");
    const made = await generateTickets(live.event.id, 2, live.organiser.actor);
    if (!made.ok) throw new Error(made.message);
    const typed = made.codes[0].toLowerCase().replace("-", " ");
    const claimed = await claimTicket({ eventId: live.event.id, ticketCode: typed, voterKey: "phone-a" });
    expect(claimed).toMatchObject({ ok: true });
    expect(await claimTicket({ eventId: live.event.id, ticketCode: made.codes[0], voterKey: "phone-a" })).toEqual(claimed);
    expect(await claimTicket({ eventId: live.event.id, ticketCode: made.codes[0], voterKey: "phone-b" })).toEqual({
      ok: false,
      message: { key: "vote.ticket.used" },
    });
    expect(await castBallot({ eventId: live.event.id, voterKey: "phone-b", ticketCode: made.codes[0], bidIds: [live.bids[0].id], clientMutationId: uuid() })).toMatchObject({
      ok: false,
      message: { key: "vote.ticket.used" },
    });
    expect(await castBallot({ eventId: live.event.id, voterKey: "phone-c", bidIds: [live.bids[0].id], clientMutationId: uuid() })).toEqual({
      ok: false,
      message: { key: "vote.ticket.missing" },
    });
    expect(await castBallot({ eventId: live.event.id, voterKey: "phone-c", ticketCode: "ZZZZ-ZZZZ", bidIds: [live.bids[0].id], clientMutationId: uuid() })).toEqual({
      ok: false,
      message: { key: "vote.ticket.notFound" },
    });

    const voted = await castBallot({ eventId: live.event.id, voterKey: "phone-a", bidIds: [live.bids[0].id], clientMutationId: uuid() });
    expect(voted).toMatchObject({ ok: true, bidIds: [live.bids[0].id] });
    const second = await castBallot({ eventId: live.event.id, voterKey: "phone-d", ticketCode: made.codes[1], bidIds: [live.bids[1].id], clientMutationId: uuid() });
    expect(second.ok).toBe(true);
    expect((await listTickets(live.event.id)).map((t) => t.used)).toEqual([true, true]);
    expect(await myBallot(live.event.id, "phone-a")).toMatchObject({ bidIds: [live.bids[0].id], ticket: made.codes[0] });
  });
});

describe("open voting by phone", () => {
  it("keeps one ballot per phone, replaced as a whole until voting closes, keyed by a hash only", async () => {
    const live = await votingEvent("OPEN");
    const [a, b] = live.bids;
    const first = await castBallot({ eventId: live.event.id, voterKey: "cookie-1", bidIds: [a.id], clientMutationId: uuid() });
    if (!first.ok) throw new Error(first.message.key);
    const changed = await castBallot({ eventId: live.event.id, voterKey: "cookie-1", bidIds: [b.id, a.id], clientMutationId: uuid() });
    expect(changed).toEqual({ ok: true, ballotId: first.ballotId, bidIds: [b.id, a.id], duplicate: false });
    const ballot = await db().audienceBallot.findUniqueOrThrow({ where: { id: first.ballotId }, include: { votes: true } });
    expect(ballot.votes.map((v) => [v.bidId, v.points]).sort()).toEqual([[a.id, 1], [b.id, 1]].sort());
    expect(ballot.voterKeyHash).not.toBe(hashSecretToken("cookie-1"));
    expect(ballot.voterKeyHash).not.toContain("cookie-1");

    const audit = await db().auditEntry.findMany({ where: { subjectType: "ballot", subjectId: first.ballotId }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.payload)).toEqual([
      { eventId: live.event.id, ticketId: null, bidIds: [a.id], points: 1, previousBidIds: [], mutationId: expect.any(String) },
      { eventId: live.event.id, ticketId: null, bidIds: [b.id, a.id], points: 2, previousBidIds: [a.id], mutationId: expect.any(String) },
    ]);
    expect(audit[0]).toMatchObject({ actorType: "audience", actorId: first.ballotId });

    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "CLOSE_SCORING", leaveUnheard: true });
    expect(await castBallot({ eventId: live.event.id, voterKey: "cookie-1", bidIds: [a.id], clientMutationId: uuid() })).toEqual({
      ok: false,
      message: { key: "vote.refusal.closed" },
    });
    expect((await myBallot(live.event.id, "cookie-1"))?.bidIds).toEqual([b.id, a.id]);
  });

  it("applies the round's rules: started pitches only, no more than allowed, no repeats", async () => {
    const live = await votingEvent("OPEN", 2, 2);
    const [a, b, c] = live.bids;
    const cast = (bidIds: string[]) => castBallot({ eventId: live.event.id, voterKey: "k", bidIds, clientMutationId: uuid() });
    expect(await cast([c.id])).toEqual({ ok: false, message: { key: "vote.refusal.notStarted", values: { pitch: "Project 3" } } });
    expect(await cast([a.id, b.id, c.id])).toEqual({ ok: false, message: { key: "vote.problem.tooMany", values: { votes: 2, chosen: 3 } } });
    expect(await cast([a.id, a.id])).toMatchObject({ ok: false, message: { key: "vote.refusal.twice" } });
    expect(await cast(["elsewhere"])).toMatchObject({ ok: false, message: { key: "vote.refusal.unknownPitch" } });
    expect(await db().audienceBallot.count({ where: { eventId: live.event.id } })).toBe(0);
  });

  it("does nothing for a retried vote: five copies at once make one ballot and no errors", async () => {
    const live = await votingEvent("OPEN");
    const input = { eventId: live.event.id, voterKey: "flaky-wifi", bidIds: [live.bids[0].id], clientMutationId: uuid() };
    const results = await Promise.all(Array.from({ length: 5 }, () => castBallot(input)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(await db().audienceBallot.count({ where: { eventId: live.event.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "audience.ballot_cast", subjectId: results[0].ok ? results[0].ballotId : "" } })).toBe(1);
  });

  it("ignores an older vote that arrives after a newer one (a queued retry)", async () => {
    const live = await votingEvent("OPEN");
    const older = { eventId: live.event.id, voterKey: "phone", bidIds: [live.bids[0].id], clientMutationId: uuid() };
    await castBallot(older);
    await castBallot({ ...older, bidIds: [live.bids[1].id], clientMutationId: uuid() });
    expect(await castBallot(older)).toMatchObject({ ok: true, duplicate: true, bidIds: [live.bids[1].id] });
    expect((await myBallot(live.event.id, "phone"))?.bidIds).toEqual([live.bids[1].id]);
  });

  it("refuses voting when the round has no audience vote or the event has not started", async () => {
    const none = await votingEvent("NONE");
    expect(await castBallot({ eventId: none.event.id, voterKey: "x", bidIds: [none.bids[0].id], clientMutationId: uuid() })).toEqual({
      ok: false,
      message: { key: "vote.refusal.notUsed" },
    });
    const early = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
    expect(await castBallot({ eventId: early.event.id, voterKey: "x", bidIds: [early.bids[0].id], clientMutationId: uuid() })).toEqual({
      ok: false,
      message: { key: "vote.refusal.notOpen" },
    });
    expect(await castBallot({ eventId: "missing", voterKey: "x", bidIds: [], clientMutationId: uuid() })).toEqual({ ok: false, message: { key: "vote.refusal.noEvent" } });
  });
});

describe("paper tallies entered twice", () => {
  async function paperEvent() {
    const live = await votingEvent("OPEN", 1);
    const second = await makeStaff();
    const third = await makeStaff();
    return { live, first: live.organiser.user.id, second: second.user.id, third: third.user.id, bidId: live.bids[0].id };
  }

  it("counts paper votes only when two different people's counts match", async () => {
    const { live, first, second, third, bidId } = await paperEvent();
    const eventId = live.event.id;
    expect(await enterPaperTally({ eventId, bidId, count: 11, userId: first })).toEqual({ ok: true, status: "FIRST_ONLY" });
    expect(await enterPaperTally({ eventId, bidId, count: 12, userId: first })).toEqual({ ok: true, status: "FIRST_ONLY" });
    expect((await audienceTallies(eventId))[0]).toMatchObject({ paper: 0, paperStatus: "FIRST_ONLY" });
    expect(await enterPaperTally({ eventId, bidId, count: 12, userId: second })).toEqual({ ok: true, status: "MATCHED" });
    expect(await enterPaperTally({ eventId, bidId, count: 12, userId: third })).toEqual({
      ok: false,
      message: "Two people have already counted this pitch's paper votes. If their counts differ, resolve them with a note.",
    });
    await castBallot({ eventId, voterKey: "p", bidIds: [bidId], clientMutationId: uuid() });
    expect((await audienceTallies(eventId))[0]).toEqual({ bidId, votes: 1, points: 1, paper: 12, paperStatus: "MATCHED", total: 13 });
    const audit = await db().auditEntry.findMany({ where: { subjectId: eventId, action: "paper_tally.entered" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [(a.payload as { entry: string }).entry, a.actorId])).toEqual([
      ["first", first],
      ["first", first],
      ["second", second],
    ]);
  });

  it("flags a mismatch, counts nothing until it is resolved with a note, and then the resolved count", async () => {
    const { live, first, second, third, bidId } = await paperEvent();
    const eventId = live.event.id;
    await enterPaperTally({ eventId, bidId, count: 12, userId: first });
    expect(await enterPaperTally({ eventId, bidId, count: 15, userId: second })).toEqual({ ok: true, status: "MISMATCH" });
    expect((await audienceTallies(eventId))[0]).toMatchObject({ paper: 0, paperStatus: "MISMATCH" });
    expect(await resolvePaperTally({ eventId, bidId, count: 14, note: "  ", userId: third })).toMatchObject({ ok: false, message: expect.stringMatching(/^Add a note/) });
    expect(await resolvePaperTally({ eventId, bidId, count: 14, note: "Recounted by two stewards together", userId: third })).toEqual({ ok: true, status: "RESOLVED" });
    expect((await audienceTallies(eventId))[0]).toMatchObject({ paper: 14, paperStatus: "RESOLVED", total: 14 });
    expect(await enterPaperTally({ eventId, bidId, count: 20, userId: first })).toEqual({ ok: false, message: "This tally has been resolved, so its counts can no longer change." });
    expect(await resolvePaperTally({ eventId, bidId, count: 1, note: "again", userId: third })).toEqual({ ok: false, message: "This tally has already been resolved." });
    const [row] = await paperTallies(eventId);
    expect(row).toMatchObject({ firstCount: 12, secondCount: 15, resolvedCount: 14, resolvedNote: "Recounted by two stewards together", status: "RESOLVED", counted: 14 });
    const resolved = await db().auditEntry.findFirstOrThrow({ where: { subjectId: eventId, action: "paper_tally.resolved" } });
    expect(resolved.payload).toEqual({ eventId, bidId, count: 14, firstCount: 12, secondCount: 15 });
  });

  it("refuses to resolve counts that agree, bad numbers, and counting before the event", async () => {
    const { live, first, second, bidId } = await paperEvent();
    const eventId = live.event.id;
    await enterPaperTally({ eventId, bidId, count: 3, userId: first });
    await enterPaperTally({ eventId, bidId, count: 3, userId: second });
    expect(await resolvePaperTally({ eventId, bidId, count: 3, note: "n", userId: first })).toMatchObject({ ok: false, message: expect.stringMatching(/do not/) });
    expect(await enterPaperTally({ eventId, bidId, count: -1, userId: first })).toEqual({ ok: false, message: "Enter the number of paper votes as a whole number, 0 or more." });
    const draft = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
    expect(await enterPaperTally({ eventId: draft.event.id, bidId: draft.bids[0].id, count: 1, userId: first })).toEqual({ ok: false, message: "Paper votes are counted once the event has started." });
    expect(await enterPaperTally({ eventId, bidId: draft.bids[0].id, count: 1, userId: first })).toEqual({ ok: false, message: "That pitch is not part of this event." });
  });

  it("two counters entering at the same moment get first and second, never both first", async () => {
    const { live, first, second, bidId } = await paperEvent();
    const results = await Promise.all([
      enterPaperTally({ eventId: live.event.id, bidId, count: 7, userId: first }),
      enterPaperTally({ eventId: live.event.id, bidId, count: 7, userId: second }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const [row] = await paperTallies(live.event.id);
    expect([row.firstById, row.secondById].sort()).toEqual([first, second].sort());
    expect(row.status).toBe("MATCHED");
  });
});

import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent, makeStaff } from "~/testing/live-fixtures";
import { participation, resolveVoteCode, votingView } from "~/models/audience-view.server";
import { castBallot, enterPaperTally, generateTickets } from "~/models/audience.server";
import { closeLiveBus } from "~/db/live/bus.server";

useTestDatabase();
afterAll(() => closeLiveBus());

const uuid = () => crypto.randomUUID();

async function startedEvent(audienceMode: "OPEN" | "TICKETS") {
  const live = await makeLiveEvent({ bids: 3, panellists: 1, audienceMode, votesPerPerson: 2 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  await live.chair({ type: "NEXT" });
  return live;
}

describe("the code a person types or scans", () => {
  it("finds the event from its join code however it was typed", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
    const typed = ` ${live.event.joinCode.slice(0, 3).toLowerCase()}-${live.event.joinCode.slice(3)} `;
    expect(await resolveVoteCode(typed)).toEqual({ kind: "join", eventId: live.event.id, code: live.event.joinCode });
  });

  it("finds a printed ticket and says once it has been used", async () => {
    const live = await startedEvent("TICKETS");
    const made = await generateTickets(live.event.id, 2, live.organiser.actor);
    if (!made.ok) throw new Error(made.message);
    const [code] = made.codes;
    expect(await resolveVoteCode(code.replace("-", "").toLowerCase())).toEqual({ kind: "ticket", eventId: live.event.id, code, used: false });
    const cast = await castBallot({ eventId: live.event.id, voterKey: "phone-1", ticketCode: code, bidIds: [live.bids[0].id], clientMutationId: uuid() });
    expect(cast.ok).toBe(true);
    expect(await resolveVoteCode(code)).toMatchObject({ kind: "ticket", used: true });
  });

  it("finds nothing for unknown codes, impossible characters or the wrong length", async () => {
    expect(await resolveVoteCode("ZZZZZZ")).toBeNull();
    expect(await resolveVoteCode("ZZZZ-ZZZZ")).toBeNull();
    expect(await resolveVoteCode("O0O0O0")).toBeNull();
    expect(await resolveVoteCode("ABCDE")).toBeNull();
    expect(await resolveVoteCode("")).toBeNull();
  });
});

describe("the audience's view of the event", () => {
  it("lists the running order with each pitch's state and the voting rule", async () => {
    const live = await startedEvent("OPEN");
    const view = await votingView(live.event.id);
    expect(view!.event).toMatchObject({ id: live.event.id, title: "Pitch night", state: "LIVE", audienceMode: "OPEN", votesPerPerson: 2 });
    expect(view!.pitches.map((p) => [p.bidId, p.projectTitle, p.state])).toEqual([
      [live.bids[0].id, "Project 1", "PITCHING"],
      [live.bids[1].id, "Project 2", "WAITING"],
      [live.bids[2].id, "Project 3", "WAITING"],
    ]);
    expect(await votingView("no-such-event")).toBeNull();
  });
});

describe("participation", () => {
  it("counts phones that voted and paper votes once both counts agree", async () => {
    const live = await startedEvent("OPEN");
    const second = await makeStaff();
    const [a, b] = live.bids;
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await castBallot({ eventId: live.event.id, voterKey: "phone-1", bidIds: [a.id, b.id], clientMutationId: uuid() });
    await castBallot({ eventId: live.event.id, voterKey: "phone-2", bidIds: [a.id], clientMutationId: uuid() });
    expect(await participation(live.event.id)).toEqual({ phoneBallots: 2, phoneVotes: 3, paperVotes: 0, totalVotes: 3, paperPending: 0 });

    await enterPaperTally({ eventId: live.event.id, bidId: a.id, count: 12, userId: live.organiser.user.id });
    expect(await participation(live.event.id)).toMatchObject({ paperVotes: 0, totalVotes: 3, paperPending: 1 });
    await enterPaperTally({ eventId: live.event.id, bidId: a.id, count: 12, userId: second.user.id });
    expect(await participation(live.event.id)).toEqual({ phoneBallots: 2, phoneVotes: 3, paperVotes: 12, totalVotes: 15, paperPending: 0 });
  });
});

import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { generateTickets, myBallot } from "~/models/audience.server";
import { resolveVoteCode } from "~/models/audience-view.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { receiveBallot } from "./ballot-submission.server";
import { voterKeyFrom } from "~/utils/voter.server";

useTestDatabase();
afterAll(() => closeLiveBus());

const uuid = () => crypto.randomUUID();

function ballot(bidIds: string[], clientMutationId = uuid()) {
  const form = new FormData();
  for (const id of bidIds) form.append("bidIds", id);
  form.append("clientMutationId", clientMutationId);
  form.append("intent", "vote");
  return form;
}

const phone = (cookie?: string | null) => new Request("http://localhost/vote/x", { method: "POST", headers: cookie ? { Cookie: cookie.split(";")[0] } : {} });

async function votingEvent(audienceMode: "OPEN" | "TICKETS") {
  const live = await makeLiveEvent({ bids: 3, panellists: 1, audienceMode, votesPerPerson: 2 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  await live.chair({ type: "NEXT" });
  return live;
}

describe("a ballot from an audience phone", () => {
  it("gives a new phone its voter cookie, counts the vote, and changes it from the same phone", async () => {
    const live = await votingEvent("OPEN");
    const code = (await resolveVoteCode(live.event.joinCode))!;
    const first = await receiveBallot(phone(), code, ballot([live.bids[0].id]));
    expect(first).toMatchObject({ kind: "counted", bidIds: [live.bids[0].id], duplicate: false, setCookie: expect.stringMatching(/^pd_voter=/) });
    const key = await voterKeyFrom(phone(first.setCookie));
    expect(await myBallot(live.event.id, key!)).toMatchObject({ bidIds: [live.bids[0].id] });

    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    const id = uuid();
    const changed = await receiveBallot(phone(first.setCookie), code, ballot([live.bids[0].id, live.bids[1].id], id));
    expect(changed).toMatchObject({ kind: "counted", bidIds: [live.bids[0].id, live.bids[1].id], duplicate: false, setCookie: null });
    expect(await receiveBallot(phone(first.setCookie), code, ballot([live.bids[0].id, live.bids[1].id], id))).toMatchObject({ kind: "counted", duplicate: true });
  });

  it("says what is wrong with a ballot without choices, and saves nothing", async () => {
    const live = await votingEvent("OPEN");
    const code = (await resolveVoteCode(live.event.joinCode))!;
    expect(await receiveBallot(phone(), code, ballot([]))).toEqual({
      kind: "invalid",
      errors: { bidIds: "vote.problem.none" },
      values: expect.objectContaining({ intent: "vote" }),
      setCookie: null,
    });
  });

  it("passes on the rule's refusal: a pitch not started, a ticket used on another phone", async () => {
    const live = await votingEvent("TICKETS");
    const made = await generateTickets(live.event.id, 1, live.organiser.actor);
    if (!made.ok) throw new Error(made.message);
    const ticket = (await resolveVoteCode(made.codes[0]))!;
    expect(await receiveBallot(phone(), ticket, ballot([live.bids[2].id]))).toMatchObject({
      kind: "refused",
      message: { key: "vote.refusal.notStarted", values: { pitch: "Project 3" } },
    });
    const mine = await receiveBallot(phone(), ticket, ballot([live.bids[0].id]));
    expect(mine).toMatchObject({ kind: "counted" });
    expect(await receiveBallot(phone(), ticket, ballot([live.bids[0].id]))).toMatchObject({
      kind: "refused",
      message: { key: "vote.ticket.used" },
    });
  });
});

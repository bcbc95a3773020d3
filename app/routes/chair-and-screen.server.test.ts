import { useTestDatabase } from "~/testing/database";
import { createCookie, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { liveState } from "~/models/event.server";
import type { LiveState } from "~/domain/live-state";
import { claimInvite } from "~/models/panel.server";
import { createSession } from "~/models/session.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent, makeRoundWithShortlist, makeStaff } from "~/testing/live-fixtures";
import { action as controlAction } from "~/routes/staff.events.$eventId.control";
import { action as setupAction, loader as setupLoader } from "~/routes/staff.events.$eventId._index";
import { action as newEventAction } from "~/routes/staff.rounds.$roundId.events.new";
import { loader as screenLoader } from "~/routes/screen.$eventId";
import { loader as streamLoader } from "~/routes/events.$eventId.live";
import { loader as snapshotLoader } from "~/routes/events.$eventId.state";
import { loader as voteQrLoader } from "~/routes/staff.events.$eventId.vote-qr[.]svg";

// The chair's and the screen's routes against a real database: who may do what, what each
// answers, and that a page can only touch its own event.

useTestDatabase();
afterAll(() => closeLiveBus());

const BASE = "http://localhost:3000";

async function signedIn(roles: ("ORGANISER" | "FUNDER")[] | []) {
  const user = roles.length
    ? (await makeStaff(roles[0])).user
    : await db().user.create({ data: { email: `none-${Date.now()}@example.test`, name: "No Roles", roles: [] } });
  const token = await createSession(user.id, {});
  return { user, cookie: await createCookie("pd_session").serialize(token) };
}

function get(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

function post(path: string, fields: Record<string, string>, cookie: string) {
  return new Request(`${BASE}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
}

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} } as LoaderFunctionArgs & ActionFunctionArgs);

/** What a route threw (a Response: 403, 404, a redirect to sign in). */
async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("Expected the route to throw a Response");
}

// why: `data()` wraps the action's answer with its status; read both the way Remix does.
function answer<T>(result: unknown): { status: number; data: T; headers: Headers } {
  const wrapped = result as { data: T; init?: { status?: number; headers?: HeadersInit } | null };
  return { status: wrapped.init?.status ?? 200, data: wrapped.data, headers: new Headers(wrapped.init?.headers) };
}

describe("the public live state routes", () => {
  it("answers a JSON snapshot that is never cached, and 404 for an unknown event", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 1 });
    const response = (await snapshotLoader(args(get(`/events/${live.event.id}/state`), { eventId: live.event.id }))) as Response;
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const state = (await response.json()) as LiveState;
    expect(state.event.id).toBe(live.event.id);
    expect(state.slots).toHaveLength(2);
    expect(JSON.stringify(state)).not.toContain("Panellist 1");
    expect((await thrown(snapshotLoader(args(get("/events/missing/state"), { eventId: "missing" })))).status).toBe(404);
  });

  it("streams the state as server-sent events, starting with the current state", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const abort = new AbortController();
    const request = new Request(`${BASE}/events/${live.event.id}/live`, { signal: abort.signal });
    const response = (await streamLoader(args(request, { eventId: live.event.id }))) as Response;
    expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("event: state")) text += new TextDecoder().decode((await reader.read()).value);
    while (!/data: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    const frame = /id: (\d+)\nevent: state\ndata: (.*)\n\n/.exec(text)!;
    const state = JSON.parse(frame[2]) as LiveState;
    expect(state.event.id).toBe(live.event.id);
    expect(Number(frame[1])).toBe(state.version);
    abort.abort();
    await reader.cancel();
    expect((await thrown(streamLoader(args(get("/events/missing/live"), { eventId: "missing" })))).status).toBe(404);
  });
});

describe("the join code before the event starts", () => {
  it("stays out of the public state until the chair starts the event, while the screen and staff have it", async () => {
    const { cookie } = await signedIn(["ORGANISER"]);
    const open = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
    const code = open.event.joinCode;
    const publicCode = async () => ((await (snapshotLoader(args(get(`/events/${open.event.id}/state`), { eventId: open.event.id })) as Promise<Response>)).json() as Promise<LiveState>).then((s) => s.event.joinCode);
    expect(await publicCode()).toBeNull();
    await open.chair({ type: "MARK_READY" });
    expect(await publicCode()).toBeNull();
    expect(JSON.stringify(await liveState(open.event.id))).not.toContain(code);
    // The projector (a staff page) can show it while the hall fills up.
    const shown = await screenLoader(args(get(`/screen/${open.event.id}`, cookie), { eventId: open.event.id }));
    expect(shown.join?.url).toBe(`${BASE}/vote/${code}`);
    await open.chair({ type: "START" });
    expect(await publicCode()).toBe(code);
  });
});

describe("the big screen", () => {
  it("needs a signed-in staff member who may read events", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const anonymous = await thrown(screenLoader(args(get(`/screen/${live.event.id}`), { eventId: live.event.id })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/screen/${live.event.id}`)}`);
    const noRoles = await signedIn([]);
    expect((await thrown(screenLoader(args(get(`/screen/${live.event.id}`, noRoles.cookie), { eventId: live.event.id })))).status).toBe(403);
    const funder = await signedIn(["FUNDER"]);
    const shown = await screenLoader(args(get(`/screen/${live.event.id}`, funder.cookie), { eventId: live.event.id }));
    expect(shown.state.event.title).toBe("Pitch night");
    expect(shown.join).toBeNull();
  });

  it("shows the join code and the voting QR code only when the audience votes", async () => {
    const { cookie } = await signedIn(["ORGANISER"]);
    const open = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
    const shown = await screenLoader(args(get(`/screen/${open.event.id}`, cookie), { eventId: open.event.id }));
    const code = open.event.joinCode;
    expect(shown.join).toEqual({
      code: `${code.slice(0, 4)}-${code.slice(4)}`,
      url: `${BASE}/vote/${code}`,
      address: "localhost:3000/vote",
      qr: `/staff/events/${open.event.id}/vote-qr.svg`,
    });
    const qr = (await voteQrLoader(args(get(shown.join!.qr, cookie), { eventId: open.event.id }))) as Response;
    expect(qr.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(await qr.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);

    const none = await makeLiveEvent({ bids: 1, panellists: 1 });
    expect((await thrown(voteQrLoader(args(get(`/staff/events/${none.event.id}/vote-qr.svg`, cookie), { eventId: none.event.id })))).status).toBe(404);
  });
});

describe("setting up an event", () => {
  it("creates an event from the round's shortlist, with each problem next to its field", async () => {
    const { cookie } = await signedIn(["ORGANISER"]);
    const { round, bids } = await makeRoundWithShortlist({ bids: 2 });
    const path = `/staff/rounds/${round.id}/events/new`;
    const refused = answer<{ errors: Record<string, string> }>(
      await newEventAction(
        args(post(path, { title: "", startsAt: "2027-02-30T19:00", venue: "Hall", pitchSeconds: "3:00", questionSeconds: "10" }, cookie), { roundId: round.id })
      )
    );
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toEqual({
      title: "Enter a title for the event.",
      startsAt: "Enter a real date and time, like 14/05/2027 19:00.",
      questionSeconds: "Enter the time for questions as minutes and seconds, like 3:00, between 0:30 and 30:00.",
    });
    const created = (await newEventAction(
      args(post(path, { title: "Pitch night", startsAt: "2027-05-14T19:00", venue: "Hall", pitchSeconds: "3:00", questionSeconds: "2:00" }, cookie), {
        roundId: round.id,
      })
    )) as Response;
    expect(created.status).toBe(302);
    const eventId = /\/staff\/events\/([^?]+)\?notice=created$/.exec(created.headers.get("Location")!)![1];
    const event = await db().event.findUniqueOrThrow({ where: { id: eventId }, include: { slots: { orderBy: { position: "asc" } } } });
    expect(event).toMatchObject({ title: "Pitch night", startsAt: new Date("2027-05-14T18:00:00Z"), pitchSeconds: 180, questionSeconds: 120 });
    expect(event.slots.map((s) => s.bidId)).toEqual(bids.map((b) => b.id));
  });

  it("shows an invite link once, uncached, and never touches another event's panel", async () => {
    const { cookie } = await signedIn(["ORGANISER"]);
    const mine = await makeLiveEvent({ bids: 1, panellists: 0 });
    const theirs = await makeLiveEvent({ bids: 1, panellists: 1 });
    const path = `/staff/events/${mine.event.id}`;
    const params = { eventId: mine.event.id };

    const invited = answer<{ invite: { name: string; url: string; qr: string } }>(
      await setupAction(args(post(path, { intent: "invite", name: " Priya Shah " }, cookie), params))
    );
    expect(invited.headers.get("Cache-Control")).toBe("no-store");
    expect(invited.data.invite).toMatchObject({ name: "Priya Shah", url: expect.stringMatching(/^http:\/\/localhost:3000\/panel\/join\/[A-Za-z0-9_-]{43}$/) });
    expect(invited.data.invite.qr).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    const token = invited.data.invite.url.split("/").pop()!;
    expect(await claimInvite(token, null)).toMatchObject({ ok: true, eventId: mine.event.id });

    const foreign = theirs.panellists[0].id;
    for (const intent of ["reissue", "revoke"]) {
      const refused = answer<{ problem: string }>(await setupAction(args(post(path, { intent, panellistId: foreign }, cookie), params)));
      expect(refused).toMatchObject({ status: 409, data: { problem: "That panellist is not on this event's panel." } });
    }
    expect(await db().panellist.findUniqueOrThrow({ where: { id: foreign } })).toMatchObject({ revokedAt: null, joinedAt: expect.any(Date) });

    const loaded = await setupLoader(args(get(path, cookie), params));
    expect(loaded.panel).toEqual([expect.objectContaining({ name: "Priya Shah", status: "JOINED" })]);
    expect(JSON.stringify(loaded)).not.toContain(token);
  });

  it("is for organisers only", async () => {
    const funder = await signedIn(["FUNDER"]);
    const live = await makeLiveEvent({ bids: 1, panellists: 0 });
    const request = post(`/staff/events/${live.event.id}`, { intent: "invite", name: "Sam" }, funder.cookie);
    expect((await thrown(setupAction(args(request, { eventId: live.event.id })))).status).toBe(403);
    expect(await db().panellist.count({ where: { eventId: live.event.id } })).toBe(0);
  });
});

describe("the chair's buttons", () => {
  it("move the event on, refuse a stale screen's press, and say why", async () => {
    const { cookie } = await signedIn(["ORGANISER"]);
    const live = await makeLiveEvent({ bids: 2, panellists: 1 });
    await live.chair({ type: "MARK_READY" });
    const path = `/staff/events/${live.event.id}/control`;
    const params = { eventId: live.event.id };
    const seen = (await liveState(live.event.id))!.revision;

    const started = (await controlAction(args(post(path, { intent: "start", revision: seen }, cookie), params))) as Response;
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe(path);
    expect((await liveState(live.event.id))!.event.state).toBe("LIVE");

    const stale = answer<{ problem: string }>(await controlAction(args(post(path, { intent: "next", revision: seen }, cookie), params)));
    expect(stale.status).toBe(409);
    expect(stale.data.problem).toMatch(/^The event changed on another screen/);
    expect((await liveState(live.event.id))!.currentSlotId).toBeNull();

    const illegal = answer<{ problem: string }>(await controlAction(args(post(path, { intent: "pause", revision: "" }, cookie), params)));
    expect(illegal.data.problem).toBe("There is no timer to pause: the timer runs only while a group is pitching or answering questions.");
  });

  it("wants a reason before reopening, and is for those who may run events", async () => {
    const { cookie } = await signedIn(["ORGANISER"]);
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const path = `/staff/events/${live.event.id}/control`;
    const params = { eventId: live.event.id };
    const noReason = answer<{ errors: Record<string, string>; problem?: string }>(
      await controlAction(args(post(path, { intent: "reopen", slotId: live.slots[0].id, reason: " " }, cookie), params))
    );
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors).toEqual({ reason: "Give a reason for reopening scoring for this pitch." });
    expect(noReason.data.problem).toBeUndefined();

    const funder = await signedIn(["FUNDER"]);
    expect((await thrown(controlAction(args(post(path, { intent: "start" }, funder.cookie), params)))).status).toBe(403);
  });
});

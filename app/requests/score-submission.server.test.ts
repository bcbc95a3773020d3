import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { declareConflict, revokePanellist } from "~/models/panel.server";
import { translate } from "~/i18n/catalogue.server";

const NOT_ON_PANEL = translate("en", "panel.notOnPanel");
import { closeLiveBus } from "~/db/live/bus.server";
import { receiveScore } from "./score-submission.server";

useTestDatabase();
afterAll(() => closeLiveBus());

const uuid = () => crypto.randomUUID();

async function scoringEvent() {
  const live = await makeLiveEvent({ bids: 2, panellists: 1 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  await live.chair({ type: "NEXT" });
  await live.chair({ type: "NEXT" }, new Date("2027-05-14T18:05:00Z"));
  const panellist = { id: live.panellists[0].id, eventId: live.event.id, token: live.panellists[0].deviceToken };
  const sheet = (values: (string | null)[], extra: Record<string, string> = {}) => {
    const form = new FormData();
    live.criteria.forEach((c, i) => values[i] !== null && form.append(`items.${c.id}`, values[i]!));
    for (const [k, v] of Object.entries({ comment: "", clientMutationId: uuid(), from: "home", ...extra })) form.append(k, v);
    return form;
  };
  return { live, panellist, sheet };
}

describe("a score sheet from a phone", () => {
  it("saves a new version each time and says when, in the fund's time zone", async () => {
    const { live, panellist, sheet } = await scoringEvent();
    const first = await receiveScore(panellist, live.bids[0].id, sheet(["4", "7"], { comment: "Strong plan" }));
    expect(first).toMatchObject({ kind: "saved", version: 1, duplicate: false });
    if (first.kind !== "saved") throw new Error("not saved");
    expect(first.at).toMatch(/^\d\d:\d\d$/);
    expect(await receiveScore(panellist, live.bids[0].id, sheet(["5", "7"]))).toMatchObject({ kind: "saved", version: 2 });
    const current = await db().scoreSheet.findFirstOrThrow({ where: { panellistId: panellist.id, current: true }, include: { items: true } });
    expect(current.items.map((i) => i.value).sort()).toEqual([5, 7]);
  });

  it("treats the same submission sent twice as one version", async () => {
    const { live, panellist, sheet } = await scoringEvent();
    const id = uuid();
    const first = await receiveScore(panellist, live.bids[0].id, sheet(["4", "7"], { clientMutationId: id }));
    const again = await receiveScore(panellist, live.bids[0].id, sheet(["4", "7"], { clientMutationId: id }));
    expect(first).toMatchObject({ kind: "saved", version: 1, duplicate: false });
    expect(again).toMatchObject({ kind: "saved", version: 1, duplicate: true });
    expect(await db().scoreSheet.count({ where: { panellistId: panellist.id } })).toBe(1);
  });

  it("names each criterion left blank or out of range next to its field, and keeps what was chosen", async () => {
    const { live, panellist, sheet } = await scoringEvent();
    const [need, plan] = live.criteria;
    const outcome = await receiveScore(panellist, live.bids[0].id, sheet(["9", null], { comment: "Keep me" }));
    expect(outcome).toEqual({
      kind: "invalid",
      errors: {
        [`items.${need.id}`]: { key: "score.error.outOfScale", values: { name: "Need", min: 1, max: 5 } },
        [`items.${plan.id}`]: { key: "score.error.missing", values: { name: "Plan", min: 0, max: 10 } },
      },
      values: expect.objectContaining({ [`items.${need.id}`]: "9", comment: "Keep me" }),
    });
    expect(await db().scoreSheet.count({ where: { panellistId: panellist.id } })).toBe(0);
  });

  it("takes a hidden control character out of the comment and says so beside it, keeping the rest", async () => {
    const { live, panellist, sheet } = await scoringEvent();
    const outcome = await receiveScore(panellist, live.bids[0].id, sheet(["4", "7"], { comment: "Good\u0000 plan" }));
    expect(outcome).toMatchObject({ kind: "invalid", errors: { comment: { key: "score.error.controlCharacter" } }, values: expect.objectContaining({ comment: "Good plan" }) });
    expect(await db().scoreSheet.count({ where: { panellistId: panellist.id } })).toBe(0);
  });

  it("passes on the model's refusal for a locked pitch or a declared conflict, with the answers", async () => {
    const { live, panellist, sheet } = await scoringEvent();
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "LOCK", slotId: live.slots[0].id }, new Date("2027-05-14T18:10:00Z"));
    expect(await receiveScore(panellist, live.bids[0].id, sheet(["4", "7"]))).toMatchObject({
      kind: "refused",
      message: { key: "score.refusal.closedAt", values: { at: "19:10" } },
      values: expect.objectContaining({ [`items.${live.criteria[0].id}`]: "4" }),
    });

    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await declareConflict({ panellistId: panellist.id, bidId: live.bids[1].id, reason: "Trustee" }, { type: "panellist", id: panellist.id });
    expect(await receiveScore(panellist, live.bids[1].id, sheet(["4", "7"]))).toMatchObject({
      kind: "refused",
      message: { key: "score.refusal.conflict" },
    });
  });

  it("refuses with a 403 a phone whose panellist was removed, or whose token belongs to another event, and saves nothing", async () => {
    const { live, panellist, sheet } = await scoringEvent();
    const other = await makeLiveEvent({ bids: 1, panellists: 1 });
    const refusal = async (promise: Promise<unknown>) => {
      const thrown = await promise.then(() => null, (error: unknown) => error);
      if (!(thrown instanceof Response)) throw new Error(`expected a Response, got ${String(thrown)}`);
      return { status: thrown.status, body: await thrown.json() };
    };
    const crossed = { token: other.panellists[0].deviceToken, eventId: live.event.id };
    expect(await refusal(receiveScore(crossed, live.bids[0].id, sheet(["4", "7"]), { json: true }))).toEqual({ status: 403, body: { ok: false, message: NOT_ON_PANEL } });

    await revokePanellist(live.event.id, panellist.id, live.organiser.actor);
    expect((await refusal(receiveScore(panellist, live.bids[0].id, sheet(["4", "7"]), { json: true }))).status).toBe(403);
    expect(await db().scoreSheet.count({ where: { bidId: live.bids[0].id } })).toBe(0);
  });
});

import type { ActionFunctionArgs } from "@remix-run/node";
import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { closeLiveBus } from "~/db/live/bus.server";
import { rememberDevice } from "~/requests/panel-device.server";
import { action as scoreAction } from "~/routes/panel.$eventId.score.$bidId";
import { action as sheetsAction } from "~/routes/panel.$eventId.sheets.$bidId";

// A score sheet's mistakes reach the panellist in their language, through both ways a phone
// sends it: the plain form (no JavaScript) and the offline queue's JSON.

useTestDatabase();
afterAll(() => closeLiveBus());

async function openPitch() {
  const live = await makeLiveEvent({ bids: 1, panellists: 1 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  await live.chair({ type: "NEXT" });
  await live.chair({ type: "NEXT" });
  const cookie = (await rememberDevice(new Request("http://localhost/"), live.event.id, live.panellists[0].deviceToken)).split(";")[0];
  const need = live.criteria[0];
  const post = (path: string, lang: string) =>
    new Request(`http://localhost/panel/${live.event.id}/${path}/${live.bids[0].id}`, {
      method: "POST",
      body: new URLSearchParams({ [`items.${need.id}`]: "4", comment: "Cynllun clir.", clientMutationId: crypto.randomUUID() }),
      headers: { Cookie: cookie, "Accept-Language": lang },
    });
  const params = { eventId: live.event.id, bidId: live.bids[0].id };
  return { live, post, params };
}

const call = (run: (args: ActionFunctionArgs) => Promise<unknown>, request: Request, params: Record<string, string>) =>
  run({ request, params, context: {} } as ActionFunctionArgs);

describe("a score sheet's mistakes", () => {
  it("are said in Welsh beside the criterion on the plain form, keeping what was chosen", async () => {
    const { post, params } = await openPitch();
    const result = (await call(scoreAction, post("score", "cy"), params)) as { data: { errors: Record<string, string>; values: Record<string, string> }; init: { status: number } };
    expect(result.init.status).toBe(400);
    expect(Object.values(result.data.errors)).toEqual(["Dewiswch sgôr ar gyfer Plan, o 0 i 10."]);
    expect(result.data.values).toMatchObject({ comment: "Cynllun clir." });
  });

  it("are said in the panellist's language in the offline queue's answer too", async () => {
    const { post, params } = await openPitch();
    const welsh = (await call(sheetsAction, post("sheets", "cy"), params)) as Response;
    expect(welsh.status).toBe(422);
    const body = (await welsh.json()) as { message: string; errors: Record<string, string> };
    expect(body.message).toBe("Dewiswch sgôr ar gyfer Plan, o 0 i 10.");
    expect(Object.values(body.errors)).toEqual(["Dewiswch sgôr ar gyfer Plan, o 0 i 10."]);
    const english = (await call(sheetsAction, post("sheets", "en-GB"), params)) as Response;
    expect(((await english.json()) as { message: string }).message).toBe("Choose a score for Plan, from 0 to 10.");
  });
});

import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { revokePanellist } from "~/models/panel.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { translate } from "~/i18n/catalogue.server";
import { deviceTokenFor, rememberDevice, requirePanellist } from "./panel-device.server";

const NOT_ON_PANEL = translate("en", "panel.notOnPanel");

useTestDatabase();
afterAll(() => closeLiveBus());

/** A request carrying the cookies a browser would send back after these Set-Cookie headers. */
function requestWith(...setCookies: string[]) {
  const cookie = setCookies.map((header) => header.split(";")[0]).join("; ");
  return new Request("http://localhost/panel/x", { headers: cookie ? { Cookie: cookie } : {} });
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
  }
  throw new Error("expected a thrown Response");
}

describe("the panellist's device cookie", () => {
  it("is HttpOnly, SameSite=Lax, sent only to /panel pages, and not readable by scripts", async () => {
    const header = await rememberDevice(requestWith(), "event-1", "device-token-1");
    expect(header).toMatch(/^pd_panel=/);
    expect(header).toMatch(/; Path=\/panel/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).not.toMatch(/; Secure/); // tests run outside production
  });

  it("keeps one token per event, so one phone can sit on two evenings' panels", async () => {
    const first = await rememberDevice(requestWith(), "event-1", "token-1");
    const both = await rememberDevice(requestWith(first), "event-2", "token-2");
    expect(await deviceTokenFor(requestWith(both), "event-1")).toBe("token-1");
    expect(await deviceTokenFor(requestWith(both), "event-2")).toBe("token-2");
    expect(await deviceTokenFor(requestWith(both), "event-3")).toBeNull();
  });

  it("forgets the oldest events beyond eight", async () => {
    let header = "";
    for (let i = 1; i <= 10; i++) header = await rememberDevice(requestWith(...(header ? [header] : [])), `event-${i}`, `token-${i}`);
    expect(await deviceTokenFor(requestWith(header), "event-1")).toBeNull();
    expect(await deviceTokenFor(requestWith(header), "event-2")).toBeNull();
    expect(await deviceTokenFor(requestWith(header), "event-3")).toBe("token-3");
    expect(await deviceTokenFor(requestWith(header), "event-10")).toBe("token-10");
  });

  it("treats a tampered or foreign cookie as no cookie", async () => {
    const request = new Request("http://localhost/", { headers: { Cookie: "pd_panel=not-base64-json; pd_session=abc" } });
    expect(await deviceTokenFor(request, "event-1")).toBeNull();
  });
});

describe("requirePanellist", () => {
  it("finds the panellist only from this phone's cookie for this event", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const [panellist] = live.panellists;
    const cookie = await rememberDevice(requestWith(), live.event.id, panellist.deviceToken);
    expect(await requirePanellist(requestWith(cookie), live.event.id)).toEqual({ id: panellist.id, name: "Panellist 1", eventId: live.event.id });
  });

  it("refuses a phone without the cookie, with another event's token, or after the panellist was removed", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const other = await makeLiveEvent({ bids: 1, panellists: 1 });
    const [panellist] = live.panellists;

    const none = await refusal(requirePanellist(requestWith(), live.event.id));
    expect(none.status).toBe(403);
    expect(await none.text()).toBe(NOT_ON_PANEL);

    // A token stored under the wrong event (or copied between entries) does not cross events.
    const crossed = await rememberDevice(requestWith(), live.event.id, other.panellists[0].deviceToken);
    expect((await refusal(requirePanellist(requestWith(crossed), live.event.id))).status).toBe(403);

    const cookie = await rememberDevice(requestWith(), live.event.id, panellist.deviceToken);
    await revokePanellist(live.event.id, panellist.id, live.organiser.actor);
    const revoked = await refusal(requirePanellist(requestWith(cookie), live.event.id, { json: true }));
    expect(revoked.status).toBe(403);
    expect(await revoked.json()).toEqual({ ok: false, message: NOT_ON_PANEL });
  });
});

import { useTestDatabase } from "~/testing/database";
import { createCookie, type LoaderFunctionArgs } from "@remix-run/node";
import { qrDataUrl, qrSvg } from "~/components/live/qr.server";
import { generateTickets } from "~/models/audience.server";
import { createSession } from "~/models/session.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent, makeStaff } from "~/testing/live-fixtures";
import { loader as screenLoader } from "~/routes/screen.$eventId";
import { loader as ticketsLoader } from "~/routes/staff.events.$eventId.tickets";
import { loader as voteQrLoader } from "~/routes/staff.events.$eventId.vote-qr[.]svg";

// Links and QR codes on pages follow the Host header the browser sent (APP_URL is the loopback
// default in tests), and a Host header that is not a plain host falls back to APP_URL.

useTestDatabase();
afterAll(() => closeLiveBus());

const LAN = "192.168.1.23:4101";

async function organiserCookie() {
  const { user } = await makeStaff("ORGANISER");
  return createCookie("pd_session").serialize(await createSession(user.id, {}));
}

function get(path: string, cookie: string, host?: string) {
  // why the URL's own host differs: Remix builds it from X-Forwarded-Host whatever TRUST_PROXY says, so it is never read.
  return new Request(`http://forged.example${path}`, { headers: { Cookie: cookie, ...(host === undefined ? {} : { Host: host }) } });
}

const args = (request: Request, eventId: string) => ({ request, params: { eventId }, context: {} }) as LoaderFunctionArgs;

describe("links shown in a browser", () => {
  it("name the address the browser used: screen, its voting QR code and the printed tickets", async () => {
    const cookie = await organiserCookie();
    const live = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "TICKETS" });
    const eventId = live.event.id;
    const code = live.event.joinCode;

    const screen = await screenLoader(args(get(`/screen/${eventId}`, cookie, LAN), eventId));
    expect(screen.join).toMatchObject({ url: `http://${LAN}/vote/${code}`, address: `${LAN}/vote` });
    const qr = (await voteQrLoader(args(get(`/staff/events/${eventId}/vote-qr.svg`, cookie, LAN), eventId))) as Response;
    expect(await qr.text()).toBe(await qrSvg(`http://${LAN}/vote/${code}`));

    const made = await generateTickets(eventId, 1, live.organiser.actor);
    if (!made.ok) throw new Error(made.message);
    const tickets = await ticketsLoader(args(get(`/staff/events/${eventId}/tickets`, cookie, LAN), eventId));
    expect(tickets.voteAddress).toBe(`http://${LAN}/vote`);
    const [ticket] = tickets.tickets;
    expect(ticket.qr).toBe(await qrDataUrl(`http://${LAN}/vote/${ticket.code}`));
  });

  it("fall back to APP_URL when the Host header is missing or not a plain host", async () => {
    const cookie = await organiserCookie();
    const live = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
    for (const host of [undefined, "evil.example/path", "a b", `${"a".repeat(300)}.example`]) {
      const screen = await screenLoader(args(get(`/screen/${live.event.id}`, cookie, host), live.event.id));
      expect(screen.join?.address).toBe("localhost:3000/vote");
    }
  });
});

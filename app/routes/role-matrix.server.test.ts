import { useTestDatabase } from "~/testing/database";
import { readdirSync } from "node:fs";
import { createCookie, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { formatSortableDateTime } from "~/domain/zoned-time";
import { createCheckpoint } from "~/models/checkpoint.server";
import { requestPayment } from "~/coordinators/payments/payments.server";
import { createSession } from "~/models/session.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { seedPastEvent, type PastEvent } from "../../prisma/seed/past-event";
import { seedStaff } from "../../prisma/seed/staff";

// Who may do what, route by route: every route module's loader (GET) and action (POST) called
// directly as each kind of visitor, against the demo's completed event and a live event.
//
// The visitors (columns of the tables below):
//   anon     nobody signed in, no link
//   group    a group holding its bid's private link (the link is the capability)
//   panel    a panellist of this event, on the phone bound to their invite
//   other    a panellist of another event (their phone's cookie is for that event)
//   org      organiser        funder     funder        auditor    auditor        admin   administrator
//
// The answers: 200 (or 201/204) the page or file, "login" a redirect to sign in, 403, 404,
// 400 the action reached its form and refused what was sent (an empty form: nothing changed),
// 409 the model refused the change, "go" a redirect elsewhere (e.g. a panellist's phone that
// already joined goes to its panel page). Capability routes get the visitor's own token: the
// group's private link, the panellist's invite; everyone else brings a well-formed link that
// opens nothing.

useTestDatabase();
afterAll(() => closeLiveBus());

const ROLES = ["anon", "group", "panel", "other", "org", "funder", "auditor", "admin"] as const;
type Role = (typeof ROLES)[number];
/** Who calls: a visitor of the tables, or the second funder (for four eyes). */
type Caller = Role | "funder2";
const STAFF_KEY: Partial<Record<Caller, string>> = { org: "organiser", funder: "funder", funder2: "funder2", auditor: "auditor", admin: "admin" };

const NO_LINK = "A".repeat(43);
/** A well-formed id of a bulk-payment file that does not exist. */
const NO_BATCH = "cm0000000000000000000nobt";

interface World {
  past: PastEvent;
  staff: Record<string, { id: string }>;
  live: Awaited<ReturnType<typeof makeLiveEvent>>;
  other: Awaited<ReturnType<typeof makeLiveEvent>>;
  checkpointId: string;
  /** A cheque for the Shed's award, asked for by Fran (who decided it) and waiting for a second funder. */
  shedPaymentId: string;
}

let w: World;

beforeAll(async () => {
  const staff = await seedStaff();
  const past = await seedPastEvent(staff, new Date());
  const live = await makeLiveEvent({ bids: 2, panellists: 1, audienceMode: "OPEN" });
  const other = await makeLiveEvent({ bids: 1, panellists: 1 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  await live.chair({ type: "NEXT" });
  const checkpoint = await createCheckpoint({ note: "Before the role matrix", via: "cli" }, { type: "system" });
  if (!checkpoint.ok) throw new Error(checkpoint.error);
  const requested = await requestPayment(past.awards.shed, { method: "CHEQUE" }, staff.byKey.funder);
  if (!requested.ok) throw new Error(requested.message);
  w = { past, staff: staff.byKey, live, other, checkpointId: checkpoint.checkpoint.id, shedPaymentId: requested.payment.id };
}, 120_000);

// ---------- Calling a route as a visitor ----------

const BASE = "http://localhost:3000";
const sessionCookie = createCookie("pd_session");
const panelCookie = createCookie("pd_panel");

async function cookieFor(role: Caller): Promise<string | null> {
  const key = STAFF_KEY[role];
  // why a new session each call: a POST to /logout ends the session it was sent with.
  if (key) return sessionCookie.serialize(await createSession(w.staff[key].id, {}));
  if (role === "panel") return panelCookie.serialize({ [w.live.event.id]: w.live.panellists[0].deviceToken });
  if (role === "other") return panelCookie.serialize({ [w.other.event.id]: w.other.panellists[0].deviceToken });
  return null;
}

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

/** What a visitor sees: the status, with redirects told apart by where they go. */
function answerOf(result: unknown): string {
  if (result instanceof Response) {
    void result.body?.cancel().catch(() => undefined);
    if (result.status >= 300 && result.status < 400) return (result.headers.get("Location") ?? "").startsWith("/login") ? "login" : "go";
    return String(result.status);
  }
  // why: `data(value, { status })` answers arrive wrapped with their status.
  if (result && typeof result === "object" && "init" in result && (result as { type?: string }).type === "DataWithResponseInit") {
    return String((result as { init?: { status?: number } | null }).init?.status ?? 200);
  }
  return "200";
}

async function auditHead() {
  return (await db().auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
}

/** The answer, marked "+" when the call added to the audit log (it changed something). */
async function call(route: RouteCase, kind: "loader" | "action", role: Caller, body?: Record<string, string>): Promise<string> {
  const before = await auditHead();
  const answer = await answerFor(route, kind, role, body);
  return (await auditHead()) > before ? `${answer}+` : answer;
}

async function answerFor(route: RouteCase, kind: "loader" | "action", role: Caller, body?: Record<string, string>): Promise<string> {
  const mod = (await import(`./${route.file}`)) as RouteModule;
  const fn = mod[kind];
  if (!fn) throw new Error(`${route.file} has no ${kind}`);
  const cookie = await cookieFor(role);
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const url = `${BASE}${route.path(w, role)}`;
  const abort = new AbortController();
  const request =
    kind === "loader"
      ? new Request(url, { headers, signal: abort.signal })
      : new Request(url, { method: "POST", headers, body: new URLSearchParams(body ?? {}), signal: abort.signal });
  try {
    return answerOf(await fn({ request, params: route.params?.(w, role) ?? {}, context: {} }));
  } catch (error) {
    if (error instanceof Response) return answerOf(error);
    throw error;
  } finally {
    abort.abort();
  }
}

// ---------- The table ----------

interface RouteCase {
  file: string;
  path: (w: World, role: Caller) => string;
  params?: (w: World, role: Caller) => Record<string, string>;
  /** Expected answers in ROLES order, e.g. "login login login login 200 200 200 200". */
  loader?: string;
  action?: string;
}

const bidToken = (w: World, role: Caller) => (role === "group" ? w.past.bids.larder.token : NO_LINK);
const invite = (w: World, role: Caller) => (role === "panel" ? w.live.panellists[0].inviteToken : NO_LINK);
const ev = (w: World) => w.live.event.id;
const past = (w: World) => w.past.eventId;

// In production the development mail outbox (dev.mail) is off unless MAIL_OUTBOX_PAGE=on; tests
// run with it on. A "+" on a loader means reading it is itself recorded (an export of bids).
//
//            anon   group  panel  other  org    funder auditor admin
const ROUTES: RouteCase[] = [
  { file: "_index", path: () => "/" },
  { file: "$", path: () => "/no-such-page", params: () => ({ "*": "no-such-page" }),
    loader: "404    404    404    404    404    404    404    404",
  },
  { file: "healthz", path: () => "/healthz",
    loader: "200    200    200    200    200    200    200    200",
  },
  { file: "login", path: () => "/login",
    loader: "200    200    200    200    go     go     go     go",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "language", path: () => "/language?lang=cy&redirectTo=%2Fvote",
    loader: "go     go     go     go     go     go     go     go",
  },
  { file: "logout", path: () => "/logout",
    loader: "go     go     go     go     go     go     go     go",
    action: "go     go     go     go     go     go     go     go",
  },
  { file: "account", path: () => "/account",
    loader: "login  login  login  login  200    200    200    200",
    action: "login  login  login  login  400    400    400    400",
  },
  { file: "password.forgot", path: () => "/password/forgot",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "password.reset.$token", path: () => `/password/reset/${NO_LINK}`, params: () => ({ token: NO_LINK }),
    loader: "404    404    404    404    404    404    404    404",
    action: "404    404    404    404    404    404    404    404",
  },
  { file: "invite.$token", path: () => `/invite/${NO_LINK}`, params: () => ({ token: NO_LINK }),
    loader: "404    404    404    404    404    404    404    404",
    action: "404    404    404    404    404    404    404    404",
  },
  { file: "dev.mail", path: () => "/dev/mail",
    loader: "200    200    200    200    200    200    200    200",
  },

  // The public: rounds, applying, results, voting, the live state.
  { file: "rounds._index", path: () => "/rounds",
    loader: "200    200    200    200    200    200    200    200",
  },
  { file: "rounds.$slug", path: () => "/rounds/summer-2026", params: () => ({ slug: "summer-2026" }),
    loader: "200    200    200    200    200    200    200    200",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "rounds.$slug_.apply", path: () => "/rounds/summer-2026/apply", params: () => ({ slug: "summer-2026" }),
    loader: "200    200    200    200    200    200    200    200",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "results._index", path: () => "/results",
    loader: "200    200    200    200    200    200    200    200",
  },
  { file: "results.$eventId", path: (w) => `/results/${past(w)}`, params: (w) => ({ eventId: past(w) }),
    loader: "200    200    200    200    200    200    200    200",
  },
  { file: "vote._index", path: () => "/vote",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "vote.$code", path: (w) => `/vote/${w.live.event.joinCode}`, params: (w) => ({ code: w.live.event.joinCode }),
    loader: "200    200    200    200    200    200    200    200",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "vote.$code.ballot", path: (w) => `/vote/${w.live.event.joinCode}/ballot`, params: (w) => ({ code: w.live.event.joinCode }),
    action: "422    422    422    422    422    422    422    422",
  },
  { file: "events.$eventId.state", path: (w) => `/events/${ev(w)}/state`, params: (w) => ({ eventId: ev(w) }),
    loader: "200    200    200    200    200    200    200    200",
  },
  { file: "events.$eventId.live", path: (w) => `/events/${ev(w)}/live`, params: (w) => ({ eventId: ev(w) }),
    loader: "200    200    200    200    200    200    200    200",
  },
  { file: "payout.$outcome", path: () => "/payout/done", params: () => ({ outcome: "done" }),
    loader: "200    200    200    200    200    200    200    200",
  },
  { file: "webhooks.stripe", path: () => "/webhooks/stripe",
    loader: "405    405    405    405    405    405    405    405",
    action: "503    503    503    503    503    503    503    503",
  },

  // A group's private link.
  { file: "bid.$token", path: (w, r) => `/bid/${bidToken(w, r)}`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
  },
  { file: "bid.$token_.edit", path: (w, r) => `/bid/${bidToken(w, r)}/edit`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "bid.$token_.check", path: (w, r) => `/bid/${bidToken(w, r)}/check`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    go     404    404    404    404    404    404",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "bid.$token_.submitted", path: (w, r) => `/bid/${bidToken(w, r)}/submitted`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
  },
  { file: "bid.$token_.withdraw", path: (w, r) => `/bid/${bidToken(w, r)}/withdraw`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
    action: "404    409    404    404    404    404    404    404",
  },
  { file: "bid.$token_.accept", path: (w, r) => `/bid/${bidToken(w, r)}/accept`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
    action: "400    400    400    400    400    400    400    400",
  },
  { file: "bid.$token_.bank-details", path: (w, r) => `/bid/${bidToken(w, r)}/bank-details`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
    action: "404    400    404    404    404    404    404    404",
  },
  { file: "bid.$token_.payout", path: (w, r) => `/bid/${bidToken(w, r)}/payout`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
  },
  // The end-of-grant report (this grant is paid): an empty post saves an empty draft.
  { file: "bid.$token_.report", path: (w, r) => `/bid/${bidToken(w, r)}/report`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
    action: "404    go     404    404    404    404    404    404",
  },
  { file: "bid.$token_.report.photos.$photoId", path: (w, r) => `/bid/${bidToken(w, r)}/report/photos/nophoto`, params: (w, r) => ({ token: bidToken(w, r), photoId: "nophoto" }),
    loader: "404    404    404    404    404    404    404    404",
  },
  { file: "bid.$token.letter[.]pdf", path: (w, r) => `/bid/${bidToken(w, r)}/letter.pdf`, params: (w, r) => ({ token: bidToken(w, r) }),
    loader: "404    200    404    404    404    404    404    404",
  },

  // A panellist's phone.
  { file: "panel.join.$token", path: (w, r) => `/panel/join/${invite(w, r)}`, params: (w, r) => ({ token: invite(w, r) }),
    loader: "404    404    go     404    404    404    404    404",
    action: "404    404    go     404    404    404    404    404",
  },
  { file: "panel.$eventId._index", path: (w) => `/panel/${ev(w)}`, params: (w) => ({ eventId: ev(w) }),
    loader: "403    403    200    403    403    403    403    403",
  },
  { file: "panel.$eventId.conflicts", path: (w) => `/panel/${ev(w)}/conflicts`, params: (w) => ({ eventId: ev(w) }),
    loader: "403    403    200    403    403    403    403    403",
    action: "403    403    400    403    403    403    403    403",
  },
  // Scoring has not started in this world, so the panellist's empty sheet is refused (409) before it is checked.
  { file: "panel.$eventId.score.$bidId", path: (w) => `/panel/${ev(w)}/score/${w.live.bids[0].id}`, params: (w) => ({ eventId: ev(w), bidId: w.live.bids[0].id }),
    loader: "403    403    200    403    403    403    403    403",
    action: "403    403    409    403    403    403    403    403",
  },
  { file: "panel.$eventId.sheets.$bidId", path: (w) => `/panel/${ev(w)}/sheets/${w.live.bids[0].id}`, params: (w) => ({ eventId: ev(w), bidId: w.live.bids[0].id }),
    action: "403    403    409    403    403    403    403    403",
  },

  // Staff.
  { file: "staff._index", path: () => "/staff",
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.funds._index", path: () => "/staff/funds",
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.funds.new", path: () => "/staff/funds/new",
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.funds.$fundId._index", path: (w) => `/staff/funds/${w.past.fund.id}`, params: (w) => ({ fundId: w.past.fund.id }),
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.funds.$fundId.edit", path: (w) => `/staff/funds/${w.past.fund.id}/edit`, params: (w) => ({ fundId: w.past.fund.id }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.funds.$fundId.rounds.new", path: (w) => `/staff/funds/${w.past.fund.id}/rounds/new`, params: (w) => ({ fundId: w.past.fund.id }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.funds.$fundId.360giving[.]json", path: (w) => `/staff/funds/${w.past.fund.id}/360giving.json`, params: (w) => ({ fundId: w.past.fund.id }),
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.funds.$fundId.360giving[.]csv", path: (w) => `/staff/funds/${w.past.fund.id}/360giving.csv`, params: (w) => ({ fundId: w.past.fund.id }),
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.rounds.$roundId._index", path: (w) => `/staff/rounds/${w.past.round.id}`, params: (w) => ({ roundId: w.past.round.id }),
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.rounds.$roundId.edit", path: (w) => `/staff/rounds/${w.past.round.id}/edit`, params: (w) => ({ roundId: w.past.round.id }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.rounds.$roundId.bids", path: (w) => `/staff/rounds/${w.past.round.id}/bids`, params: (w) => ({ roundId: w.past.round.id }),
    loader: "login  login  login  login  200    200    200    403",
  },
  { file: "staff.rounds.$roundId.bids[.]csv", path: (w) => `/staff/rounds/${w.past.round.id}/bids.csv`, params: (w) => ({ roundId: w.past.round.id }),
    loader: "login  login  login  login  200+   200+   200+   403",
  },
  { file: "staff.rounds.$roundId.events.new", path: (w) => `/staff/rounds/${w.past.round.id}/events/new`, params: (w) => ({ roundId: w.past.round.id }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.rounds.$roundId.360giving[.]json", path: (w) => `/staff/rounds/${w.past.round.id}/360giving.json`, params: (w) => ({ roundId: w.past.round.id }),
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.rounds.$roundId.360giving[.]csv", path: (w) => `/staff/rounds/${w.past.round.id}/360giving.csv`, params: (w) => ({ roundId: w.past.round.id }),
    loader: "login  login  login  login  200    200    200    200",
  },
  { file: "staff.bids.$bidId", path: (w) => `/staff/bids/${w.past.bids.larder.id}`, params: (w) => ({ bidId: w.past.bids.larder.id }),
    loader: "login  login  login  login  200    200    200    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.bids.$bidId_.personal-data", path: (w) => `/staff/bids/${w.past.bids.larder.id}/personal-data`, params: (w) => ({ bidId: w.past.bids.larder.id }),
    loader: "login  login  login  login  200    403    403    200",
    action: "login  login  login  login  400    403    403    400",
  },
  { file: "staff.bids.$bidId_.personal-data[.]json", path: (w) => `/staff/bids/${w.past.bids.larder.id}/personal-data.json`, params: (w) => ({ bidId: w.past.bids.larder.id }),
    loader: "405    405    405    405    405    405    405    405",
    action: "login  login  login  login  200+   403    403    200+",
  },
  { file: "staff.events.$eventId._index", path: (w) => `/staff/events/${ev(w)}`, params: (w) => ({ eventId: ev(w) }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.events.$eventId.control", path: (w) => `/staff/events/${ev(w)}/control`, params: (w) => ({ eventId: ev(w) }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.events.$eventId.invites.print", path: (w) => `/staff/events/${ev(w)}/invites/print`, params: (w) => ({ eventId: ev(w) }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  200    403    403    403",
  },
  { file: "staff.events.$eventId.paper", path: (w) => `/staff/events/${ev(w)}/paper`, params: (w) => ({ eventId: ev(w) }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.events.$eventId.tickets", path: (w) => `/staff/events/${ev(w)}/tickets`, params: (w) => ({ eventId: ev(w) }),
    loader: "login  login  login  login  200    403    403    403",
    action: "login  login  login  login  400    403    403    403",
  },
  { file: "staff.events.$eventId.vote-qr[.]svg", path: (w) => `/staff/events/${ev(w)}/vote-qr.svg`, params: (w) => ({ eventId: ev(w) }),
    loader: "login  login  login  login  200    200    200    403",
  },
  { file: "staff.events.$eventId.decisions", path: (w) => `/staff/events/${past(w)}/decisions`, params: (w) => ({ eventId: past(w) }),
    loader: "login  login  login  login  200    200    200    403",
    action: "login  login  login  login  403    400    403    403",
  },
  { file: "staff.awards._index", path: () => "/staff/awards",
    loader: "login  login  login  login  200    200    200    403",
  },
  { file: "staff.awards.$awardId", path: (w) => `/staff/awards/${w.past.awards.larder}`, params: (w) => ({ awardId: w.past.awards.larder }),
    loader: "login  login  login  login  200    200    200    403",
    action: "login  login  login  login  400    400    400    403",
  },
  { file: "staff.awards.$awardId_.payee", path: (w) => `/staff/awards/${w.past.awards.larder}/payee`, params: (w) => ({ awardId: w.past.awards.larder }),
    loader: "login  login  login  login  403    200    403    403",
  },
  { file: "staff.awards.$awardId_.schedule", path: (w) => `/staff/awards/${w.past.awards.larder}/schedule`, params: (w) => ({ awardId: w.past.awards.larder }),
    loader: "login  login  login  login  403    200    403    403",
    action: "login  login  login  login  403    409    403    403",
  },
  { file: "staff.awards.batches._index", path: () => "/staff/awards/batches",
    loader: "login  login  login  login  403    200    403    403",
    action: "login  login  login  login  403    400    403    403",
  },
  { file: "staff.awards.batches.$batchId", path: () => `/staff/awards/batches/${NO_BATCH}`, params: () => ({ batchId: NO_BATCH }),
    loader: "login  login  login  login  403    404    403    403",
    action: "login  login  login  login  403    400    403    403",
  },
  { file: "staff.awards.batches.$batchId[.]txt", path: () => `/staff/awards/batches/${NO_BATCH}.txt`, params: () => ({ batchId: NO_BATCH }),
    loader: "login  login  login  login  403    404    403    403",
  },
  { file: "staff.awards.$awardId.letter[.]pdf", path: (w) => `/staff/awards/${w.past.awards.larder}/letter.pdf`, params: (w) => ({ awardId: w.past.awards.larder }),
    loader: "login  login  login  login  200    200    200    403",
  },
  { file: "staff.grants._index", path: () => "/staff/grants",
    loader: "login  login  login  login  200    200    200    403",
  },
  { file: "staff.grants.$awardId", path: (w) => `/staff/grants/${w.past.awards.larder}`, params: (w) => ({ awardId: w.past.awards.larder }),
    loader: "login  login  login  login  200    200    200    403",
    action: "login  login  login  login  403    400    403    403",
  },
  { file: "staff.grants.$awardId.photos.$photoId", path: (w) => `/staff/grants/${w.past.awards.larder}/photos/nophoto`, params: (w) => ({ awardId: w.past.awards.larder, photoId: "nophoto" }),
    loader: "login  login  login  login  404    404    404    403",
  },
  { file: "screen.$eventId", path: (w) => `/screen/${ev(w)}`, params: (w) => ({ eventId: ev(w) }),
    loader: "login  login  login  login  200    200    200    403",
  },
  { file: "admin.users._index", path: () => "/admin/users",
    loader: "login  login  login  login  403    403    403    200",
    action: "login  login  login  login  403    403    403    400",
  },
  { file: "admin.users.$userId", path: (w) => `/admin/users/${w.staff.organiser.id}`, params: (w) => ({ userId: w.staff.organiser.id }),
    loader: "login  login  login  login  403    403    403    200",
    action: "login  login  login  login  403    403    403    400",
  },

  // Audit and transparency.
  { file: "audit._index", path: () => "/audit",
    loader: "login  login  login  login  403    403    200    200",
  },
  { file: "audit.checkpoints", path: () => "/audit/checkpoints",
    loader: "login  login  login  login  403    403    200    200",
    action: "login  login  login  login  403    403    400    400",
  },
  { file: "audit.checkpoints.$id[.]json", path: (w) => `/audit/checkpoints/${w.checkpointId}.json`, params: (w) => ({ id: w.checkpointId }),
    loader: "login  login  login  login  403    403    200    200",
  },
  { file: "audit.events._index", path: () => "/audit/events",
    loader: "login  login  login  login  403    200    200    200",
  },
  { file: "audit.events.$eventId", path: (w) => `/audit/events/${past(w)}`, params: (w) => ({ eventId: past(w) }),
    loader: "login  login  login  login  403    200    200    200",
  },
  { file: "audit.events.$eventId.report[.]pdf", path: (w) => `/audit/events/${past(w)}/report.pdf`, params: (w) => ({ eventId: past(w) }),
    loader: "login  login  login  login  403    200    200    200",
  },
  { file: "audit.events.$eventId.$file[.]csv", path: (w) => `/audit/events/${past(w)}/payments.csv`, params: (w) => ({ eventId: past(w), file: "payments" }),
    loader: "login  login  login  login  403    200    200    200",
  },
];

const cells = (row: string) => row.trim().split(/\s+/);

describe("the role matrix", () => {
  it("covers every route module", () => {
    const files = readdirSync(__dirname)
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => f.replace(/\.(ts|tsx)$/, ""));
    expect(ROUTES.map((r) => r.file).sort()).toEqual(files.sort());
  });

  const cases = ROUTES.flatMap((route) => [
    ...(route.loader ? [{ route, kind: "loader" as const, expected: route.loader }] : []),
    ...(route.action ? [{ route, kind: "action" as const, expected: route.action }] : []),
  ]);

  it.each(cases.map((c) => [`${c.route.file} ${c.kind === "loader" ? "GET" : "POST (empty form)"}`, c] as const))("%s", async (_name, c) => {
    const mod = (await import(`./${c.route.file}`)) as RouteModule;
    expect(typeof mod[c.kind]).toBe("function");
    const seen: string[] = [];
    for (const role of ROLES) seen.push(await call(c.route, c.kind, role));
    // Compared as one line so a failure shows the whole row: anon group panel other org funder auditor admin.
    expect(seen.join(" ")).toBe(cells(c.expected).join(" "));
  });

  it("declares an answer for every loader and action a module has", async () => {
    for (const route of ROUTES) {
      const mod = (await import(`./${route.file}`)) as RouteModule;
      expect([route.file, Boolean(route.loader)]).toEqual([route.file, typeof mod.loader === "function"]);
      expect([route.file, Boolean(route.action)]).toEqual([route.file, typeof mod.action === "function"]);
    }
  });
});

describe("an auditor", () => {
  it("is refused by every staff and administration action at the door", () => {
    const column = ROLES.indexOf("auditor");
    const doors = ROUTES.filter((r) => r.action && /^(staff|admin)\./.test(r.file) && r.file !== "staff.awards.$awardId");
    expect(doors.length).toBeGreaterThanOrEqual(15);
    for (const route of doors) expect([route.file, cells(route.action!)[column]]).toEqual([route.file, "403"]);
  });

  // The award page lets everyone who may read events in (its buttons depend on the role), so
  // each of its changes is tried with a form that is right in every other way.
  const shedAward: RouteCase = {
    file: "staff.awards.$awardId",
    path: (w) => `/staff/awards/${w.past.awards.shed}`,
    params: (w) => ({ awardId: w.past.awards.shed }),
  };

  it.each([
    ["accept an award for the group", () => ({ intent: "accept", signedName: "Aud Auditor", agree: "yes" }), "409"],
    ["ask for another payment of an award", () => ({ intent: "request", method: "BANK_TRANSFER" }), "409"],
    ["approve a payment", () => ({ intent: "approve", paymentId: w.shedPaymentId }), "409"],
    ["send a payment", () => ({ intent: "send", paymentId: w.shedPaymentId }), "409"],
    ["record a payment as made", () => ({ intent: "manual", paymentId: w.shedPaymentId, reference: "000999", paidOn: formatSortableDateTime(new Date(), "Europe/London").slice(0, 10) }), "409"],
    ["cancel a payment", () => ({ intent: "cancel-payment", paymentId: w.shedPaymentId, reason: "Entered by mistake" }), "409"],
    ["cancel an award", () => ({ intent: "cancel-award", reason: "The group has folded" }), "409"],
    ["make a payment set-up link for a group", () => ({ intent: "onboarding-link" }), "403"],
    ["check a group's payment account", () => ({ intent: "check-stripe" }), "403"],
  ])("cannot %s", async (_what, body, refusal) => {
    const before = await db().award.findUniqueOrThrow({ where: { id: w.past.awards.shed }, include: { payments: true } });
    expect(await call(shedAward, "action", "auditor", body())).toBe(refusal);
    expect(await db().award.findUniqueOrThrow({ where: { id: w.past.awards.shed }, include: { payments: true } })).toEqual(before);
  });

  it("leaves the award for a second funder, whose approval of the same form goes through", async () => {
    expect(await call(shedAward, "action", "funder", { intent: "approve", paymentId: w.shedPaymentId })).toBe("409");
    expect(await call(shedAward, "action", "funder2", { intent: "approve", paymentId: w.shedPaymentId })).toBe("go+");
    expect(await db().payment.findUniqueOrThrow({ where: { id: w.shedPaymentId } })).toMatchObject({ status: "APPROVED", approvedById: w.staff.funder2.id });
  });

  it("can take a checkpoint of the audit log, the one change an auditor makes", async () => {
    const route = ROUTES.find((r) => r.file === "audit.checkpoints")!;
    expect(await call(route, "action", "auditor", { intent: "create", note: "Quarterly audit" })).toBe("go+");
    const entry = await db().auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(entry).toMatchObject({ action: "audit.checkpoint_created", actorType: "user", actorId: w.staff.auditor.id });
    expect(await db().auditCheckpoint.count({ where: { note: "Quarterly audit" } })).toBe(1);
  });
});

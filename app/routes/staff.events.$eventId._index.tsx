import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventDetailsForm } from "~/components/live/event-details-form";
import { panelInvitePath } from "~/components/live/links";
import { PhoneReachNotice } from "~/components/live/phone-reach-notice";
import { qrDataUrl } from "~/components/live/qr.server";
import { SLOT_TAGS } from "~/components/live/running-order";
import type { Invite } from "~/components/panel/invite-once";
import { PanelSection } from "~/components/panel/panel-section";
import { EVENT_STATE_LABELS, SLOT_STATE_LABELS, type EventState } from "~/domain/event-machine";
import { panelInviteSchema, panellistSchema, setupIntentSchema, slotMoveSchema } from "~/domain/event-forms";
import { eventSetupSchema, formatDuration } from "~/domain/event-setup";
import { AUDIENCE_MODE_LABELS, describeRule } from "~/domain/fund";
import { formatCode } from "~/domain/join-code";
import { can } from "~/domain/permissions";
import { formatDateTime, utcToLocalInput } from "~/domain/zoned-time";
import { getEvent, moveSlot, refreshRunningOrder, runChairCommand, updateEvent } from "~/models/event.server";
import { invitePanellist, listPanel, reissueInvite, revokePanellist } from "~/models/panel.server";
import { getRound } from "~/models/round.server";
import { requirePermission } from "~/requests/auth.server";
import { env } from "~/utils/env.server";
import { parseForm } from "~/utils/forms";
import { appUrl, notFound, publicUrl, requestOrigin } from "~/utils/http.server";
import { pageReach } from "~/utils/reachability.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// The organiser's setup page for one live event: details, the decision rule as declared,
// the running order, the panel (invite links shown once), conflicts, and "Mark ready".

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Event"} – set up – Pitchday` }];

const MISSING = "There is no event at this address. It may have been typed wrongly.";
const SETUP_STATES: EventState[] = ["DRAFT", "READY"];

const NOTICES: Record<string, string> = {
  created: "Event created. Check the running order, then invite the panel.",
  saved: "Details saved.",
  moved: "Running order changed.",
  revoked: "Panellist removed. Their link and phone no longer work; scores they already sent still count.",
  ready: "The event is ready. The chair can start it from the chair’s controls.",
  draft: "The event is back to being set up.",
};

function refreshedNotice(params: URLSearchParams) {
  const added = Number(params.get("added") ?? 0);
  const removed = Number(params.get("removed") ?? 0);
  if (!added && !removed) return "The running order already matches the shortlist.";
  const parts = [];
  if (added) parts.push(`${added} newly shortlisted bid${added === 1 ? "" : "s"} added at the end`);
  if (removed) parts.push(`${removed} bid${removed === 1 ? "" : "s"} no longer shortlisted taken out`);
  return `Running order brought up to date: ${parts.join("; ")}.`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:manage");
  const event = await getEvent(routeParam(params, "eventId"));
  if (!event) throw notFound(MISSING);
  const round = await getRound(event.roundId);
  if (!round) throw notFound(MISSING);
  const panel = await listPanel(event.id);
  const tz = event.round.fund.timeZone;
  const search = new URL(request.url).searchParams;
  const notice = search.get("notice");
  const slotsByBid = new Map(event.slots.map((slot) => [slot.bidId, slot.bid]));
  const movable = event.state !== "SCORING_CLOSED" && event.state !== "DECIDED";
  return {
    notice: notice === "refreshed" ? refreshedNotice(search) : NOTICES[notice ?? ""] ?? null,
    canRun: can(user, "event:run"),
    reach: pageReach({ origin: requestOrigin(request), appUrl: env().APP_URL }),
    event: {
      id: event.id,
      title: event.title,
      state: event.state,
      stateLabel: EVENT_STATE_LABELS[event.state],
      starts: formatDateTime(event.startsAt, tz),
      venue: event.venue,
      pitch: formatDuration(event.pitchSeconds),
      questions: formatDuration(event.questionSeconds),
      editable: SETUP_STATES.includes(event.state),
      // why: substitutes can join until scoring closes; nothing about the panel changes after decisions.
      panelOpen: event.state !== "SCORING_CLOSED" && event.state !== "DECIDED",
      audience: AUDIENCE_MODE_LABELS[event.round.audienceMode],
      joinCode: event.round.audienceMode === "NONE" ? null : formatCode(event.joinCode),
      timeZone: tz,
    },
    round: { id: round.id, title: round.title, fund: round.fund.name },
    values: {
      title: event.title,
      startsAt: utcToLocalInput(event.startsAt, tz),
      venue: event.venue,
      pitchSeconds: formatDuration(event.pitchSeconds),
      questionSeconds: formatDuration(event.questionSeconds),
    },
    rule: describeRule(round),
    slots: event.slots.map((slot, index, all) => ({
      id: slot.id,
      number: index + 1,
      reference: slot.bid.reference,
      groupName: slot.bid.groupName,
      projectTitle: slot.bid.projectTitle,
      state: slot.state,
      stateLabel: SLOT_STATE_LABELS[slot.state],
      shortlisted: slot.bid.status === "SHORTLISTED",
      // why: only pitches that have not started change places (see moveSlot).
      up: movable && slot.state === "WAITING" && all[index - 1]?.state === "WAITING",
      down: movable && slot.state === "WAITING" && all[index + 1]?.state === "WAITING",
    })),
    panel: panel.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      joined: p.joinedAt ? formatDateTime(p.joinedAt, tz) : null,
      pitchesScored: p.pitchesScored,
    })),
    conflicts: panel.flatMap((p) =>
      p.conflicts.map((c) => {
        const bid = slotsByBid.get(c.bidId);
        return {
          key: `${p.id}-${c.bidId}`,
          panellist: p.name,
          removed: p.status === "REVOKED",
          pitch: bid ? `${bid.reference}: ${bid.groupName}` : "A pitch no longer in the running order",
          reason: c.reason,
          declared: formatDateTime(c.declaredAt, tz),
        };
      })
    ),
  };
}

type ActionData = {
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  problem?: string;
  invite?: Invite;
};

// why: the invite link is a credential shown once; no cache may keep the page that shows it.
const NO_STORE = { "Cache-Control": "no-store" };

async function inviteData(request: Request, name: string, token: string, reissued: boolean, emailed: string | null = null) {
  const url = publicUrl(request, panelInvitePath(token));
  return data<ActionData>({ invite: { name, url, qr: await qrDataUrl(url), reissued, emailed } }, { headers: NO_STORE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:manage");
  const actor = { type: "user" as const, id: user.id };
  const eventId = routeParam(params, "eventId");
  const form = await readForm(request);
  const intent = setupIntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return data<ActionData>({ problem: "That button is not one this page knows. Reload the page and try again." }, { status: 400 });
  const back = (notice: string) => redirect(`/staff/events/${eventId}?notice=${notice}`);
  const refuse = (problem: string) => data<ActionData>({ problem }, { status: 409 });

  switch (intent.data.intent) {
    case "details": {
      const event = await getEvent(eventId);
      if (!event) throw notFound(MISSING);
      const submission = parseForm(eventSetupSchema(event.round.fund.timeZone), form);
      if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
      const saved = await updateEvent(eventId, submission.data, actor);
      return saved.ok ? back("saved") : refuse(saved.message);
    }
    case "move": {
      const submission = parseForm(slotMoveSchema, form);
      if (!submission.ok) return refuse(Object.values(submission.errors)[0]);
      const moved = await moveSlot(eventId, submission.data.slotId, submission.data.direction, actor);
      return moved.ok ? back("moved") : refuse(moved.message);
    }
    case "refresh": {
      const refreshed = await refreshRunningOrder(eventId, actor);
      if (!refreshed.ok) return refuse(refreshed.message);
      return redirect(`/staff/events/${eventId}?notice=refreshed&added=${refreshed.added}&removed=${refreshed.removed}`);
    }
    case "invite": {
      const submission = parseForm(panelInviteSchema, form);
      if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
      // why APP_URL for the email: nobody's browser is at the other end of it (utils/public-origin.ts).
      const invited = await invitePanellist({ eventId, ...submission.data, mailBaseUrl: appUrl("/") }, actor);
      if (!invited.ok) return refuse(invited.message);
      return inviteData(request, invited.panellist.name, invited.inviteToken, false, invited.emailed);
    }
    case "reissue":
    case "revoke": {
      const submission = parseForm(panellistSchema, form);
      if (!submission.ok) return refuse(Object.values(submission.errors)[0]);
      const { panellistId } = submission.data;
      if (intent.data.intent === "revoke") {
        const revoked = await revokePanellist(eventId, panellistId, actor);
        return revoked.ok ? back("revoked") : refuse(revoked.message);
      }
      const reissued = await reissueInvite(eventId, panellistId, actor);
      if (!reissued.ok) return refuse(reissued.message);
      return inviteData(request, reissued.name, reissued.inviteToken, true);
    }
    case "ready":
    case "draft": {
      const done = await runChairCommand(eventId, { type: intent.data.intent === "ready" ? "MARK_READY" : "BACK_TO_DRAFT" }, actor);
      return done.ok ? back(intent.data.intent) : refuse(done.message);
    }
  }
}

export default function EventSetup() {
  const { event, round, values, rule, slots, panel, conflicts, notice, canRun, reach } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const detailErrors = result?.values && "title" in result.values ? result.errors ?? {} : {};
  const inviteErrors = result?.values && "name" in result.values ? result.errors ?? {} : {};

  return (
    <>
      <p>
        <Link to={`/staff/rounds/${round.id}`}>Back to {round.title}</Link>
      </p>
      {notice && !result ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {result?.problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>That was not done</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <span className="caption">
        {round.fund}: {round.title}
      </span>
      <h1>{event.title}</h1>
      <p>
        <strong className={event.state === "DRAFT" ? "tag tag--grey" : "tag tag--green"}>{event.stateLabel}</strong>
      </p>
      <ul className="event-links">
        {canRun ? (
          <li>
            <Link to={`/staff/events/${event.id}/control`} className="button">
              Open the chair’s controls
            </Link>
          </li>
        ) : null}
        <li>
          <Link to={`/screen/${event.id}`} className="button button--secondary" target="_blank" rel="noopener">
            Open the big screen<span className="visually-hidden"> (opens in a new tab)</span>
          </Link>
        </li>
        <li>
          <Link to={`/staff/events/${event.id}/tickets`}>Audience tickets</Link>
        </li>
        <li>
          <Link to={`/staff/events/${event.id}/paper`}>Paper ballots</Link>
        </li>
        <li>
          <Link to={`/staff/events/${event.id}/decisions`}>Ranking and decisions</Link>
        </li>
      </ul>

      {reach ? <PhoneReachNotice reach={reach} /> : null}

      <h2>Details</h2>
      {event.editable ? (
        <EventDetailsForm
          values={result?.values && "title" in result.values ? result.values : values}
          errors={detailErrors}
          timeZone={event.timeZone}
          submitLabel="Save details"
          busy={busy}
        />
      ) : (
        <>
          <p className="hint">The event has started, so its details are fixed.</p>
          <dl className="summary">
            <div>
              <dt>Starts</dt>
              <dd>{event.starts}</dd>
            </div>
            <div>
              <dt>Venue</dt>
              <dd>{event.venue}</dd>
            </div>
            <div>
              <dt>Pitch length</dt>
              <dd>{event.pitch}</dd>
            </div>
            <div>
              <dt>Time for questions</dt>
              <dd>{event.questions}</dd>
            </div>
          </dl>
        </>
      )}
      <dl className="summary">
        <div>
          <dt>Audience vote</dt>
          <dd>{event.audience}</dd>
        </div>
        {event.joinCode ? (
          <div>
            <dt>Audience join code</dt>
            <dd className="join-code-inline">{event.joinCode}</dd>
          </div>
        ) : null}
      </dl>

      <h2>Decision rule</h2>
      <p className="hint">
        Declared on the round before the event, and shown to everyone. To change it, <Link to={`/staff/rounds/${round.id}/edit`}>edit the round</Link> (only
        until an event of the round starts).
      </p>
      <ul>
        {rule.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <h2 id="running-order">Running order</h2>
      {slots.length === 0 ? (
        <p>No pitches yet. Shortlist bids on the round, then bring the running order up to date with the shortlist.</p>
      ) : (
        <div className="table-wrap">
          <table className="order-table">
            <caption className="visually-hidden">Running order: pitches in the order they will be heard</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Order
                </th>
                <th scope="col">Group and project</th>
                <th scope="col">State</th>
                <th scope="col">Change the order</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => (
                <tr key={slot.id}>
                  <td className="num">{slot.number}</td>
                  <td>
                    {slot.groupName}
                    <span className="hint">
                      {slot.projectTitle} ({slot.reference})
                    </span>
                    {!slot.shortlisted ? <strong className="tag tag--red">No longer shortlisted: bring the order up to date to take it out</strong> : null}
                  </td>
                  <td>
                    <strong className={SLOT_TAGS[slot.state]}>{slot.stateLabel}</strong>
                  </td>
                  <td>
                    <div className="row-actions">
                      {slot.up ? <MoveButton slotId={slot.id} direction="up" label="Move up" group={slot.groupName} busy={busy} /> : null}
                      {slot.down ? <MoveButton slotId={slot.id} direction="down" label="Move down" group={slot.groupName} busy={busy} /> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {event.editable ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="refresh" />
          <p className="hint">Adds bids shortlisted since, at the end, and takes out bids no longer shortlisted.</p>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Refresh from shortlist
          </button>
        </Form>
      ) : null}

      <PanelSection
        eventId={event.id}
        panel={panel}
        panelOpen={event.panelOpen}
        invite={result?.invite ?? null}
        errors={inviteErrors}
        values={result?.values && "name" in result.values ? result.values : null}
        busy={busy}
      />

      <h2 id="conflicts">Conflicts of interest</h2>
      {conflicts.length === 0 ? (
        <p>No panellist has declared a conflict of interest.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Conflicts of interest declared by panellists</caption>
            <thead>
              <tr>
                <th scope="col">Panellist</th>
                <th scope="col">Pitch</th>
                <th scope="col">Reason</th>
                <th scope="col">Declared</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={c.key}>
                  <td>
                    {c.panellist}
                    {c.removed ? <span className="hint">Removed from the panel</span> : null}
                  </td>
                  <td>{c.pitch}</td>
                  <td className="pre-line">{c.reason}</td>
                  <td>{c.declared}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {event.state === "DRAFT" || event.state === "READY" ? (
        <section aria-labelledby="readiness">
          <h2 id="readiness">{event.state === "DRAFT" ? "Ready to go?" : "Ready"}</h2>
          {event.state === "DRAFT" ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="ready" />
              <p>Mark the event ready once the running order is right and the panel is invited. The chair can then start it.</p>
              <button type="submit" className="button" disabled={busy}>
                Mark ready
              </button>
            </Form>
          ) : (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="draft" />
              <p>The event is ready for the chair to start. The details, running order and panel can still change until it starts.</p>
              <button type="submit" className="button button--secondary" disabled={busy}>
                Back to setting up
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </>
  );
}

function MoveButton({ slotId, direction, label, group, busy }: { slotId: string; direction: "up" | "down"; label: string; group: string; busy: boolean }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="slotId" value={slotId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="button button--secondary" disabled={busy}>
        {label}
        <span className="visually-hidden"> {group}</span>
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

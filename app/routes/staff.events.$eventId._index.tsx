import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ConflictsSection } from "~/components/event-setup/conflicts-section";
import { DetailsSection } from "~/components/event-setup/details-section";
import { EventLinks } from "~/components/event-setup/event-links";
import { ReadinessSection } from "~/components/event-setup/readiness-section";
import { RunningOrderSection } from "~/components/event-setup/running-order-section";
import { panelInvitePath } from "~/components/live/links";
import { PhoneReachNotice } from "~/components/live/phone-reach-notice";
import { qrDataUrl } from "~/components/live/qr.server";
import type { Invite } from "~/components/panel/invite-once";
import { PanelSection } from "~/components/panel/panel-section";
import { panelInviteSchema, panellistSchema, setupIntentSchema, slotMoveSchema } from "~/domain/event-forms";
import { eventSetupSchema } from "~/domain/event-setup";
import { eventSetupNotice, eventSetupView } from "~/domain/event-setup-page";
import { can } from "~/domain/permissions";
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
// What it shows is built in app/domain/event-setup-page.ts; its sections are in
// app/components/event-setup (and app/components/panel).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Event"} – set up – Pitchday` }];

const MISSING = "There is no event at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:manage");
  const event = await getEvent(routeParam(params, "eventId"));
  if (!event) throw notFound(MISSING);
  const round = await getRound(event.roundId);
  if (!round) throw notFound(MISSING);
  const panel = await listPanel(event.id);
  return {
    notice: eventSetupNotice(new URL(request.url).searchParams),
    canRun: can(user, "event:run"),
    reach: pageReach({ origin: requestOrigin(request), appUrl: env().APP_URL }),
    ...eventSetupView(event, round, panel),
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
      <EventLinks eventId={event.id} canRun={canRun} />

      {reach ? <PhoneReachNotice reach={reach} /> : null}

      <DetailsSection event={event} values={result?.values && "title" in result.values ? result.values : values} errors={detailErrors} busy={busy} />

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

      <RunningOrderSection slots={slots} editable={event.editable} busy={busy} />

      <PanelSection
        eventId={event.id}
        panel={panel}
        panelOpen={event.panelOpen}
        invite={result?.invite ?? null}
        errors={inviteErrors}
        values={result?.values && "name" in result.values ? result.values : null}
        busy={busy}
      />

      <ConflictsSection conflicts={conflicts} />
      <ReadinessSection state={event.state} busy={busy} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

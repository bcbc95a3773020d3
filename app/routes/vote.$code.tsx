import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PhoneAwardReveal } from "~/components/live/phone-award-reveal";
import { connectionKey, useLiveState, useOnline } from "~/components/live/use-live-state";
import { Ballot } from "~/components/vote/ballot";
import { TicketEntry } from "~/components/vote/ticket-entry";
import { audienceVotingStatus, voteCodeProblem, wrongCodesMessage } from "~/domain/audience-phone";
import { voteAccess, type VoteActionResult } from "~/domain/vote-page";
import { translate } from "~/i18n/catalogue.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { errorsIn } from "~/i18n/errors.server";
import { say } from "~/i18n/said.server";
import type { Lang } from "~/i18n/lang";
import { liveState } from "~/models/event.server";
import { myBallot } from "~/models/audience.server";
import { lookUpVoteCode, votingView } from "~/models/audience-view.server";
import { receiveBallot } from "~/requests/ballot-submission.server";
import { clientAddress } from "~/utils/http.server";
import { voterKeyFrom } from "~/utils/voter.server";
import { readForm } from "~/utils/request-body.server";

// The audience's voting page, reached by the event's join code (OPEN voting: one ballot per
// phone) or a printed ticket's code (TICKETS: one ballot per ticket, bound to the first phone
// that uses it). No account: the phone is known by its voter cookie. A person chooses up to
// the round's number of pitches among those that have started, and can change their choice
// until voting closes. "Your vote is counted" shows only once the server has the ballot.
// The list of pitches follows the event live; with JavaScript the vote goes through the
// offline queue to /vote/<code>/ballot, without it this page's form posts here.

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d ? pageTitle(matches, "vote.page.title", { event: d.eventTitle }) : pageTitle(matches, "vote.start.title") },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

function notFound(lang: Lang) {
  return new Response(translate(lang, "vote.code.notFound"), { status: 404, statusText: "Not Found" });
}

async function resolve(request: Request, code: string | undefined, lang: Lang) {
  const looked = await lookUpVoteCode(code ?? "", clientAddress(request));
  if (looked.ok) return looked.found;
  if (looked.reason === "limited") {
    const headers = { "Retry-After": String(looked.retryAfterSeconds) };
    throw new Response(say(lang, wrongCodesMessage(looked.retryAfterSeconds)), { status: 429, headers });
  }
  throw notFound(lang);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await requestLang(request);
  const found = await resolve(request, params.code, lang);
  if (found.code !== params.code) throw redirect(`/vote/${found.code}`);
  const voterKey = await voterKeyFrom(request);
  const [view, live, ballot] = await Promise.all([
    votingView(found.eventId),
    liveState(found.eventId),
    voterKey ? myBallot(found.eventId, voterKey) : null,
  ]);
  if (!view || !live) throw notFound(lang);
  const mode = view.event.audienceMode;
  const { ticket, blocked, needsTicket } = voteAccess(found, mode, ballot?.ticket ?? null);
  return {
    code: found.code,
    eventTitle: view.event.title,
    venue: view.event.venue,
    mode,
    votesPerPerson: view.event.votesPerPerson,
    ticket,
    blocked,
    needsTicket,
    counted: ballot?.bidIds ?? [],
    clientMutationId: randomUUID(),
    justCounted: new URL(request.url).searchParams.has("counted"),
    live,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await requestLang(request);
  const found = await resolve(request, params.code, lang);
  const form = await readForm(request);
  if (form.get("intent") === "ticket") {
    const typed = String(form.get("ticket") ?? "");
    const problem = voteCodeProblem(typed);
    const looked = problem ? null : await lookUpVoteCode(typed, clientAddress(request));
    const ticket = looked?.ok ? looked.found : null;
    if (!ticket || ticket.kind !== "ticket" || ticket.eventId !== found.eventId) {
      const limited = looked && !looked.ok && looked.reason === "limited" ? looked.retryAfterSeconds : null;
      const error = say(lang, problem ?? (limited !== null ? wrongCodesMessage(limited) : { key: "vote.ticket.notFound" }));
      const init = limited !== null ? { status: 429, headers: { "Retry-After": String(limited) } } : { status: 400 };
      return data<VoteActionResult>({ errors: { ticket: error }, values: { ticket: typed }, refusal: null }, init);
    }
    throw redirect(`/vote/${ticket.code}`);
  }
  const outcome = await receiveBallot(request, found, form);
  const headers = outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : undefined;
  if (outcome.kind === "counted") throw redirect(`/vote/${found.code}?counted`, { headers });
  if (outcome.kind === "invalid") {
    return data<VoteActionResult>({ errors: errorsIn(lang, outcome.errors), values: outcome.values, refusal: null }, { status: 400, headers });
  }
  return data<VoteActionResult>({ errors: {}, values: outcome.values, refusal: say(lang, outcome.message) }, { status: 409, headers });
}

export default function Vote() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { state, connection } = useLiveState(loaded.live);
  const online = useOnline();
  const status = audienceVotingStatus(loaded.mode, state.event.state);
  const t = useT();

  return (
    <div className="phone">
      <span className="caption">{loaded.venue}</span>
      <h1>{loaded.eventTitle}</h1>
      {state.awards ? <PhoneAwardReveal awards={state.awards} /> : null}
      {status === "NOT_USED" ? null : (
        <p className="live-line muted" aria-live="polite">
          {t(connectionKey(connection, online, "audience"))}
        </p>
      )}
      {status === "NOT_USED" ? (
        <p>{t("vote.page.notUsed")}</p>
      ) : loaded.blocked ? (
        <div className="notice notice--warning" role="alert">
          <p className="notice__title">{loaded.blocked.title}</p>
          <p>{loaded.blocked.text}</p>
        </div>
      ) : loaded.needsTicket ? (
        <TicketEntry errors={posted?.errors ?? {}} typed={String(posted?.values.ticket ?? "")} />
      ) : (
        <Ballot page={{ ...loaded, eventId: loaded.live.event.id }} posted={posted} status={status} slots={state.slots} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

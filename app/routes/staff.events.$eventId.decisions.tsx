import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AllocationTable } from "~/components/decision/allocation-table";
import { decisionFieldId, DecisionForm, type DecisionDefaults } from "~/components/decision/decision-form";
import { ProblemSummary, type Problem } from "~/components/decision/problem-summary";
import { RankExplanation } from "~/components/decision/rank-explanation";
import { RankingTable } from "~/components/decision/ranking-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextArea } from "~/components/forms";
import { explainRanking, proposalRow, rankingRow } from "~/domain/decision-view";
import { EVENT_STATE_LABELS, type EventState } from "~/domain/event-machine";
import { decisionsFormSchema, defaultConditions, describeDecision, OUTCOME_VIEW } from "~/domain/funder-forms";
import { formatMoney, penceToInput } from "~/domain/money";
import { AWARD_STATUS_VIEW, CONDITIONS_MAX, type AwardStatus } from "~/domain/payment";
import { can } from "~/domain/permissions";
import { TIE_BREAK_LABELS } from "~/domain/scoring";
import { formatDateTime } from "~/domain/zoned-time";
import { offerAward } from "~/coordinators/payments/awards.server";
import { confirmDecisions, recordDecision } from "~/models/decision.server";
import { decisionPage } from "~/models/funder-views.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// The funder's page at the end of the evening: the ranking with every number behind it, the
// proposed allocation step by step, and one form per bid to confirm the proposal or depart
// from it with a reason. "Confirm all decisions" closes the event and tells every group; then
// the funded bids get their award offers. Organisers and auditors read it without the forms.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Decisions: ${data?.event.title ?? "event"} – Pitchday` }];

const MISSING = "There is no event at this address. It may have been typed wrongly.";

function notice(search: URLSearchParams, groups: Record<string, string>): string | null {
  switch (search.get("notice")) {
    case "decided":
      return `Decision saved for ${groups[search.get("bid") ?? ""] ?? "the bid"}.`;
    case "override":
      return `Decision saved for ${groups[search.get("bid") ?? ""] ?? "the bid"}, as an override of the proposal, with your reason.`;
    case "confirmed": {
      const funded = Number(search.get("funded") ?? 0);
      const notFunded = Number(search.get("notFunded") ?? 0);
      return (
        `Decisions confirmed: ${funded} funded, ${notFunded} not funded. The event is closed. ` +
        "Each group hears its outcome, on its page and by email, when the chair reveals the awards; offer each award once it is revealed."
      );
    }
    default:
      return null;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:read");
  const page = await decisionPage(routeParam(params, "eventId"));
  if (!page) throw notFound(MISSING);
  const { board } = page;
  const { ranking } = board;
  const { currency, timeZone } = board.fund;
  const money = (pence: number) => formatMoney(pence, currency);
  const mayDecide = can(user, "decision:make");
  const groups = Object.fromEntries(board.rows.map((row) => [row.bid.id, row.bid.groupName]));
  const contenders = new Set(board.rows.map((row) => row.bid.id));
  const awards = new Map(page.awards.map((d) => [d.id, d]));
  const sheets = (bidId: string) => page.sheets.filter((s) => s.bidId === bidId);

  return {
    notice: notice(new URL(request.url).searchParams, groups),
    mayDecide,
    open: board.open,
    mayOffer: can(user, "award:issue"),
    missing: board.missing,
    event: {
      id: board.event.id,
      title: board.event.title,
      state: board.event.state,
      stateLabel: EVENT_STATE_LABELS[board.event.state as EventState],
    },
    round: board.round,
    fund: { name: board.fund.name, scaleMax: ranking.scale.max },
    pot: {
      fund: money(board.fund.potPence),
      elsewhere: board.committedElsewherePence > 0 ? money(board.committedElsewherePence) : null,
      forEvent: money(Math.max(0, board.potForEventPence)),
      remaining: money(board.remainingPence),
      overspent: board.remainingPence < 0,
    },
    rule: {
      weights:
        ranking.rule.audienceWeightPercent > 0
          ? `Panel ${ranking.rule.panelWeightPercent}%, audience ${ranking.rule.audienceWeightPercent}%`
          : "Panel scores only",
      normalised: ranking.rule.normaliseScores,
      quorum: ranking.rule.quorum,
      tieBreak: TIE_BREAK_LABELS[ranking.rule.tieBreak],
      audience: ranking.rule.audienceWeightPercent > 0 || ranking.audienceTotalPoints > 0,
    },
    ranking: ranking.bids.map((bid) => ({
      ...rankingRow(bid, ranking),
      bidId: bid.bidId,
      reference: bid.reference,
      groupName: groups[bid.bidId] ?? null,
      withdrawn: !contenders.has(bid.bidId),
    })),
    allocation: {
      rows: board.allocation.proposals.map((p) => proposalRow(p, currency)),
      total: money(board.allocation.totalProposedPence),
      remaining: money(board.allocation.potRemainingPence),
    },
    rows: board.rows.map((row) => {
      const { bid, decision, proposal } = row;
      const award = decision ? awards.get(decision.id)?.award ?? null : null;
      return {
        bidId: bid.id,
        reference: bid.reference,
        groupName: bid.groupName,
        projectTitle: bid.projectTitle,
        place: rankingRow(row.ranking, ranking).place,
        asked: bid.amountRequestedPence === null ? "no amount" : money(bid.amountRequestedPence),
        explanation: explainRanking(row.ranking, ranking, {
          criteria: page.criteria,
          sheets: sheets(bid.id),
          names: page.panellistNames,
          currency,
          timeZone,
        }),
        proposal: { outcome: proposal.outcome, text: describeDecision(proposal.outcome, proposal.amountPence, currency), reason: proposal.reason },
        confirmed: bid.status === "FUNDED" || bid.status === "NOT_FUNDED",
        decision: decision
          ? {
              id: decision.id,
              outcome: decision.outcome,
              text: describeDecision(decision.outcome, decision.amountPence, currency),
              override: decision.overrideReason !== null,
              overrideReason: decision.overrideReason,
              feedback: decision.feedback,
              by: page.deciderNames[decision.decidedById] ?? "a funder no longer listed",
              at: formatDateTime(decision.decidedAt, timeZone),
            }
          : null,
        defaults: {
          outcome: decision?.outcome ?? proposal.outcome,
          amount: penceToInput((decision ?? proposal).outcome === "PART_FUNDED" ? (decision ?? proposal).amountPence : null),
          overrideReason: decision?.overrideReason ?? "",
          feedback: decision?.feedback ?? "",
        } satisfies DecisionDefaults,
        award: offer(award, decision?.outcome ?? null, bid.status, defaultConditions({ reference: bid.reference, funderName: page.funderName })),
      };
    }),
  };
}

interface AwardOffer {
  /** Null until the award is offered. */
  id: string | null;
  status: { label: string; tag: string } | null;
  conditions: string;
}

function offer(award: { id: string; status: string } | null, outcome: string | null, bidStatus: string, conditions: string): AwardOffer | null {
  if (award) return { id: award.id, status: AWARD_STATUS_VIEW[award.status as AwardStatus], conditions: "" };
  if (outcome && outcome !== "NOT_FUNDED" && bidStatus === "FUNDED") return { id: null, status: null, conditions };
  return null;
}

type ActionData = {
  /** Which form the answer is about: decide-<bidId>, issue-<decisionId> or confirm. */
  form: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  problem?: string;
};

function formKey(values: Record<string, string | string[]>) {
  const intent = values.intent;
  if (intent === "decide") return `decide-${String(values.bidId ?? "")}`;
  if (intent === "issue") return `issue-${String(values.decisionId ?? "")}`;
  return "confirm";
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "decision:make");
  const eventId = routeParam(params, "eventId");
  const here = `/staff/events/${eventId}/decisions`;
  const submission = parseForm(decisionsFormSchema, await readForm(request));
  if (!submission.ok) {
    return data<ActionData>({ form: formKey(submission.values), errors: submission.errors, values: submission.values }, { status: 400 });
  }
  const form = submission.data;
  const refused = (message: string, errors: Record<string, string> = {}) =>
    data<ActionData>({ form: formKey(submission.values), errors, values: submission.values, problem: message }, { status: 409 });

  if (form.intent === "decide") {
    const result = await recordDecision({ eventId, ...form }, user);
    if (!result.ok) return refused(result.message, result.errors as Record<string, string>);
    return redirect(`${here}?notice=${result.isOverride ? "override" : "decided"}&bid=${encodeURIComponent(form.bidId)}#bid-${form.bidId}`);
  }
  if (form.intent === "confirm") {
    const result = await confirmDecisions(eventId, user);
    if (!result.ok) return refused(result.message);
    return redirect(`${here}?notice=confirmed&funded=${result.funded}&notFunded=${result.notFunded}#awards`);
  }
  const issued = await offerAward(form.decisionId, { conditions: form.conditions }, user);
  if (!issued.ok) return refused(issued.message, issued.errors);
  return redirect(`/staff/awards/${issued.award.id}?notice=offered`);
}

const FIELD_LABELS: Record<string, string> = {
  outcome: "Decision",
  amount: "Amount",
  overrideReason: "Reason",
  feedback: "Feedback",
  conditions: "Conditions",
};

export default function Decisions() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { event, rows, pot, rule } = page;
  const formErrors = (key: string) => (result?.form === key ? result.errors : {});
  const typed = (key: string, name: string, fallback: string) => {
    if (result?.form !== key) return fallback;
    const value = result.values[name];
    return typeof value === "string" ? value : fallback;
  };

  const problems: Problem[] = [];
  if (result) {
    for (const [field, message] of Object.entries(result.errors)) {
      const target = result.form.startsWith("decide-")
        ? decisionFieldId(result.form.slice("decide-".length), field)
        : result.form.startsWith("issue-")
          ? `conditions-${result.form.slice("issue-".length)}`
          : "confirm";
      const row = rows.find((r) => `decide-${r.bidId}` === result.form || `issue-${r.decision?.id}` === result.form);
      problems.push({ target, message: `${row ? `${row.groupName}: ` : ""}${FIELD_LABELS[field] ?? "Form"}: ${message}` });
    }
  }
  const names = Object.fromEntries(rows.map((r) => [r.bidId, r.groupName]));
  const decided = rows.filter((r) => r.decision).length;

  return (
    <>
      <p>
        <Link to="/staff/awards">Awards and payments</Link>
      </p>
      {page.notice ? (
        <div className="notice notice--success" role="status">
          <p>{page.notice}</p>
        </div>
      ) : null}
      <ProblemSummary
        title={problems.length ? "There is a problem" : "That was not saved"}
        message={problems.length ? null : result?.problem}
        problems={problems}
      />

      <span className="caption">
        {page.fund.name}: {page.round.title}
      </span>
      <h1>Decisions: {event.title}</h1>
      <p>
        <strong className={event.state === "DECIDED" ? "tag tag--green" : "tag tag--yellow"}>{event.stateLabel}</strong>
      </p>
      {!page.mayDecide ? (
        <div className="notice">
          <p>You can read the ranking and the decisions. Only a funder can make or change them.</p>
        </div>
      ) : !page.open && event.state !== "DECIDED" ? (
        <div className="notice notice--warning">
          <p>Scoring for this event has not closed yet. The ranking below can still change; decisions open once the chair closes scoring.</p>
        </div>
      ) : null}

      <dl className="summary">
        <div>
          <dt>Fund’s pot</dt>
          <dd>{pot.fund}</dd>
        </div>
        {pot.elsewhere ? (
          <div>
            <dt>Already committed elsewhere</dt>
            <dd>{pot.elsewhere} (awards and decisions of other events)</dd>
          </div>
        ) : null}
        <div>
          <dt>Pot for this event</dt>
          <dd>{pot.forEvent}</dd>
        </div>
        <div>
          <dt>Left after the decisions so far</dt>
          <dd>
            {pot.remaining}
            {pot.overspent ? <strong className="tag tag--red"> Overspent</strong> : null}
          </dd>
        </div>
        <div>
          <dt>Decision rule</dt>
          <dd>
            {rule.weights}; scores {rule.normalised ? "normalised per panellist" : "used as given"}; quorum {rule.quorum}; ties go to {rule.tieBreak}.
          </dd>
        </div>
        <div>
          <dt>Decided so far</dt>
          <dd>
            {decided} of {rows.length}
          </dd>
        </div>
      </dl>

      <h2 id="ranking">Ranking</h2>
      <p>Bids short of the quorum are ranked after every bid that met it. Open a bid below to see every number behind its place.</p>
      <RankingTable rows={page.ranking} normalised={rule.normalised} audience={rule.audience} scaleMax={page.fund.scaleMax} />

      <h2 id="allocation">Proposed allocation</h2>
      <p>Bids in rank order, funded while the pot lasts under the round’s rule. It is a starting point: you decide each bid below.</p>
      <AllocationTable rows={page.allocation.rows} names={names} pot={pot.forEvent} total={page.allocation.total} remaining={page.allocation.remaining} />

      <h2 id="decisions">Decisions</h2>
      {rows.map((row) => {
        const key = `decide-${row.bidId}`;
        const errors = formErrors(key);
        return (
          <section key={row.bidId} id={`bid-${row.bidId}`} className="decision-card" aria-labelledby={`bid-${row.bidId}-title`}>
            <h3 id={`bid-${row.bidId}-title`}>
              {row.place}: {row.groupName} <span className="hint decision-card__ref">{row.reference}</span>
            </h3>
            {row.projectTitle ? <p className="decision-card__project">{row.projectTitle}</p> : null}
            <RankExplanation explanation={row.explanation} groupName={row.groupName} />
            <dl className="summary summary--compact">
              <div>
                <dt>Proposal</dt>
                <dd>{row.proposal.reason}.</dd>
              </div>
              <div>
                <dt>Decision</dt>
                <dd>
                  {row.decision ? (
                    <>
                      <strong className={OUTCOME_VIEW[row.decision.outcome].tag}>{row.decision.text}</strong>{" "}
                      {row.decision.override ? <strong className="tag tag--yellow">Override</strong> : null}
                      <span className="hint">
                        {row.confirmed ? "Confirmed" : "Saved, not yet confirmed"}: {row.decision.by}, {row.decision.at}
                      </span>
                    </>
                  ) : (
                    "Not decided yet"
                  )}
                </dd>
              </div>
              {row.decision?.override ? (
                <div>
                  <dt>Reason for the override</dt>
                  <dd>{row.decision.overrideReason}</dd>
                </div>
              ) : null}
              {row.decision?.feedback ? (
                <div>
                  <dt>Feedback for the group</dt>
                  <dd>{row.decision.feedback}</dd>
                </div>
              ) : null}
            </dl>
            {page.mayDecide && page.open && !row.confirmed ? (
              <DecisionForm
                bidId={row.bidId}
                groupName={row.groupName}
                asked={row.asked}
                proposal={row.proposal.text}
                saved={Boolean(row.decision)}
                errors={errors}
                defaults={{
                  outcome: typed(key, "outcome", row.defaults.outcome) as DecisionDefaults["outcome"],
                  amount: typed(key, "amount", row.defaults.amount),
                  overrideReason: typed(key, "overrideReason", row.defaults.overrideReason),
                  feedback: typed(key, "feedback", row.defaults.feedback),
                }}
              />
            ) : null}
          </section>
        );
      })}

      {page.mayDecide && page.open ? (
        <section aria-labelledby="confirm-title" className="decision-confirm" id="confirm">
          <h2 id="confirm-title">Confirm all decisions</h2>
          {page.missing.length ? (
            <p>
              Still to decide: {page.missing.join(", ")}. Save a decision for every bid, then confirm them together.
            </p>
          ) : (
            <p>
              This closes the event: each bid is marked funded or not funded and the decisions can no longer change. Each group is told its
              decision and feedback when the chair reveals the awards.
            </p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <button type="submit" className="button">
              Confirm all decisions
            </button>
          </Form>
        </section>
      ) : null}

      {event.state === "DECIDED" ? (
        <section aria-labelledby="awards">
          <h2 id="awards">Awards</h2>
          {rows.filter((r) => r.award).length === 0 ? <p>No bid was funded at this event.</p> : null}
          {rows
            .filter((row) => row.award)
            .map((row) => {
              const award = row.award!;
              const key = `issue-${row.decision?.id}`;
              const errors = formErrors(key);
              return (
                <div key={row.bidId} className="card award-card">
                  <h3>
                    {row.groupName} <span className="hint decision-card__ref">{row.reference}</span>
                  </h3>
                  <p>{row.decision?.text}</p>
                  {award.id ? (
                    <p>
                      {award.status ? <strong className={award.status.tag}>{award.status.label}</strong> : null}{" "}
                      <Link to={`/staff/awards/${award.id}`}>
                        Open the award<span className="visually-hidden"> for {row.groupName}</span>
                      </Link>
                    </p>
                  ) : page.mayOffer ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="issue" />
                      <input type="hidden" name="decisionId" value={row.decision!.id} />
                      <TextArea
                        name="conditions"
                        id={`conditions-${row.decision!.id}`}
                        label={`Conditions of the award to ${row.groupName}`}
                        hint="The group accepts these before any money is paid. They are in the award letter and the email."
                        rows={8}
                        maxChars={CONDITIONS_MAX}
                        defaultValue={typed(key, "conditions", award.conditions)}
                        error={errors.conditions}
                      />
                      <button type="submit" className="button">
                        Offer the award<span className="visually-hidden"> to {row.groupName}</span>
                      </button>
                    </Form>
                  ) : (
                    <p>Waiting for a funder to offer the award.</p>
                  )}
                </div>
              );
            })}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

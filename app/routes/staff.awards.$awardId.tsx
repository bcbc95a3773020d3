import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { paymentFieldId, PaymentList, type PaymentRow } from "~/components/decision/payment-list";
import { ProblemSummary, type Problem } from "~/components/decision/problem-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextArea, TextField } from "~/components/forms";
import { qrDataUrl } from "~/components/live/qr.server";
import { clockTime } from "~/domain/event-machine";
import { awardFormSchema, describeDecision, paymentMethodsOffered, OUTCOME_VIEW } from "~/domain/funder-forms";
import { formatMoney } from "~/domain/money";
import {
  AWARD_STATUS_VIEW,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_VIEW,
  PAYMENTS_NOT_CONFIGURED,
  paymentActions,
  REASON_MAX,
  type AwardStatus,
} from "~/domain/payment";
import { manualPaymentSchema } from "~/domain/payment-forms";
import { acceptSchema } from "~/domain/award-acceptance";
import { can, type Actor } from "~/domain/permissions";
import { formatDate, formatDateTime } from "~/domain/zoned-time";
import { todayIn } from "~/domain/calendar-day";
import { acceptAwardForGroup, cancelAward } from "~/models/award.server";
import { awardPage } from "~/models/funder-views.server";
import { recordManualPayment } from "~/models/payment.server";
import { approvePayment, cancelPayment, requestPayment, sendPayment } from "~/coordinators/payments/payments.server";
import { createOnboardingLink, refreshRecipient } from "~/coordinators/payments/recipients.server";
import { paymentsConfigured } from "~/services/payments/stripe.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound, publicUrl } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// One award: what was decided and why, the conditions and their acceptance (on the organiser's
// device if the group's representative is in the room), the letter, the group's Stripe
// account (a QR code of a fresh set-up link for their phone), and the payments: asked for by
// one funder, approved by another (four eyes), then sent through Stripe or recorded as paid
// by cheque or bank transfer. Everyone with event:read can look; the buttons follow roles.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Award ${data.award.reference}: ${data.award.groupName} – Pitchday` : "Award – Pitchday" },
];

const MISSING = "There is no award at this address. It may have been typed wrongly.";

const NOTICES: Record<string, string> = {
  offered: "Award offered. The group has been emailed the conditions and can accept them through its private link, or here on this device.",
  accepted: "Acceptance recorded. A funder can now ask for the payment.",
  requested: "Payment asked for. Another funder must approve it before it is made.",
  approved: "Payment approved. Once it has been made, record the cheque number or the transfer’s reference below.",
  "approved-paid": "Payment approved and sent: Stripe has made the transfer to the group’s account.",
  "approved-sent": "Payment approved and sent to Stripe. How it went is below.",
  sent: "Payment sent to Stripe. Its status is below.",
  paid: "Payment recorded as made. The group has been emailed.",
  "payment-cancelled": "Payment cancelled. You can ask for a new one.",
  "award-cancelled": "Award cancelled. Its money is back in the pot and the group has been emailed the reason.",
  checked: "Checked with Stripe: the group’s account status below is up to date.",
};

/** Organisers record acceptances and show the set-up QR code at the event; funders do everything. */
function mayActForGroup(user: Actor) {
  return can(user, "award:issue") || can(user, "event:run");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:read");
  const page = await awardPage(routeParam(params, "awardId"));
  if (!page) throw notFound(MISSING);
  const { award, names } = page;
  const { bid, decision } = award;
  const { fund } = bid.round;
  const money = (pence: number) => formatMoney(pence, fund.currency);
  const when = (at: Date) => formatDateTime(at, fund.timeZone);
  const who = (id: string) => names[id] ?? "a staff member no longer listed";
  const now = new Date();
  const stripe = paymentsConfigured();
  const status = award.status as AwardStatus;
  const live = status === "OFFERED" || status === "ACCEPTED";
  const open = award.payments.find((p) => p.status !== "FAILED");

  const payments: PaymentRow[] = award.payments.map((p) => ({
    id: p.id,
    method: PAYMENT_METHOD_LABELS[p.method],
    manual: p.method !== "STRIPE",
    cheque: p.method === "CHEQUE",
    amount: money(p.amountPence),
    statusKey: p.status,
    status: PAYMENT_STATUS_VIEW[p.status],
    requested: `${who(p.requestedById)}, ${when(p.createdAt)}`,
    approved: p.approvedById && p.approvedAt ? `${who(p.approvedById)}, ${when(p.approvedAt)}` : null,
    // why: a paid-on date is a calendar day (stored at midnight UTC), not an instant in London.
    paid: p.status === "PAID" ? (p.paidOn ? formatDate(p.paidOn, "UTC") : when(p.updatedAt)) : null,
    reference: p.reference,
    providerId: p.providerId,
    failureReason: p.failureReason,
    actions: paymentActions(p, { staff: user, decidedById: decision.decidedById, now }),
  }));

  const recipient = bid.recipient;
  return {
    notice: NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null,
    award: {
      id: award.id,
      reference: bid.reference,
      groupName: bid.groupName,
      projectTitle: bid.projectTitle,
      amount: money(award.amountPence),
      asked: bid.amountRequestedPence === null ? null : money(bid.amountRequestedPence),
      status,
      statusView: AWARD_STATUS_VIEW[status],
      conditions: award.conditions,
      offered: `${who(award.createdById)}, ${when(award.createdAt)}`,
      accepted: award.acceptedAt ? { by: award.acceptedBy ?? "", at: when(award.acceptedAt) } : null,
      fund: fund.name,
      round: bid.round.title,
      eventId: decision.eventId,
    },
    decision: {
      text: describeDecision(decision.outcome, decision.amountPence, fund.currency),
      tag: OUTCOME_VIEW[decision.outcome].tag,
      proposal: `${decision.proposalReason}.`,
      override: decision.overrideReason,
      feedback: decision.feedback,
      by: `${who(decision.decidedById)}, ${when(decision.decidedAt)}`,
      decider: who(decision.decidedById),
    },
    stripe,
    recipient: recipient
      ? {
          ready: recipient.payoutsEnabled,
          submitted: recipient.detailsSubmitted,
          checked: when(recipient.updatedAt),
        }
      : null,
    payments,
    today: todayIn(now, fund.timeZone).split("-").reverse().join("/"),
    can: {
      accept: status === "OFFERED" && mayActForGroup(user),
      onboard: stripe && live && !recipient?.payoutsEnabled && mayActForGroup(user),
      check: stripe && live && Boolean(recipient) && mayActForGroup(user),
      request: status === "ACCEPTED" && !open && can(user, "payment:request"),
      cancelAward: live && can(user, "award:issue") && !open,
    },
    methods: paymentMethodsOffered(stripe).map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] })),
    // why: the page follows what happens elsewhere (Stripe, the group's phone, another funder).
    // (not while a cheque or transfer waits to be recorded: only this page changes that)
    watch: award.payments.some((p) => p.status === "PENDING" || p.status === "REQUESTED") || (live && Boolean(recipient) && !recipient?.payoutsEnabled),
  };
}

type ActionData = {
  form: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  problem?: string;
  info?: string;
  onboarding?: { url: string; qr: string; until: string };
};

function formKey(values: Record<string, string | string[]>) {
  const intent = String(values.intent ?? "");
  return values.paymentId ? `${intent}:${String(values.paymentId)}` : intent;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:read");
  const awardId = routeParam(params, "awardId");
  const here = `/staff/awards/${awardId}`;
  const formData = await readForm(request);
  const submission = parseForm(awardFormSchema, formData);
  const answer = (status: number, extra: Partial<ActionData>) =>
    data<ActionData>({ form: formKey(submission.values), errors: {}, values: submission.values, ...extra }, { status });
  if (!submission.ok) return answer(400, { errors: submission.errors });
  const form = submission.data;
  const refused = (outcome: { message: string; errors?: Record<string, string> }) =>
    answer(409, { problem: outcome.message, errors: outcome.errors ?? {} });
  const page = await awardPage(awardId);
  if (!page) throw notFound(MISSING);
  const { award } = page;
  if ("paymentId" in form && !award.payments.some((p) => p.id === form.paymentId)) {
    return refused({ message: "That payment is not part of this award. Reload the page and try again." });
  }

  switch (form.intent) {
    case "accept": {
      const input = parseForm(acceptSchema, formData);
      if (!input.ok) return answer(400, { errors: input.errors });
      const done = await acceptAwardForGroup(awardId, input.data, user);
      return done.ok ? redirect(`${here}?notice=accepted`) : refused(done);
    }
    case "request": {
      const done = await requestPayment(awardId, { method: form.method }, user);
      return done.ok ? redirect(`${here}?notice=requested`) : refused(done);
    }
    case "approve": {
      const done = await approvePayment(form.paymentId, user);
      if (!done.ok) return refused(done);
      if (done.notSent) return answer(200, { info: `Payment approved, but not sent: ${done.notSent}` });
      const stripe = done.payment.method === "STRIPE";
      return redirect(`${here}?notice=${stripe ? (done.payment.status === "PAID" ? "approved-paid" : "approved-sent") : "approved"}`);
    }
    case "send": {
      const done = await sendPayment(form.paymentId, user);
      return done.ok ? redirect(`${here}?notice=sent`) : refused(done);
    }
    case "manual": {
      const today = todayIn(new Date(), award.bid.round.fund.timeZone);
      const input = parseForm(manualPaymentSchema(today), formData);
      if (!input.ok) return answer(400, { errors: input.errors });
      const typed = { reference: String(submission.values.reference ?? ""), paidOn: String(submission.values.paidOn ?? "") };
      const done = await recordManualPayment(form.paymentId, typed, user, today);
      return done.ok ? redirect(`${here}?notice=paid`) : refused(done);
    }
    case "cancel-payment": {
      const done = await cancelPayment(form.paymentId, { reason: form.reason }, user);
      return done.ok ? redirect(`${here}?notice=payment-cancelled`) : refused(done);
    }
    case "cancel-award": {
      const done = await cancelAward(awardId, { reason: form.reason }, user);
      return done.ok ? redirect(`${here}?notice=award-cancelled`) : refused(done);
    }
    case "onboarding-link": {
      if (!mayActForGroup(user)) throw new Response("Only an organiser or a funder can make a set-up link.", { status: 403 });
      const link = await createOnboardingLink(
        award.bid.id,
        { refreshUrl: publicUrl(request, "/payout/expired"), returnUrl: publicUrl(request, "/payout/done") },
        { type: "user", id: user.id },
      );
      if (!link.ok) return refused(link);
      return answer(200, {
        onboarding: { url: link.url, qr: await qrDataUrl(link.url), until: clockTime(link.expiresAt, award.bid.round.fund.timeZone) },
      });
    }
    case "check-stripe": {
      if (!mayActForGroup(user)) throw new Response("Only an organiser or a funder can check the group's account.", { status: 403 });
      const done = await refreshRecipient(award.bid.id);
      return done.ok ? redirect(`${here}?notice=checked`) : refused(done);
    }
  }
}

const LABELS: Record<string, string> = {
  signedName: "Name",
  agree: "Confirmation",
  method: "How to pay",
  reference: "Reference",
  paidOn: "Date paid",
  reason: "Reason",
};

function targetOf(form: string, field: string) {
  const [intent, paymentId] = form.split(":");
  if (paymentId) return paymentFieldId(paymentId, field);
  if (intent === "accept") return `accept-${field}`;
  if (intent === "request") return "request-method";
  if (intent === "cancel-award") return "cancel-award-reason";
  return "main";
}

export default function AwardPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { award, decision, recipient } = page;
  const revalidator = useRevalidator();

  useEffect(() => {
    if (!page.watch && !result?.onboarding) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 4000);
    return () => window.clearInterval(timer);
  }, [page.watch, result?.onboarding, revalidator]);

  const errorsFor = (form: string) => (result?.form === form ? result.errors : {});
  const typed = (form: string, name: string, fallback = "") => {
    if (result?.form !== form) return fallback;
    const value = result.values[name];
    return typeof value === "string" ? value : fallback;
  };
  const problems: Problem[] = result ? Object.entries(result.errors).map(([field, message]) => ({ target: targetOf(result.form, field), message: `${LABELS[field] ?? "Form"}: ${message}` })) : [];
  const [failedIntent, failedPayment] = (result?.form ?? "").split(":");
  const paymentErrors = failedPayment && result ? { paymentId: failedPayment, errors: result.errors, values: result.values } : null;

  return (
    <>
      <p>
        <Link to="/staff/awards">All awards and payments</Link>
        {award.eventId ? (
          <>
            {" · "}
            <Link to={`/staff/events/${award.eventId}/decisions`}>The event’s decisions</Link>
          </>
        ) : null}
      </p>
      {page.notice ? (
        <div className="notice notice--success" role="status">
          <p>{page.notice}</p>
        </div>
      ) : null}
      {result?.info ? (
        <div className="notice notice--warning" role="status">
          <p>{result.info}</p>
        </div>
      ) : null}
      <ProblemSummary title={problems.length ? "There is a problem" : "That was not done"} message={problems.length ? null : result?.problem} problems={problems} />

      <span className="caption">
        {award.fund}: {award.round}
      </span>
      <h1>
        Award to {award.groupName} <span className="hint decision-card__ref">{award.reference}</span>
      </h1>
      <p>
        <strong className={award.statusView.tag}>{award.statusView.label}</strong>
      </p>

      <dl className="summary">
        <div>
          <dt>Amount</dt>
          <dd>
            {award.amount}
            {award.asked && award.asked !== award.amount ? ` (of the ${award.asked} asked for)` : null}
          </dd>
        </div>
        <div>
          <dt>Project</dt>
          <dd>{award.projectTitle || "No project title given"}</dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>
            <strong className={decision.tag}>{decision.text}</strong> {decision.override !== null ? <strong className="tag tag--yellow">Override</strong> : null}
            <span className="hint">{decision.by}</span>
          </dd>
        </div>
        <div>
          <dt>Proposal</dt>
          <dd>{decision.proposal}</dd>
        </div>
        {decision.override !== null ? (
          <div>
            <dt>Reason for the override</dt>
            <dd>{decision.override}</dd>
          </div>
        ) : null}
        {decision.feedback ? (
          <div>
            <dt>Feedback for the group</dt>
            <dd>{decision.feedback}</dd>
          </div>
        ) : null}
        <div>
          <dt>Offered</dt>
          <dd>{award.offered}</dd>
        </div>
      </dl>

      <h2>Conditions</h2>
      <p className="pre-line conditions">{award.conditions}</p>
      <p>
        <a href={`/staff/awards/${award.id}/letter.pdf`} download>
          Download the award letter (PDF)
        </a>
      </p>

      <h2 id="acceptance">Acceptance</h2>
      {award.accepted ? (
        <p>
          Accepted for the group by <strong>{award.accepted.by}</strong> on {award.accepted.at}.
        </p>
      ) : award.status === "CANCELLED" ? (
        <p>The award was cancelled before the conditions were accepted.</p>
      ) : (
        <>
          <p>The group has not accepted the conditions yet. They can do it through their private link, or here with someone who can sign for the group.</p>
          {page.can.accept ? (
            <Form method="post" className="accept-form">
              <input type="hidden" name="intent" value="accept" />
              <h3>Accept on this device</h3>
              <p>Hand this device to the group’s representative to read the conditions above, type their name and confirm.</p>
              <TextField
                name="signedName"
                id="accept-signedName"
                label="Full name of the person accepting for the group"
                autoComplete="off"
                defaultValue={typed("accept", "signedName")}
                error={errorsFor("accept").signedName}
              />
              <div className={`field${errorsFor("accept").agree ? " field--error" : ""}`}>
                {errorsFor("accept").agree ? (
                  <span className="error-message" id="accept-agree-error">
                    <span className="visually-hidden">Error: </span>
                    {errorsFor("accept").agree}
                  </span>
                ) : null}
                <div className="choice">
                  <input
                    type="checkbox"
                    id="accept-agree"
                    name="agree"
                    value="yes"
                    defaultChecked={typed("accept", "agree") === "yes"}
                    aria-describedby={errorsFor("accept").agree ? "accept-agree-error" : undefined}
                  />
                  <label htmlFor="accept-agree">
                    I can sign for {award.groupName}, and the group accepts the conditions of this award
                  </label>
                </div>
              </div>
              <button type="submit" className="button">
                Accept the conditions for the group
              </button>
            </Form>
          ) : null}
        </>
      )}

      <h2 id="payment-account">Payment account</h2>
      {!page.stripe ? (
        <p>{PAYMENTS_NOT_CONFIGURED}</p>
      ) : (
        <>
          <p>
            {recipient === null ? (
              <>
                <strong className="tag tag--grey">Not started</strong> The group has not started setting up an account to be paid into.
              </>
            ) : recipient.ready ? (
              <>
                <strong className="tag tag--green">Ready</strong> Stripe says the group’s account can receive payments.
              </>
            ) : recipient.submitted ? (
              <>
                <strong className="tag tag--yellow">Being checked</strong> The group has sent its details; Stripe is checking them.
              </>
            ) : (
              <>
                <strong className="tag tag--yellow">Started</strong> The group started setting up its account; Stripe still needs some details.
              </>
            )}
            {recipient ? <span className="hint">Last change: {recipient.checked}</span> : null}
          </p>
          {result?.onboarding ? (
            <div className="invite-once onboarding-qr" tabIndex={-1}>
              <h3>Set-up link for {award.groupName}</h3>
              <img src={result.onboarding.qr} alt={`QR code of the payment set-up link for ${award.groupName}`} className="invite-once__qr" width={240} height={240} />
              <p>
                The group’s representative scans this with their phone to set up the account on Stripe’s pages. It works once, until{" "}
                {result.onboarding.until}.
              </p>
              <p className="break-anywhere">
                <a href={result.onboarding.url} data-testid="onboarding-link" rel="noreferrer">
                  {result.onboarding.url}
                </a>
              </p>
            </div>
          ) : null}
          <div className="row-actions">
            {page.can.onboard ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="onboarding-link" />
                <button type="submit" className="button button--secondary">
                  {result?.onboarding ? "New link" : "Show a set-up QR code for the group’s phone"}
                </button>
              </Form>
            ) : null}
            {page.can.check ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="check-stripe" />
                <button type="submit" className="button button--secondary">
                  Check with Stripe now
                </button>
              </Form>
            ) : null}
          </div>
        </>
      )}

      <h2 id="payments">Payments</h2>
      <p>
        Every payment needs two funders: one asks for it, another approves it. {decision.decider} made the funding decision, so cannot approve
        its payment; nor can whoever asked for it.
      </p>
      {page.watch ? (
        <p className="hint">
          This page updates by itself while something is under way. <a href={`/staff/awards/${award.id}`}>Refresh</a>
        </p>
      ) : null}
      <PaymentList payments={page.payments} today={page.today} errors={paymentErrors} />

      {page.can.request ? (
        <Form method="post" className="request-form">
          <input type="hidden" name="intent" value="request" />
          <h3>Ask for the payment</h3>
          {!page.stripe ? <p className="notice">{PAYMENTS_NOT_CONFIGURED}</p> : null}
          <div className={`field${errorsFor("request").method ? " field--error" : ""}`}>
            <fieldset aria-describedby={errorsFor("request").method ? "request-method-error" : "request-method-hint"}>
              <legend>How will {award.amount} be paid?</legend>
              <span className="hint" id="request-method-hint">
                Another funder approves it before the money moves.
              </span>
              {errorsFor("request").method ? (
                <span className="error-message" id="request-method-error">
                  <span className="visually-hidden">Error: </span>
                  {errorsFor("request").method}
                </span>
              ) : null}
              {page.methods.map((m, index) => {
                const id = index === 0 ? "request-method" : `request-method-${index}`;
                return (
                  <div className="choice" key={m.value}>
                    <input type="radio" id={id} name="method" value={m.value} defaultChecked={typed("request", "method") === m.value} />
                    <label htmlFor={id}>
                      {m.label}
                      {m.value === "STRIPE" && !recipient?.ready ? (
                        <span className="hint">Only once the group’s Stripe account is ready (see above).</span>
                      ) : null}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          </div>
          <button type="submit" className="button">
            Ask for payment
          </button>
        </Form>
      ) : award.status === "OFFERED" ? (
        <p>A payment can be asked for once the group has accepted the conditions.</p>
      ) : null}

      {page.can.cancelAward ? (
        <details className="confirm" open={failedIntent === "cancel-award"}>
          <summary>Cancel this award…</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel-award" />
            <TextArea
              name="reason"
              id="cancel-award-reason"
              label="Why is the award cancelled?"
              hint="The group is emailed this reason. The money goes back to the pot."
              rows={3}
              maxChars={REASON_MAX}
              defaultValue={typed("cancel-award", "reason")}
              error={errorsFor("cancel-award").reason}
            />
            <button type="submit" className="button button--warning">
              Cancel the award
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

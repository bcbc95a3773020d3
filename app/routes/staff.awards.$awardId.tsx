import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AcceptanceSection } from "~/components/award/acceptance-section";
import { AwardSummary } from "~/components/award/award-summary";
import { formAnswer } from "~/components/award/form-answer";
import { PaymentAccount } from "~/components/award/payment-account";
import { PaymentsSection } from "~/components/award/payments-section";
import { ScheduleSection } from "~/components/award/schedule-section";
import { useRefreshWhile } from "~/components/award/use-refresh-while";
import { ProblemSummary } from "~/components/decision/problem-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { qrDataUrl } from "~/components/live/qr.server";
import { awardFormKey, awardPageView, mayActForGroup, type AwardFormResult } from "~/domain/award-page";
import { acceptSchema, SIGNED_NAME_MAX } from "~/domain/award-acceptance";
import { errorsIn, sayIn } from "~/i18n/errors.server";
import { todayIn } from "~/domain/calendar-day";
import { clockTime } from "~/domain/event-machine";
import { awardFormSchema } from "~/domain/funder-forms";
import { manualPaymentSchema } from "~/domain/payment-forms";
import { acceptAwardForGroup, cancelAward } from "~/models/award.server";
import { awardPage } from "~/models/funder-views.server";
import { approvePayment, cancelPayment, requestPayment, sendPayment } from "~/coordinators/payments/payments.server";
import { recordPaymentMade } from "~/coordinators/checkpoints.server";
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
// What it shows is built in app/domain/award-page.ts; its sections are in app/components/award.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Award ${data.award.reference}: ${data.award.groupName} – Pitchday` : "Award – Pitchday" },
];

const MISSING = "There is no award at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:read");
  const page = await awardPage(routeParam(params, "awardId"));
  if (!page) throw notFound(MISSING);
  const notice = new URL(request.url).searchParams.get("notice");
  return awardPageView(page.award, page.names, { user, now: new Date(), stripe: paymentsConfigured(), notice });
}

type ActionData = AwardFormResult;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:read");
  const awardId = routeParam(params, "awardId");
  const here = `/staff/awards/${awardId}`;
  const formData = await readForm(request);
  const submission = parseForm(awardFormSchema, formData);
  const answer = (status: number, extra: Partial<ActionData>) =>
    data<ActionData>({ form: awardFormKey(submission.values), errors: {}, values: submission.values, ...extra }, { status });
  if (!submission.ok) return answer(400, { errors: submission.errors });
  const form = submission.data;
  const refused = (outcome: { message: string; errors?: Record<string, string> }) =>
    answer(409, { problem: sayIn("en", outcome.message), errors: outcome.errors ?? {} });
  const page = await awardPage(awardId);
  if (!page) throw notFound(MISSING);
  const { award } = page;

  switch (form.intent) {
    case "accept": {
      const input = parseForm(acceptSchema, formData);
      // why English: staff pages stay English; the schema's errors are the group's catalogue keys.
      if (!input.ok) return answer(400, { errors: errorsIn("en", input.errors, { max: SIGNED_NAME_MAX }) });
      const done = await acceptAwardForGroup(awardId, input.data, user);
      return done.ok ? redirect(`${here}?notice=accepted`) : refused(done);
    }
    case "request": {
      const done = await requestPayment(awardId, { method: form.method, instalmentId: form.instalmentId || undefined }, user);
      return done.ok ? redirect(`${here}?notice=requested`) : refused(done);
    }
    case "approve": {
      const done = await approvePayment(awardId, form.paymentId, user);
      if (!done.ok) return refused(done);
      if (done.notSent) return answer(200, { info: `Payment approved, but not sent: ${done.notSent}` });
      const stripe = done.payment.method === "STRIPE";
      return redirect(`${here}?notice=${stripe ? (done.payment.status === "PAID" ? "approved-paid" : "approved-sent") : "approved"}`);
    }
    case "send": {
      const done = await sendPayment(awardId, form.paymentId, user);
      return done.ok ? redirect(`${here}?notice=sent`) : refused(done);
    }
    case "manual": {
      const today = todayIn(new Date(), award.bid.round.fund.timeZone);
      const input = parseForm(manualPaymentSchema(today), formData);
      if (!input.ok) return answer(400, { errors: input.errors });
      const typed = { reference: String(submission.values.reference ?? ""), paidOn: String(submission.values.paidOn ?? "") };
      const done = await recordPaymentMade(awardId, form.paymentId, typed, user, today);
      return done.ok ? redirect(`${here}?notice=paid`) : refused(done);
    }
    case "cancel-payment": {
      const done = await cancelPayment(awardId, form.paymentId, { reason: form.reason }, user);
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

export default function AwardPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { award, decision, recipient } = page;
  useRefreshWhile(page.watch || Boolean(result?.onboarding));

  const answer = formAnswer(result);
  const { problems } = answer;

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

      <AwardSummary award={award} decision={decision} />
      <AcceptanceSection award={award} canAccept={page.can.accept} answer={answer} />
      <PaymentAccount stripe={page.stripe} recipient={recipient} groupName={award.groupName} can={page.can} onboarding={result?.onboarding} />

      <ScheduleSection page={page} />
      <PaymentsSection page={page} answer={answer} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

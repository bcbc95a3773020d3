import { Link } from "@remix-run/react";
import type { FormAnswer } from "~/components/award/form-answer";
import { CancelAwardForm, RequestPaymentForm } from "~/components/award/payment-requests";
import { PaymentList } from "~/components/decision/payment-list";
import type { AwardPageView } from "~/domain/award-page";

type PaymentsPage = Pick<
  AwardPageView,
  "award" | "decision" | "stripe" | "methods" | "recipient" | "watch" | "payments" | "today" | "can" | "nextInstalment"
>;

/** The award's payments (two funders each), what to do next with them, and cancelling the award. */
export function PaymentsSection({ page, answer }: { page: PaymentsPage; answer: FormAnswer }) {
  return (
    <>
      <h2 id="payments">Payments</h2>
      <p>
        Every payment needs two funders: one asks for it, another approves it. {page.decision.decider} made the funding decision, so cannot approve
        its payment; nor can whoever asked for it.
      </p>
      {page.watch ? (
        <p className="hint">
          This page updates by itself while something is under way. <a href={`/staff/awards/${page.award.id}`}>Refresh</a>
        </p>
      ) : null}
      <PaymentList payments={page.payments} today={page.today} errors={answer.paymentErrors} />
      {page.award.status === "ACCEPTED" ? (
        <p>
          <Link to={`/staff/awards/${page.award.id}/payee`}>Prepare a cheque or bank transfer: the payee and the group’s bank details</Link>
        </p>
      ) : null}

      {page.can.request ? (
        <RequestPaymentForm page={page} answer={answer} />
      ) : page.award.status === "OFFERED" ? (
        <p>A payment can be asked for once the group has accepted the conditions.</p>
      ) : null}

      {page.can.cancelAward ? <CancelAwardForm answer={answer} /> : null}
    </>
  );
}

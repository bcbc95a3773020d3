import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PayeeForPayment } from "~/components/payee/payee-for-payment";
import { formatMoney } from "~/domain/money";
import { PAYMENT_METHOD_LABELS, PAYMENT_STATUS_VIEW } from "~/domain/payment";
import { formatDateTime } from "~/domain/zoned-time";
import { getAward } from "~/models/award.server";
import { payeeForPayment } from "~/models/payee-details.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// "Prepare the manual payment": the one page that shows a group's whole bank details, to a
// funder, and writes each showing to the audit log.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `Prepare the payment for ${d.reference} – Pitchday` : "Prepare the payment – Pitchday" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "payment:request");
  const awardId = routeParam(params, "awardId");
  const award = await getAward(awardId);
  if (!award) throw notFound("That award does not exist.");
  const seen = await payeeForPayment(awardId, user);
  if (!seen.ok) throw new Response(seen.message, { status: 403 });
  const { fund } = award.bid.round;
  const open = award.payments.find((p) => p.status !== "FAILED" && p.status !== "PAID" && p.method !== "STRIPE");
  return data(
    {
      awardId,
      reference: award.bid.reference,
      amount: formatMoney(award.amountPence, fund.currency),
      payee: { ...seen.payee, givenAt: seen.payee.givenAt ? formatDateTime(seen.payee.givenAt, fund.timeZone) : null },
      payment: open ? { method: PAYMENT_METHOD_LABELS[open.method], status: PAYMENT_STATUS_VIEW[open.status].label, mismatch: mismatch(open.method, seen.payee.details?.kind) } : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

function mismatch(method: string, kind: string | undefined) {
  if (kind === "BANK" && method === "CHEQUE") return "The group gave a bank account, but this payment is to be made by cheque.";
  if (kind === "CHEQUE" && method === "BANK_TRANSFER") return "The group asked for a cheque, but this payment is to be made by bank transfer.";
  return null;
}

export default function PreparePayment() {
  const { awardId, reference, amount, payee, payment } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Award for {reference}</span>
      <h1>Prepare the manual payment</h1>
      {payment ? (
        <p>
          {payment.method}: {payment.status.toLowerCase()}.
        </p>
      ) : (
        <p>No cheque or bank transfer has been asked for yet: ask for one on the award’s page, and a second funder approves it.</p>
      )}
      {payment?.mismatch ? <p className="notice">{payment.mismatch}</p> : null}
      <PayeeForPayment payee={payee} reference={reference} amount={amount} />
      <p>
        Once the money has gone, record the payment on the <Link to={`/staff/awards/${awardId}`}>award’s page</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

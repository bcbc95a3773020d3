import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BatchActions } from "~/components/payments/batch-actions";
import { BatchItems } from "~/components/payments/batch-items";
import { batchCancelSchema, batchConfirmSchema } from "~/domain/bank/batch-forms";
import { BACS_TIME_ZONE, batchState, ITEM_OUTCOMES } from "~/domain/bank/batch-view";
import { formatSortCode } from "~/domain/bank/payee-limits";
import { todayIn } from "~/domain/calendar-day";
import { formatMoney } from "~/domain/money";
import { formatDate, formatDateTime } from "~/domain/zoned-time";
import { ownWordsLang } from "~/domain/own-words";
import { confirmBulkPayments } from "~/coordinators/checkpoints.server";
import { cancelBatch, getBatch } from "~/models/payment-batch.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// One bank bulk-payment file: its payments, the download (rebuilt byte for byte each time), and
// confirming that the bank took it or cancelling it. Funders only.

export const meta: MetaFunction = () => [{ title: "Bulk-payment file – Pitchday" }];

const MISSING = "There is no bulk-payment file at this address.";
const NOTICES: Record<string, string> = {
  made: "File made. Download it and upload it to your bank’s bulk payments, then confirm here once the bank has taken it.",
  confirmed: "Confirmed. The payments shown as paid are recorded, and their groups have been told.",
  cancelled: "File cancelled. Its payments can go in a new file.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "payment:request");
  const batch = await getBatch(routeParam(params, "batchId"));
  if (!batch) throw notFound(MISSING);
  const who = (id: string | null) => (id ? (batch.names[id] ?? "a funder no longer listed") : "");
  const open = !batch.confirmedAt && !batch.cancelledAt;
  return data(
    {
      id: batch.id,
      open,
      state: batchState(batch),
      notice: NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null,
      made: `${formatDateTime(batch.createdAt, BACS_TIME_ZONE)} by ${who(batch.createdById)}`,
      payDay: formatDate(batch.processingDate, "UTC"),
      from: `${batch.originName}, ${formatSortCode(batch.originSortCode)}, account ending ${batch.originAccountNumber.slice(-4)}`,
      total: formatMoney(batch.totalPence, "GBP"),
      sha256: batch.fileSha256,
      closed: batch.confirmedAt
        ? `Confirmed ${formatDateTime(batch.confirmedAt, BACS_TIME_ZONE)} by ${who(batch.confirmedById)}: the bank took it on ${formatDate(batch.paidOn ?? batch.confirmedAt, "UTC")}`
        : batch.cancelledAt
          ? `Cancelled ${formatDateTime(batch.cancelledAt, BACS_TIME_ZONE)} by ${who(batch.cancelledById)}: ${batch.cancelReason ?? ""}`
          : null,
      items: batch.items.map((i) => ({
        paymentId: i.paymentId,
        awardId: i.payment.awardId,
        groupName: i.payment.award.bid.groupName,
        lang: ownWordsLang(i.payment.award.bid.language),
        payeeName: i.payeeName,
        reference: i.reference,
        amount: formatMoney(i.amountPence, "GBP"),
        outcome: i.outcome ? (ITEM_OUTCOMES[i.outcome] ?? null) : null,
        changedSince: open && i.changedSince,
      })),
      today: todayIn(new Date(), BACS_TIME_ZONE),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { form: string; values: FormValues; errors: Record<string, string>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "payment:request");
  const batchId = routeParam(params, "batchId");
  const formData = await readForm(request);
  const intent = formData.get("intent") === "cancel" ? "cancel" : "confirm";
  const answer = (status: number, values: FormValues, errors: Record<string, string>, problem?: string) => data<ActionData>({ form: intent, values, errors, problem }, { status });
  if (intent === "cancel") {
    const input = parseForm(batchCancelSchema, formData);
    if (!input.ok) return answer(400, input.values, input.errors);
    const done = await cancelBatch(batchId, input.data, user);
    return done.ok ? redirect(`/staff/awards/batches/${batchId}?notice=cancelled`) : answer(409, input.values, {}, done.message);
  }
  const input = parseForm(batchConfirmSchema(todayIn(new Date(), BACS_TIME_ZONE)), formData);
  if (!input.ok) return answer(400, input.values, input.errors);
  const done = await confirmBulkPayments(batchId, input.data, user);
  return done.ok ? redirect(`/staff/awards/batches/${batchId}?notice=confirmed`) : answer(409, input.values, {}, done.message);
}

export default function BulkPaymentFile() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/staff/awards/batches">All bulk-payment files</Link>
      </p>
      <span className="caption">Bank bulk-payment file (Bacs Standard 18)</span>
      <h1>Payments to be made on {page.payDay}</h1>
      {page.notice ? (
        <div className="notice notice--success" role="status">
          <p>{page.notice}</p>
        </div>
      ) : null}
      {result?.problem ? (
        <div className="error-summary" role="alert">
          <p>{result.problem}</p>
        </div>
      ) : null}
      <p>
        <strong className={page.state.tag}>{page.state.label}</strong>
      </p>
      <dl className="summary">
        <div>
          <dt>Made</dt>
          <dd>{page.made}</dd>
        </div>
        <div>
          <dt>Paid from</dt>
          <dd>{page.from}</dd>
        </div>
        <div>
          <dt>File’s SHA-256</dt>
          <dd className="numeric">{page.sha256}</dd>
        </div>
        {page.closed ? (
          <div>
            <dt>Outcome</dt>
            <dd>{page.closed}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <a href={`/staff/awards/batches/${page.id}.txt`} download>
          Download the file (Bacs Standard 18, {page.items.length} payments, {page.total})
        </a>
      </p>
      <BatchItems items={page.items} total={page.total} open={page.open} />
      {page.open ? <BatchActions today={page.today} form={result?.form ?? null} values={result?.values ?? {}} errors={result?.errors ?? {}} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BatchMakeForm } from "~/components/payments/batch-make-form";
import { BatchTable, BlockedPayments } from "~/components/payments/batch-lists";
import { batchCreateSchema } from "~/domain/bank/batch-forms";
import { BACS_TIME_ZONE, batchRow } from "~/domain/bank/batch-view";
import { todayIn } from "~/domain/calendar-day";
import { formatMoney } from "~/domain/money";
import { batchCandidates, createBatch, lastOrigin, listBatches, NOT_READY } from "~/models/payment-batch.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

// Bank bulk payments: a funder puts approved bank transfers in one Bacs Standard 18 file for
// the bank's bulk upload, then confirms on the file's page that the bank took it. Funders only.

export const meta: MetaFunction = () => [{ title: "Bank bulk payments – Pitchday" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "payment:request");
  const [candidates, batches, origin] = await Promise.all([batchCandidates(), listBatches(), lastOrigin()]);
  const money = (pence: number, currency: string) => formatMoney(pence, currency);
  return data(
    {
      ready: candidates
        .filter((c) => !c.problem)
        .map((c) => ({ paymentId: c.paymentId, reference: c.reference, groupName: c.groupName, payeeName: c.payeeName, amount: money(c.amountPence, c.currency), account: c.masked?.account ?? "" })),
      blocked: candidates
        .filter((c) => c.problem)
        .map((c) => ({ paymentId: c.paymentId, awardId: c.awardId, reference: c.reference, groupName: c.groupName, lang: c.lang, amount: money(c.amountPence, c.currency), why: NOT_READY[c.problem!] })),
      batches: batches.map(batchRow),
      defaults: {
        originName: origin?.name ?? "",
        originSortCode: origin?.sortCode ?? "",
        originAccountNumber: origin?.accountNumber ?? "",
        processingDay: todayIn(new Date(), BACS_TIME_ZONE),
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { values: FormValues; errors: Record<string, string>; problem?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "payment:request");
  const submission = parseForm(batchCreateSchema(todayIn(new Date(), BACS_TIME_ZONE)), await readForm(request));
  if (!submission.ok) return data<ActionData>({ values: submission.values, errors: submission.errors }, { status: 400 });
  const made = await createBatch(submission.data, user);
  if (!made.ok) return data<ActionData>({ values: submission.values, errors: made.errors ?? {}, problem: made.message }, { status: 409 });
  return redirect(`/staff/awards/batches/${made.batchId}?notice=made`);
}

export default function BulkPayments() {
  const { ready, blocked, batches, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/staff/awards">Awards and payments</Link>
      </p>
      <h1>Bank bulk payments</h1>
      <p>
        Put approved bank transfers in one file for your bank’s bulk upload. The file is in <strong>Bacs Standard 18</strong>: one 106-character
        payment line each, without header or contra lines (your bank adds those). Check that your bank’s bulk-payment import takes Standard 18
        files. The payments are recorded as paid only when you confirm that the bank took the file.
      </p>
      {result?.problem && (!Object.keys(result.errors).length || ready.length === 0) ? (
        <div className="error-summary" role="alert">
          <p>{result.problem}</p>
        </div>
      ) : null}

      <h2 id="make">Make a file</h2>
      {ready.length === 0 ? (
        <p>No approved bank transfer is ready for a file.</p>
      ) : (
        <BatchMakeForm ready={ready} values={result?.values ?? null} errors={result?.errors ?? {}} defaults={defaults} />
      )}
      <BlockedPayments blocked={blocked} />

      <h2 id="files">Files made</h2>
      <BatchTable batches={batches} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

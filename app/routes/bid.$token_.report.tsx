import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { GrantReportFields } from "~/components/grant-report-fields";
import { reportSchema, spentField } from "~/domain/grant-report-forms";
import { PHOTO_MAX_BYTES } from "~/domain/image-type";
import { formatMoney, penceToInput } from "~/domain/money";
import { formatDate } from "~/domain/zoned-time";
import { addReportPhoto, removeReportPhoto } from "~/coordinators/grant-photos.server";
import { grantByToken, grantFactsOf, saveReport } from "~/models/grant-report.server";
import { reportDueDay, reportIsEditable } from "~/domain/grant-state";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

// The end-of-grant report, through the group's private link: save a draft as often as needed,
// add photos, then send it to the funder. Works without JavaScript; errors sit by their fields.

export const meta: MetaFunction = () => [{ title: "End-of-grant report – Pitchday" }, { name: "robots", content: "noindex, nofollow" }];

const NO_GRANT = "There is no paid grant to report on for this link yet. The report opens once the grant has been paid.";

async function requireGrant(token: string | undefined) {
  const grant = token ? await grantByToken(token) : null;
  if (!grant) throw notFound(NO_GRANT);
  return grant;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const grant = await requireGrant(params.token);
  const { currency } = grant.bid.round.fund;
  const report = grant.report;
  const saved: Record<string, string> = {
    whatWasDone: report?.whatWasDone ?? "",
    participants: report?.participants?.toString() ?? "",
    underspendNote: report?.underspendNote ?? "",
    contactName: report?.contactName ?? "",
    contactEmail: report?.contactEmail ?? "",
    contactPhone: report?.contactPhone ?? "",
    ...Object.fromEntries((report?.spend ?? []).map((s) => [spentField(s.budgetLineId), penceToInput(s.spentPence)])),
  };
  return {
    token: params.token as string,
    reference: grant.bid.reference,
    amount: formatMoney(grant.amountPence, currency),
    due: formatDate(reportDueDay(grantFactsOf(grant)) as Date, "UTC"),
    status: report?.status ?? "DRAFT",
    funderMessage: report?.funderMessage ?? "",
    lines: grant.bid.budgetLines.map((l) => ({ id: l.id, item: l.item, budget: formatMoney(l.amountPence, currency) })),
    photos: (report?.photos ?? []).map((p) => ({ id: p.id, caption: p.caption })),
    saved,
  };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const grant = await requireGrant(params.token);
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/bid/${params.token}/report`;
  if (intent === "photo") {
    const file = form.get("photo");
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
    const caption = String(form.get("caption") ?? "").trim().slice(0, 200);
    const added = await addReportPhoto(grant, bytes, caption);
    if (!added.ok) return data<ActionData>({ errors: added.errors ?? { photo: added.message }, values: { caption } }, { status: 400 });
    return redirect(`${back}?notice=photo#photos`);
  }
  if (intent === "remove-photo") {
    await removeReportPhoto(grant, String(form.get("photoId") ?? ""));
    return redirect(`${back}#photos`);
  }
  const submit = intent === "submit";
  const submission = parseForm(reportSchema(grant.bid.budgetLines, { submit }), form);
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const saved = await saveReport(grant, submission.data, { submit });
  if (!saved.ok) return data<ActionData>({ errors: {}, values: submission.values, problem: saved.message }, { status: 409 });
  return redirect(submit ? `${back}?notice=sent` : `${back}?notice=saved`);
}

export default function GrantReport() {
  const { token, reference, amount, due, status, funderMessage, lines, photos, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const value = (name: string) => (result && typeof result.values[name] === "string" ? (result.values[name] as string) : (saved[name] ?? ""));
  const editable = reportIsEditable(status);
  return (
    <>
      {result?.problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>The report was not saved</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <span className="caption">Bid {reference}</span>
      <h1>End-of-grant report</h1>
      <p className="lead">
        Tell the funder what your grant of {amount} did. The report is due on {due}.
      </p>
      {status === "SUBMITTED" ? <p className="notice" role="status">Your report has been sent. The funder will read it and may ask for more.</p> : null}
      {status === "ACCEPTED" ? <p className="notice" role="status">The funder has accepted your report. Thank you: the grant is closed.</p> : null}
      {status === "MORE_REQUESTED" ? (
        <div className="notice" role="status">
          <h2>The funder asks for more</h2>
          <p className="pre-line">{funderMessage}</p>
        </div>
      ) : null}
      {editable ? (
        <Form method="post" noValidate>
          <GrantReportFields lines={lines} value={value} errors={errors} />
          <div className="button-group">
            <button type="submit" name="intent" value="submit" className="button">Send the report to the funder</button>
            <button type="submit" name="intent" value="save" className="button button--secondary">Save as a draft</button>
          </div>
        </Form>
      ) : null}
      <h2 id="photos">Photos</h2>
      {photos.length === 0 ? <p>No photos yet.</p> : (
        <ul className="photo-list">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <img src={`/bid/${token}/report/photos/${photo.id}`} alt={photo.caption || `Photo ${i + 1} of the project`} width={240} />
              {editable ? (
                <Form method="post">
                  <input type="hidden" name="photoId" value={photo.id} />
                  <button type="submit" name="intent" value="remove-photo" className="button button--secondary">Remove photo {i + 1}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Form method="post" encType="multipart/form-data">
          <p className="hint">Save your draft first: adding a photo sends only the photo. JPEG, PNG or WebP, smaller than {PHOTO_MAX_BYTES / 1_000_000} MB.</p>
          <TextField name="photo" label="Photo" type="file" accept="image/jpeg,image/png,image/webp" error={errors.photo} />
          <TextField name="caption" label="What the photo shows" optional defaultValue={value("caption")} error={errors.caption} />
          <button type="submit" name="intent" value="photo" className="button button--secondary">Add the photo</button>
        </Form>
      ) : null}
      <p>
        <Link to={`/bid/${token}`}>Back to your bid</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { GrantReportFields } from "~/components/grant-report-fields";
import { GrantReportPhotos } from "~/components/grant-report-photos";
import { reportSchema } from "~/domain/grant-report-forms";
import { REPORT_ERROR_VALUES, spentField } from "~/domain/grant-report-limits";
import { money } from "~/domain/message";
import { dayOf } from "~/domain/message-day";
import { penceToInput } from "~/domain/money";
import { translate } from "~/i18n/catalogue.server";
import { sayDates } from "~/i18n/dates-said.server";
import { pageTitle } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { sayIn } from "~/i18n/errors.server";
import { useSay } from "~/i18n/message-args";
import { addReportPhoto, removeReportPhoto } from "~/coordinators/grant-photos.server";
import { grantByToken, grantFactsOf, saveReport } from "~/models/grant-report.server";
import { reportDueDay, reportIsEditable } from "~/domain/grant-state";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

// The end-of-grant report, through the group's private link: save a draft as often as needed,
// add photos, then send it to the funder. Works without JavaScript; errors sit by their fields.

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "bid.report.title") }, { name: "robots", content: "noindex, nofollow" }];

async function requireGrant(request: Request, token: string | undefined) {
  const grant = token ? await grantByToken(token) : null;
  if (!grant) throw notFound(translate(await requestLang(request), "bid.report.noGrant"));
  return grant;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const grant = await requireGrant(request, params.token);
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
  return sayDates(await requestLang(request), {
    token: params.token as string,
    reference: grant.bid.reference,
    amount: money(grant.amountPence, currency),
    due: dayOf(reportDueDay(grantFactsOf(grant)) as Date, "UTC"),
    status: report?.status ?? "DRAFT",
    funderMessage: report?.funderMessage ?? "",
    lines: grant.bid.budgetLines.map((l) => ({ id: l.id, item: l.item, budget: money(l.amountPence, currency) })),
    photos: (report?.photos ?? []).map((p) => ({ id: p.id, caption: p.caption })),
    saved,
  });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const grant = await requireGrant(request, params.token);
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
  if (!saved.ok) return data<ActionData>({ errors: {}, values: submission.values, problem: sayIn(await requestLang(request), saved.message) }, { status: 409 });
  return redirect(submit ? `${back}?notice=sent` : `${back}?notice=saved`);
}

export default function GrantReport() {
  const { token, reference, amount, due, status, funderMessage, lines, photos, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const say = useSay();
  const t = say.t;
  const itemOf = Object.fromEntries(lines.map((line) => [spentField(line.id), line.item]));
  const errors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([name, key]) => [name, t(key, { ...REPORT_ERROR_VALUES, item: itemOf[name] ?? "" })]));
  const value = (name: string) => (result && typeof result.values[name] === "string" ? (result.values[name] as string) : (saved[name] ?? ""));
  const editable = reportIsEditable(status);
  return (
    <>
      {result?.problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t("bid.report.notSaved")}</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <span className="caption">{t("bid.caption", { reference })}</span>
      <h1>{t("bid.report.heading")}</h1>
      <p className="lead">{t("bid.report.lead", { amount: say.arg(amount), due: say.arg(due) })}</p>
      {status === "SUBMITTED" || status === "ACCEPTED" ? <p className="notice" role="status">{t(`bid.report.status.${status}`)}</p> : null}
      {status === "MORE_REQUESTED" ? (
        <div className="notice" role="status">
          <h2>{t("bid.report.more")}</h2>
          <p className="pre-line">{funderMessage}</p>
        </div>
      ) : null}
      {editable ? (
        <Form method="post" noValidate>
          <GrantReportFields lines={lines.map((line) => ({ ...line, budget: say.arg(line.budget) }))} value={value} errors={errors} />
          <div className="button-group">
            <button type="submit" name="intent" value="submit" className="button">
              {t("bid.report.send")}
            </button>
            <button type="submit" name="intent" value="save" className="button button--secondary">
              {t("bid.report.saveDraft")}
            </button>
          </div>
        </Form>
      ) : null}
      <GrantReportPhotos token={token} photos={photos} editable={editable} caption={value("caption")} errors={errors} />
      <p>
        <Link to={`/bid/${token}`}>{t("bid.button.back")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

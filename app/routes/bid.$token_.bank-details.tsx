import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PayeeConfirm, PayeeLines } from "~/components/payee/payee-confirm";
import { PayeeForm } from "~/components/payee/payee-form";
import { maskPayee, payeeFormSchema } from "~/domain/bank/payee-details";
import { awardForBid } from "~/models/award.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { payeeNameFor, payeeSummary, savePayeeDetails } from "~/models/payee-details.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { translate } from "~/i18n/catalogue.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";

// The group says where its award is paid: a UK bank account or a cheque payee, and (when it
// applied through a parent organisation) who is paid. Checked, read back, then saved; a change
// is audited, emailed to the bid's contact and withdraws a payment approval already given.

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d ? pageTitle(matches, "bid.payee.title", { reference: d.reference }) : pageTitle(matches, "bid.payee.titleUnknown") },
  { name: "robots", content: "noindex, nofollow" },
];

async function load(request: Request, token: string | undefined) {
  const bid = await requireBidByToken(request, token);
  const award = await awardForBid(bid.id);
  if (!award || award.status === "CANCELLED") throw notFound(translate(await requestLang(request), "bid.payee.noAward"));
  return { bid, award };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid, award } = await load(request, params.token);
  const summary = await payeeSummary(bid.id);
  const current = summary?.payee ? { payee: summary.payee, payeeName: payeeNameFor(summary.payee.party, bid) } : null;
  return json(
    {
      token: params.token as string,
      reference: bid.reference,
      groupName: bid.groupName,
      parentOrgName: bid.parentOrgName,
      status: award.status,
      current,
      saved: new URL(request.url).searchParams.has("saved"),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { bid } = await load(request, params.token);
  const form = await request.formData();
  const intent = form.get("intent");
  form.delete("intent");
  const parsed = parseForm(payeeFormSchema({ hasParent: Boolean(bid.parentOrgName) }), form);
  const values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, String(v)]));
  if (!parsed.ok) return json({ step: "form" as const, errors: parsed.errors, values }, { status: 400 });
  if (intent === "change") return json({ step: "form" as const, errors: {}, values });
  if (intent !== "save") {
    return json({ step: "confirm" as const, values, payee: maskPayee(parsed.data), payeeName: payeeNameFor(parsed.data.party, bid) });
  }
  const saved = await savePayeeDetails(bid.id, parsed.data, { type: "group", id: bid.id });
  if (!saved.ok) return json({ step: "form" as const, errors: { form: saved.message }, values }, { status: 409 });
  throw redirect(`/bid/${params.token}/bank-details?saved=1`, { status: 303 });
}

export default function BankDetails() {
  const { token, reference, groupName, parentOrgName, status, current, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const back = <p><Link to={`/bid/${token}`}>{t("bid.button.back")}</Link></p>;
  const caption = <span className="caption">{t("bid.caption", { reference })}</span>;
  if (result?.step === "confirm") {
    return (
      <>
        {caption}
        <PayeeConfirm payee={result.payee} payeeName={result.payeeName} values={result.values} />
        {back}
      </>
    );
  }
  const editing = result?.step === "form";
  return (
    <>
      {caption}
      <h1>{t(current ? "bid.payee.heading.current" : "bid.payee.heading.new")}</h1>
      {saved && current && !editing ? (
        <div className="panel-confirm" role="status">
          <p>{t("bid.payee.saved")}</p>
        </div>
      ) : null}
      {status === "OFFERED" ? (
        <p className="lead">{t("bid.payee.offered")}</p>
      ) : status === "PAID" ? (
        <p className="lead">{t("bid.payee.paid")}</p>
      ) : null}
      {current && !editing ? <PayeeLines payee={current.payee} payeeName={current.payeeName} /> : null}
      {status === "ACCEPTED" ? (
        <>
          {current ? (
            <>
              <h2>{t("bid.payee.change.heading")}</h2>
              <p>{t("bid.payee.change.text")}</p>
            </>
          ) : (
            <p className="lead">{t("bid.payee.intro")}</p>
          )}
          <PayeeForm groupName={groupName} parentOrgName={parentOrgName} values={result?.values ?? {}} errors={editing ? result.errors : {}} />
        </>
      ) : null}
      {back}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidForm } from "~/components/bid-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { bidAccess, formValuesFromBid, formValuesFromEntries, isoDate, withExtraRow, type BidFormValues } from "~/domain/bid";
import { eachSays, type MessageErrors } from "~/domain/message";
import { roundWords } from "~/domain/round-words";
import { translate } from "~/i18n/catalogue.server";
import { formatWeekdayDateTimeIn } from "~/i18n/group-dates";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { fundRules, saveBid } from "~/models/bid.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { formValues, withoutControlCharacters } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: pageTitle(matches, "apply.edit.title", { reference: d?.reference ?? "" }) },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  const lang = await requestLang(request);
  const access = bidAccess(bid, bid.round, new Date());
  return {
    token: params.token as string,
    reference: bid.reference,
    submitted: bid.status === "SUBMITTED",
    lockedKey: access.canEdit ? null : access.lockedKey,
    closes: formatWeekdayDateTimeIn(lang, bid.round.closesAt, bid.round.fund.timeZone),
    roundTitle: roundWords(bid.round, lang).title,
    rules: fundRules(bid.round),
    keepStartDate: bid.status === "SUBMITTED" ? isoDate(bid.startDate) || null : null,
    values: formValuesFromBid(bid),
  };
}

type ActionResult = { values: BidFormValues; errors: MessageErrors; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const lang = await requestLang(request);
  const { values: entries, errors: control } = withoutControlCharacters(formValues(await readForm(request)));
  const values = formValuesFromEntries(entries);
  const intent = entries.intent;
  const reply = (result: Partial<ActionResult>, status = 400) =>
    data<ActionResult>({ values, errors: {}, formError: null, ...result }, { status });

  if (intent === "add-line") return data<ActionResult>({ values: withExtraRow(values), errors: {}, formError: null });
  if (intent !== "draft" && intent !== "continue" && intent !== "save") return reply({ formError: translate(lang, "apply.edit.chooseButton") });
  if (Object.keys(control).length > 0) return reply({ errors: eachSays(Object.keys(control), "apply.error.controlCharacter") });
  const result = await saveBid({ token, values, intent });
  if (result.ok) {
    if (result.bid.status === "SUBMITTED") throw redirect(`/bid/${token}?notice=changes-saved`);
    throw redirect(intent === "continue" ? `/bid/${token}/check` : `/bid/${token}?notice=draft-saved`);
  }
  if (result.kind === "invalid") return reply({ errors: result.errors });
  if (result.kind === "locked" || result.kind === "closed") return reply({ formError: translate(lang, result.kind === "locked" ? result.message : "bid.locked.closed") }, 409);
  throw new Response(translate(lang, "apply.bid.notFound"), { status: 404 });
}

export default function EditBid() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const back = `/bid/${loaded.token}`;

  // why not after a refused save: the refusal shows above the form with the words just typed, so
  // nothing typed is lost even though it can no longer be saved.
  if (loaded.lockedKey && !result?.formError) {
    return (
      <>
        <h1>{t("apply.edit.lockedHeading")}</h1>
        <p className="lead">{t(loaded.lockedKey)}</p>
        <p>
          <Link to={back}>{t("apply.edit.seeBid", { reference: loaded.reference })}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        <Link to={back}>{t("apply.edit.back")}</Link>
      </p>
      <span className="caption">{t("apply.edit.caption", { reference: loaded.reference })}</span>
      <h1>{loaded.submitted ? t("apply.edit.heading") : t("apply.page.heading", { round: loaded.roundTitle })}</h1>
      <p>{loaded.submitted ? t("apply.edit.submittedLead", { closes: loaded.closes }) : t("apply.edit.draftLead", { closes: loaded.closes })}</p>
      <BidForm
        kind={loaded.submitted ? "submitted" : "draft"}
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        formError={result?.formError}
        rules={loaded.rules}
        keepStartDate={loaded.keepStartDate}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

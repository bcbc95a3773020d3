import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BidSummary } from "~/components/bid-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, fieldId } from "~/components/forms";
import { Choices } from "~/components/choices";
import { bidAccess } from "~/domain/bid";
import { declarationSchema } from "~/domain/bid-requests";
import { eachSays, type MessageErrors } from "~/domain/message";
import { translate } from "~/i18n/catalogue.server";
import { formatWeekdayDateTimeIn } from "~/i18n/group-dates";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { htmlLang } from "~/i18n/lang";
import { messageIn } from "~/i18n/errors.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { errorTexts } from "~/i18n/message-text";
import { bidAnswers, submissionProblems, submitBid, takeIntakeAttempt } from "~/models/bid.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: pageTitle(matches, "apply.check.title", { reference: d?.reference ?? "" }) },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  if (bid.status !== "DRAFT") throw redirect(`/bid/${params.token}`);
  const lang = await requestLang(request);
  const now = new Date();
  const access = bidAccess(bid, bid.round, now);
  return {
    token: params.token as string,
    reference: bid.reference,
    bidLang: htmlLang(bid.language === "cy" ? "cy" : "en"),
    currency: bid.round.fund.currency,
    closes: formatWeekdayDateTimeIn(lang, bid.round.closesAt, bid.round.fund.timeZone),
    lockedKey: access.canSubmit ? null : access.lockedKey,
    answers: bidAnswers(bid, lang),
    problems: submissionProblems(bid, now),
  };
}

type ActionResult = { errors: MessageErrors; problems: MessageErrors; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const lang = await requestLang(request);
  const parsed = parseForm(declarationSchema, await readForm(request));
  if (!parsed.ok) return data<ActionResult>({ errors: eachSays(Object.keys(parsed.errors), "apply.check.declarationMissing"), problems: {}, formError: null }, { status: 400 });
  const limited = await takeIntakeAttempt("submit", clientAddress(request));
  if (limited) return data<ActionResult>({ errors: {}, problems: {}, formError: messageIn(lang, limited) }, { status: 429 });
  const result = await submitBid({ token });
  if (result.ok) throw redirect(`/bid/${token}/submitted`);
  if (result.kind === "invalid") return data<ActionResult>({ errors: {}, problems: result.errors, formError: null }, { status: 400 });
  if (result.kind === "locked" || result.kind === "closed") {
    return data<ActionResult>({ errors: {}, problems: {}, formError: translate(lang, result.kind === "locked" ? result.message : "bid.locked.draftClosed") }, { status: 409 });
  }
  throw new Response(translate(lang, "apply.bid.notFound"), { status: 404 });
}

export default function CheckAnswers() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const edit = `/bid/${loaded.token}/edit`;
  const said = (errors: MessageErrors) => errorTexts(t, t.lang, errors, loaded.currency);
  const problems = Object.entries(said(result?.problems && Object.keys(result.problems).length ? result.problems : loaded.problems));

  if (loaded.lockedKey) {
    return (
      <>
        <h1>{t("apply.check.lockedHeading")}</h1>
        <p className="lead">{t(loaded.lockedKey)}</p>
        <p>
          <Link to={`/bid/${loaded.token}`}>{t("apply.edit.seeBid", { reference: loaded.reference })}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        <Link to={edit}>{t("apply.edit.back")}</Link>
      </p>
      <span className="caption">{t("apply.edit.caption", { reference: loaded.reference })}</span>
      <h1>{t("apply.check.heading")}</h1>
      {result?.formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{result.formError}</p>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="problems-title" tabIndex={-1}>
          <h2 id="problems-title">{t("apply.check.notReady")}</h2>
          <ul>
            {problems.map(([field, message]) => (
              <li key={field}>
                <a href={`${edit}#${fieldId(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorSummary errors={said(result?.errors ?? {})} title={t("apply.form.errorTitle")} />
      )}

      <h2>{t("apply.check.answers")}</h2>
      <BidSummary answers={loaded.answers} changeHref={edit} change={t("apply.summary.change")} lang={loaded.bidLang} />

      {problems.length === 0 ? (
        <>
          <h2>{t("apply.check.send")}</h2>
          <p>{t("apply.check.confirming", { closes: loaded.closes })}</p>
          <Form method="post" noValidate>
            <Choices
              name="declaration"
              type="checkbox"
              legend={t("apply.check.declaration")}
              error={result?.errors?.declaration ? t("apply.check.declarationMissing") : undefined}
              choices={[{ value: "confirmed", label: t("apply.check.declarationText") }]}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("apply.check.submit")}
            </button>
          </Form>
        </>
      ) : (
        <p>
          <Link to={edit} className="button">
            {t("apply.check.finish")}
          </Link>
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

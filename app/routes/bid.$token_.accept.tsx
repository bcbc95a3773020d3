import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreeCheckbox } from "~/components/agree-checkbox";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { acceptSchema, SIGNED_NAME_MAX } from "~/domain/award-acceptance";
import { money } from "~/domain/message";
import { dayOf } from "~/domain/message-day";
import { translate } from "~/i18n/catalogue.server";
import { sayDates } from "~/i18n/dates-said.server";
import { pageTitle } from "~/i18n/i18n-context";
import { sayIn } from "~/i18n/errors.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { useFieldErrors, useSay } from "~/i18n/message-args";
import { acceptAward, awardForBid } from "~/models/award.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

// "Accept the conditions": someone who can sign for the group reads the conditions, types
// their name and confirms, through the group's private link. The acceptance is recorded with
// that name and the time; the funder can then arrange the payment.

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d ? pageTitle(matches, "bid.accept.title", { reference: d.reference }) : pageTitle(matches, "bid.accept.titleUnknown") },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  const award = await awardForBid(bid.id);
  if (!award || award.status === "CANCELLED") throw notFound(translate(await requestLang(request), "bid.accept.noAward"));
  const { currency, timeZone } = bid.round.fund;
  return sayDates(await requestLang(request), {
    token: params.token as string,
    reference: bid.reference,
    groupName: bid.groupName,
    funderName: bid.round.fund.funderName,
    amount: money(award.amountPence, currency),
    conditions: award.conditions,
    accepted: award.acceptedAt ? { by: award.acceptedBy ?? "", on: dayOf(award.acceptedAt, timeZone) } : null,
    // why from the loader: importing the value into the page would bring zod to the phone.
    signedNameMax: SIGNED_NAME_MAX,
  });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseForm(acceptSchema, await readForm(request));
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await acceptAward(token, submission.data);
  if (!result.ok) return data<ActionData>({ errors: result.errors ?? {}, values: submission.values, problem: sayIn(await requestLang(request), result.message) }, { status: 409 });
  return redirect(`/bid/${token}?notice=accepted#award`);
}

export default function AcceptAward() {
  const { token, reference, groupName, funderName, amount, conditions, accepted, signedNameMax } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const say = useSay();
  const t = say.t;
  const errors = useFieldErrors()(result?.errors ?? {}, { max: signedNameMax });
  const typed = (name: string) => (typeof result?.values[name] === "string" ? (result.values[name] as string) : "");
  const back = `/bid/${token}`;
  const caption = <span className="caption">{t("bid.caption", { reference })}</span>;

  if (accepted) {
    return (
      <>
        {caption}
        <h1>{t("bid.accept.done.heading")}</h1>
        <p className="lead">{t("bid.accept.done.text", { name: accepted.by, group: groupName, day: say.arg(accepted.on) })}</p>
        <p>
          <Link to={back}>{t("bid.button.back")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      {result?.problem && Object.keys(errors).length === 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t("bid.accept.problem")}</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ signedName: t("bid.accept.summary.signedName"), agree: t("bid.accept.summary.agree") }} />
      {caption}
      <h1>{t("bid.accept.heading")}</h1>
      <p className="lead">{t("bid.accept.lead", { funder: funderName, group: groupName, amount: say.arg(amount) })}</p>
      <div className="notice conditions pre-line">{conditions}</div>
      <Form method="post">
        <TextField
          name="signedName"
          label={t("bid.accept.nameLabel")}
          hint={t("bid.accept.nameHint")}
          autoComplete="name"
          defaultValue={typed("signedName")}
          error={errors.signedName}
        />
        <AgreeCheckbox id="field-agree" name="agree" error={errors.agree} defaultChecked={typed("agree") === "yes"}>
          {t("bid.accept.agree", { group: groupName })}
        </AgreeCheckbox>
        <div className="button-group">
          <button type="submit" className="button">
            {t("bid.award.acceptButton")}
          </button>
          <Link to={back}>{t("bid.button.back")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

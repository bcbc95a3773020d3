import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidForm } from "~/components/bid-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { emptyFormValues, formValuesFromEntries, roundPhase, withExtraRow, type BidFormValues } from "~/domain/bid";
import { bidErrors, bidSchema } from "~/domain/bid-schema";
import { eachSays, type MessageErrors } from "~/domain/message";
import { translate } from "~/i18n/catalogue.server";
import { formatWeekdayDateTimeIn } from "~/i18n/group-dates";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { messageIn } from "~/i18n/errors.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { roundWords } from "~/domain/round-words";
import { findPublicRound, fundRules, startBid, takeIntakeAttempt } from "~/models/bid.server";
import { formValues, withoutControlCharacters } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: pageTitle(matches, "apply.page.title", { round: d?.round.title ?? "" }) },
];

async function requireRound(request: Request, slug: string | undefined) {
  const round = slug ? await findPublicRound(slug) : null;
  if (!round) throw new Response(translate(await requestLang(request), "apply.page.notFound"), { status: 404 });
  return round;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await requireRound(request, routeParam(params, "slug", "slug"));
  const lang = await requestLang(request);
  const now = new Date();
  return {
    round: {
      slug: round.slug,
      title: roundWords(round, lang).title,
      phase: roundPhase(round, now),
      opens: formatWeekdayDateTimeIn(lang, round.opensAt, round.fund.timeZone),
      closes: formatWeekdayDateTimeIn(lang, round.closesAt, round.fund.timeZone),
    },
    rules: fundRules(round),
    values: emptyFormValues(),
  };
}

type ActionResult = { values: BidFormValues; errors: MessageErrors; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const round = await requireRound(request, routeParam(params, "slug", "slug"));
  const lang = await requestLang(request);
  const { values: entries, errors: control } = withoutControlCharacters(formValues(await readForm(request)));
  const values = formValuesFromEntries(entries);
  const intent = entries.intent;
  const reply = (result: Partial<ActionResult>, status = 400) =>
    data<ActionResult>({ values, errors: {}, formError: null, ...result }, { status });

  if (intent === "add-line") return data<ActionResult>({ values: withExtraRow(values), errors: {}, formError: null });
  if (intent !== "draft" && intent !== "continue") return reply({ formError: translate(lang, "apply.page.chooseButton") });
  // A box only robots can see was filled in: look as if it worked, keep nothing.
  if (entries.website) throw redirect(`/rounds/${round.slug}`);
  if (Object.keys(control).length > 0) return reply({ errors: eachSays(Object.keys(control), "apply.error.controlCharacter") });

  const now = new Date();
  const checked = bidSchema({ ...fundRules(round), now, mode: intent === "draft" ? "draft" : "submit" }).safeParse(values);
  if (!checked.success) return reply({ errors: bidErrors(checked.error.issues) });
  const limited = await takeIntakeAttempt("start", clientAddress(request), now);
  if (limited) return reply({ formError: messageIn(lang, limited) }, 429);

  const result = await startBid({ slug: round.slug, values, intent, now });
  if (result.ok) throw redirect(intent === "draft" ? `/bid/${result.token}?notice=draft-saved` : `/bid/${result.token}/check`);
  if (result.kind === "invalid") return reply({ errors: result.errors });
  if (result.kind === "closed") {
    const upcoming = roundPhase(round, now) === "upcoming";
    const when = formatWeekdayDateTimeIn(lang, upcoming ? round.opensAt : round.closesAt, round.fund.timeZone);
    return reply({ formError: translate(lang, upcoming ? "apply.closed.upcoming" : "apply.closed.closed", { opens: when, closes: when }) }, 409);
  }
  throw new Response(translate(lang, "apply.page.notFound"), { status: 404 });
}

export default function Apply() {
  const { round, rules, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();

  if (round.phase !== "open") {
    return (
      <>
        <h1>{round.phase === "upcoming" ? t("apply.page.notOpenYet") : t("apply.page.closed")}</h1>
        <p className="lead">
          {round.phase === "upcoming" ? t("apply.page.opensOn", { round: round.title, opens: round.opens }) : t("apply.page.closedOn", { round: round.title, closes: round.closes })}
        </p>
        <p>
          <Link to="/rounds">{t("apply.page.openRounds")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        <Link to={`/rounds/${round.slug}`}>{t("apply.page.back", { round: round.title })}</Link>
      </p>
      <h1>{t("apply.page.heading", { round: round.title })}</h1>
      <p className="lead">{t("apply.page.lead")}</p>
      <p>{t("apply.page.closes", { closes: round.closes })}</p>
      <BidForm kind="new" values={result?.values ?? values} errors={result?.errors} formError={result?.formError} rules={rules} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HowJudged } from "~/components/public-round/how-judged";
import { LostLinkForm, type LinkRequestResult } from "~/components/public-round/lost-link-form";
import { RoundPart, RoundTitle } from "~/components/public-round/round-own-words";
import { roundPhase } from "~/domain/bid";
import { linkRequestSchema } from "~/domain/bid-requests";
import { roundVersions } from "~/domain/round-words";
import { roundRuleMessages } from "~/domain/rule-summary-messages";
import { translate } from "~/i18n/catalogue.server";
import { formatWeekdayDateTimeIn } from "~/i18n/group-dates";
import { messageIn } from "~/i18n/errors.server";
import { useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { messageText } from "~/i18n/message-text";
import { formatMoneyIn } from "~/i18n/money";
import { findPublicRound, reissueLink, takeIntakeAttempt } from "~/models/bid.server";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  // why no key: the round's own title and the brand, neither of them translated.
  { title: `${d?.round.versions.map((v) => v.title).join(" / ") ?? ""} – Pitchday` },
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
  const { fund } = round;
  const say = (key: string, values?: Record<string, string | number>) => translate(lang, key, values);
  return {
    round: {
      slug: round.slug,
      versions: roundVersions(round, lang),
      phase: roundPhase(round, now),
      opens: formatWeekdayDateTimeIn(lang, round.opensAt, fund.timeZone),
      closes: formatWeekdayDateTimeIn(lang, round.closesAt, fund.timeZone),
      min: formatMoneyIn(lang, fund.minAwardPence, fund.currency),
      max: formatMoneyIn(lang, fund.maxAwardPence, fund.currency),
      fundName: fund.name,
      funder: fund.funderName,
      rule: roundRuleMessages({ ...round, fund }).map((line) => messageText(say, lang, line, fund.currency)),
      criteria: round.criteria.map((c) => ({ id: c.id, name: c.name, guidance: c.guidance, weight: c.weight })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const round = await requireRound(request, routeParam(params, "slug", "slug"));
  const formData = await readForm(request);
  const parsed = parseForm(linkRequestSchema, formData);
  const values = { email: String(parsed.values.email ?? ""), reference: String(parsed.values.reference ?? "") };
  if (!parsed.ok) return data<LinkRequestResult>({ sent: false, errors: parsed.errors, values, formError: null }, { status: 400 });
  // A form a person cannot see was filled in: a robot. It gets the same answer as anyone.
  if (formData.get("website")) return { sent: true, errors: {}, values: { email: "", reference: "" }, formError: null };
  const limited = await takeIntakeAttempt("link", clientAddress(request));
  if (limited) return data<LinkRequestResult>({ sent: false, errors: {}, values, formError: messageIn(await requestLang(request), limited) }, { status: 429 });
  await reissueLink({ slug: round.slug, email: parsed.data.email, reference: parsed.data.reference });
  return { sent: true, errors: {}, values: { email: "", reference: "" }, formError: null };
}

export default function RoundPage() {
  const { round } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/rounds">{t("round.page.all")}</Link>
      </p>
      <h1>
        <RoundTitle versions={round.versions} />
      </h1>
      <p>
        {round.phase === "open" ? (
          <span className="tag tag--green">{t("round.page.open")}</span>
        ) : round.phase === "upcoming" ? (
          <span className="tag tag--yellow">{t("round.page.upcoming")}</span>
        ) : (
          <span className="tag tag--grey">{t("round.page.closed")}</span>
        )}
      </p>
      <RoundPart versions={round.versions} part="description" className="lead" />

      <h2>{t("round.page.dates")}</h2>
      <dl className="summary">
        <div>
          <dt>{t("round.page.opens")}</dt>
          <dd>{round.opens}</dd>
        </div>
        <div>
          <dt>{t("round.page.closes")}</dt>
          <dd>{round.closes}</dd>
        </div>
      </dl>

      <h2>{t("round.page.howMuch")}</h2>
      <p>{t("round.page.amounts", { min: round.min, max: round.max, fund: round.fundName, funder: round.funder })}</p>

      <RoundPart versions={round.versions} part="eligibility" className="pre-line" heading={<h2>{t("round.page.whoCanApply")}</h2>} />

      <HowJudged rule={round.rule} criteria={round.criteria} />

      <h2>{t("round.page.apply")}</h2>
      {round.phase === "open" ? (
        <>
          <p>{t("round.page.applyText")}</p>
          <p>
            <Link to={`/rounds/${round.slug}/apply`} className="button">
              {t("round.page.start")}
            </Link>
          </p>
        </>
      ) : round.phase === "upcoming" ? (
        <p>{t("round.page.notOpen", { opens: round.opens })}</p>
      ) : (
        <p>{t("round.page.closedText", { closes: round.closes })}</p>
      )}

      <LostLinkForm slug={round.slug} result={result} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FundedTable } from "~/components/results/funded-table";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { htmlLang } from "~/i18n/lang";
import { requestLang } from "~/i18n/language-cookie.server";
import { formatMoneyIn } from "~/i18n/money";
import { zonedDay } from "~/i18n/zoned-dates";
import { publicResults } from "~/models/public-results.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The public results of one event, once they have been revealed in the room: the projects
// funded and how much each gets, the total, and what is left in the fund. The event's and the
// groups' names are their own words; a group's carry the language it wrote in.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: pageTitle(matches, "results.event.title", { event: data.title }) },
        { name: "description", content: pageTitle(matches, "results.event.description", { count: data.fundedCount, event: data.title, awarded: data.awarded }) },
      ]
    : [{ title: pageTitle(matches, "results.index.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [results, lang] = await Promise.all([publicResults(routeParam(params, "eventId")), requestLang(request)]);
  if (!results) {
    throw notFound("There are no results to show here yet: results appear once they have been announced at the event.");
  }
  const { currency, timeZone } = results.round.fund;
  const money = (pence: number) => formatMoneyIn(lang, pence, currency);
  return {
    title: results.title,
    date: zonedDay(lang, results.startsAt, timeZone),
    venue: results.venue,
    round: lang === "cy" && results.round.titleCy ? results.round.titleCy : results.round.title,
    fundName: results.round.fund.name,
    funder: results.round.fund.funderName,
    confirmed: results.confirmed,
    complete: results.revealComplete,
    pitched: results.pitched,
    fundedCount: results.funded.length,
    funded: results.funded.map((f) => ({
      reference: f.reference,
      group: f.groupName,
      project: f.projectTitle,
      summary: f.summary,
      area: f.area,
      lang: f.language !== lang && (f.language === "cy" || f.language === "en") ? htmlLang(f.language) : undefined,
      amount: money(f.amountPence),
      partOf: f.outcome === "PART_FUNDED" && f.requestedPence !== null ? money(f.requestedPence) : null,
    })),
    awarded: money(results.awardedPence),
    pot: money(results.potPence),
    remaining: results.remainingPence === null ? null : money(results.remainingPence),
  };
}

export default function EventResults() {
  const r = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/results">{t("results.event.all")}</Link>
      </p>
      <span className="hint">{t("results.index.fundedBy", { round: r.round, funder: r.funder })}</span>
      <h1>{t("results.event.heading", { event: r.title })}</h1>
      <p className="lead">
        {t("results.event.lead", { date: r.date, venue: r.venue, pitched: r.pitched, confirmed: r.confirmed ? "yes" : "no", funded: r.fundedCount })}
      </p>
      {!r.confirmed ? (
        <div className="notice" role="status">
          <p>{t("results.event.confirming")}</p>
        </div>
      ) : !r.complete ? (
        <div className="notice" role="status">
          <p>{t("results.event.revealing")}</p>
        </div>
      ) : null}

      {r.confirmed ? (
        <section aria-labelledby="funded">
          <h2 id="funded">{t("results.event.fundedHeading")}</h2>
          {r.funded.length === 0 ? (
            <p>{r.complete ? t("results.event.noneFunded") : t("results.event.noneRevealed")}</p>
          ) : (
            <FundedTable title={r.title} funded={r.funded} complete={r.complete} awarded={r.awarded} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="pot">
        <h2 id="pot">{t("results.event.fundHeading")}</h2>
        <dl className="summary">
          <div>
            <dt>{r.fundName}</dt>
            <dd>{t("results.event.potInAll", { pot: r.pot })}</dd>
          </div>
          <div>
            <dt>{t("results.event.left")}</dt>
            <dd className="results-total">{r.remaining ?? t("results.event.leftLater")}</dd>
          </div>
        </dl>
        <p className="hint">{t("results.event.leftHint")}</p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="error-page">
        <h1>{t("results.notFound.title")}</h1>
        <p>{t("results.notFound.body")}</p>
        <p>
          <Link to="/results">{t("results.notFound.link")}</Link>
        </p>
      </div>
    );
  }
  return <GeneralErrorBoundary />;
}

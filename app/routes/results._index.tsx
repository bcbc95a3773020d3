import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckpointHeads } from "~/components/results/checkpoint-heads";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { formatMoneyIn } from "~/i18n/money";
import { zonedDateTime, zonedDay } from "~/i18n/zoned-dates";
import { checkpointHeads } from "~/models/checkpoint.server";
import { revealedEvents } from "~/models/public-results.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "results.index.title") },
  { name: "description", content: pageTitle(matches, "results.index.description") },
];

// why this zone: the audit pages show checkpoint times in it too.
const CHECKPOINT_TIME_ZONE = "Europe/London";

export async function loader({ request }: LoaderFunctionArgs) {
  const [events, heads, lang] = await Promise.all([revealedEvents(), checkpointHeads(), requestLang(request)]);
  return {
    heads: heads.map((h) => ({ seq: h.seq, hash: h.hash, at: zonedDateTime(lang, h.createdAt, CHECKPOINT_TIME_ZONE), triggers: h.triggers })),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      date: zonedDay(lang, e.startsAt, e.round.fund.timeZone),
      venue: e.venue,
      round: lang === "cy" && e.round.titleCy ? e.round.titleCy : e.round.title,
      funder: e.round.fund.funderName,
      funded: e.funded,
      awarded: formatMoneyIn(lang, e.awardedPence, e.round.fund.currency),
    })),
  };
}

export default function Results() {
  const { events, heads } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("results.index.heading")}</h1>
      <p className="lead">{t("results.index.lead")}</p>
      {events.length === 0 ? (
        <p>{t("results.index.none")}</p>
      ) : (
        <ul className="cards">
          {events.map((e) => (
            <li key={e.id} className="card">
              <h2>
                <Link to={`/results/${e.id}`}>{e.title}</Link>
              </h2>
              <p>
                {e.date}, {e.venue}
                <span className="hint">{t("results.index.fundedBy", { round: e.round, funder: e.funder })}</span>
              </p>
              <p>{t("results.index.funded", { count: e.funded, awarded: e.awarded })}</p>
            </li>
          ))}
        </ul>
      )}
      <CheckpointHeads heads={heads} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

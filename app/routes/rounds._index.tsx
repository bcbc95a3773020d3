import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoundTitle } from "~/components/public-round/round-own-words";
import { roundPhase } from "~/domain/bid";
import { roundVersions } from "~/domain/round-words";
import { formatWeekdayDateTimeIn } from "~/i18n/group-dates";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { htmlLang } from "~/i18n/lang";
import { requestLang } from "~/i18n/language-cookie.server";
import { formatMoneyIn } from "~/i18n/money";
import { listPublicRounds } from "~/models/bid.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "round.list.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const lang = await requestLang(request);
  const rounds = (await listPublicRounds(now)).map((round) => ({
    slug: round.slug,
    versions: roundVersions(round, lang),
    funder: round.fund.funderName,
    fundName: round.fund.name,
    phase: roundPhase(round, now),
    opens: formatWeekdayDateTimeIn(lang, round.opensAt, round.fund.timeZone),
    closes: formatWeekdayDateTimeIn(lang, round.closesAt, round.fund.timeZone),
    min: formatMoneyIn(lang, round.fund.minAwardPence, round.fund.currency),
    max: formatMoneyIn(lang, round.fund.maxAwardPence, round.fund.currency),
  }));
  return {
    open: rounds.filter((r) => r.phase === "open"),
    upcoming: rounds.filter((r) => r.phase === "upcoming"),
    // The most recently closed first.
    closed: rounds.filter((r) => r.phase === "closed").reverse(),
  };
}

type RoundCard = Awaited<ReturnType<typeof loader>>["open"][number];

export default function Rounds() {
  const { open, upcoming, closed } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("round.list.heading")}</h1>
      <p className="lead">{t("round.list.lead")}</p>

      <h2>{t("round.list.open")}</h2>
      {open.length === 0 ? (
        <p>{t("round.list.noneOpen")}</p>
      ) : (
        <ul className="cards">
          {open.map((round) => (
            <Card key={round.slug} round={round}>
              <p>
                <span className="tag tag--green">{t("round.list.tagOpen")}</span> {t("round.list.closes", { closes: round.closes })}
              </p>
            </Card>
          ))}
        </ul>
      )}

      {upcoming.length > 0 ? (
        <>
          <h2>{t("round.list.upcoming")}</h2>
          <ul className="cards">
            {upcoming.map((round) => (
              <Card key={round.slug} round={round}>
                <p>
                  <span className="tag tag--yellow">{t("round.list.upcoming")}</span> {t("round.list.opens", { opens: round.opens })}
                </p>
              </Card>
            ))}
          </ul>
        </>
      ) : null}

      {closed.length > 0 ? (
        <>
          <h2>{t("round.list.closed")}</h2>
          <ul className="cards">
            {closed.map((round) => (
              <Card key={round.slug} round={round}>
                <p>
                  <span className="tag tag--grey">{t("round.list.tagClosed")}</span> {t("round.list.closedOn", { closes: round.closes })}
                </p>
              </Card>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("round.list.applied")}</h2>
      <p>{t("round.list.appliedText")}</p>
    </>
  );
}

function Card({ round, children }: { round: RoundCard; children: React.ReactNode }) {
  const t = useT();
  return (
    <li className="card">
      <h3>
        <Link to={`/rounds/${round.slug}`}>
          <RoundTitle versions={round.versions} />
        </Link>
      </h3>
      {children}
      <p className="muted">{t("round.list.funding", { fund: round.fundName, funder: round.funder, min: round.min, max: round.max })}</p>
      {round.versions
        .filter((v) => v.description)
        .map((v) => (
          <p key={v.lang} lang={htmlLang(v.lang)}>
            {v.description}
          </p>
        ))}
    </li>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

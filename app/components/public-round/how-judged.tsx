import { useT } from "~/i18n/i18n-context";

// How a round's bids are judged, for groups before they apply: the declared rule (said in the
// page's language by the loader), and what the panel looks for when the criteria carry guidance.
// The criteria's names and guidance are the organiser's own words.

interface HowJudgedProps {
  rule: string[];
  criteria: { id: string; name: string; guidance: string | null; weight: number }[];
}

export function HowJudged({ rule, criteria }: HowJudgedProps) {
  const t = useT();
  return (
    <>
      <h2 id="how-judged">{t("round.judged.heading")}</h2>
      <p>{t("round.judged.fixed")}</p>
      <ul aria-labelledby="how-judged">
        {rule.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {criteria.some((c) => c.guidance) ? (
        <>
          <h3>{t("round.judged.looksFor")}</h3>
          <ul className="criteria">
            {criteria.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> {t("round.judged.weight", { weight: c.weight })}
                {c.guidance ? `: ${c.guidance}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

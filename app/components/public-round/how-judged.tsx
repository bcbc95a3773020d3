// How a round's bids are judged, for groups before they apply: the declared rule, and what the
// panel looks for when the criteria carry guidance.

interface HowJudgedProps {
  rule: string[];
  criteria: { id: string; name: string; guidance: string | null; weight: number }[];
}

export function HowJudged({ rule, criteria }: HowJudgedProps) {
  return (
    <>
      <h2 id="how-judged">How bids are judged</h2>
      <p>This rule is fixed before the event and is the same for every bid.</p>
      <ul aria-labelledby="how-judged">
        {rule.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {criteria.some((c) => c.guidance) ? (
        <>
          <h3>What the panel looks for</h3>
          <ul className="criteria">
            {criteria.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> (weight {c.weight}){c.guidance ? `: ${c.guidance}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

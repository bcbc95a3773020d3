import type { ReportView } from "~/domain/decision-report-view";

// The ranking in words, each bid with every panellist's score behind a disclosure.

export function ReportRanking({ ranking }: Pick<ReportView, "ranking">) {
  return (
    <section aria-labelledby="ranking">
      <h2 id="ranking">Ranking and why</h2>
      {ranking.length === 0 ? (
        <p>Nothing has been scored, so there is no ranking.</p>
      ) : (
        <ol className="report-ranking">
          {ranking.map((r) => (
            <li key={r.reference}>
              <h3>
                {r.reference} <span lang={r.lang}>{r.group}</span>: <span lang={r.lang}>{r.project}</span>
              </h3>
              <p>
                {r.explanation}. Asked for {r.requested}. {r.audience}.
              </p>
              <details>
                <summary>
                  Each panellist&rsquo;s score<span className="visually-hidden"> for {r.reference}</span>
                </summary>
                <ul>
                  {r.panellists.map((p) => (
                    <li key={p.name}>
                      {p.name}: {p.text}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

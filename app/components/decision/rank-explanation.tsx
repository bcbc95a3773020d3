import type { Explanation } from "~/domain/decision-view";

// "Why is this bid ranked here?": every number behind the place, as the sums that made it.
// A details element, so it opens and closes without JavaScript.

export function RankExplanation({ explanation, groupName, open }: { explanation: Explanation; groupName: string; open?: boolean }) {
  const { criteria, panellists, figures, ties } = explanation;
  const normalised = panellists.some((p) => p.normalised !== null);
  return (
    <details className="explain" open={open}>
      <summary>
        Why is this bid ranked here?<span className="visually-hidden"> ({groupName})</span>
      </summary>
      <div className="explain__body">
        <p>{explanation.sentence}.</p>
        <h4>Each panellist’s scores</h4>
        <div className="table-wrap">
          <table className="explain__table">
            <caption className="visually-hidden">Scores from each panellist for {groupName}</caption>
            <thead>
              <tr>
                <th scope="col">Panellist</th>
                {criteria.map((c) => (
                  <th scope="col" className="num" key={c.name}>
                    {c.name}
                    <span className="hint">
                      weight {c.weight}, {c.scale}
                    </span>
                  </th>
                ))}
                <th scope="col" className="num">
                  Weighted mean
                </th>
                {normalised ? (
                  <th scope="col" className="num">
                    Normalised
                  </th>
                ) : null}
                <th scope="col">Counted?</th>
              </tr>
            </thead>
            <tbody>
              {panellists.length === 0 ? (
                <tr>
                  <td colSpan={criteria.length + (normalised ? 4 : 3)}>Nobody was on the panel.</td>
                </tr>
              ) : (
                panellists.map((p, index) => (
                  <tr key={`${p.name}-${index}`}>
                    <th scope="row">{p.name}</th>
                    {p.scores.map((score, i) => (
                      <td className="num" key={criteria[i]?.name ?? i}>
                        {score ?? "–"}
                      </td>
                    ))}
                    <td className="num">{p.weightedMean ?? "–"}</td>
                    {normalised ? <td className="num">{p.normalised ?? "–"}</td> : null}
                    <td>{p.note}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <h4>From the scores to the place</h4>
        <dl className="summary summary--compact explain__figures">
          {figures.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
        {ties.length ? (
          <ul>
            {ties.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}

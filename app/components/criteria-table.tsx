// A round's assessment criteria as a read-only table: name with its guidance, weight, and the
// scores a panellist can give. Callers pass what they already hold: the decision report and the
// round page have the scale as text, the locked round form has the saved minimum and maximum.

export type CriterionRow = {
  id?: string;
  name: string;
  guidance: string;
  weight: number;
} & ({ scale: string } | { scaleMin: number; scaleMax: number });

function scaleText(c: CriterionRow) {
  return "scale" in c ? c.scale : `${c.scaleMin} to ${c.scaleMax}`;
}

export function CriteriaTable({
  criteria,
  caption,
  captionHidden = false,
}: {
  criteria: readonly CriterionRow[];
  /** Names the table for screen readers; shown above it unless `captionHidden` (when a heading already says it). */
  caption: string;
  captionHidden?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col">Scores</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c, i) => (
            // why: names are not required to be unique, and rows without an id never reorder.
            <tr key={c.id ?? i}>
              <td>
                {c.name}
                {c.guidance ? <span className="hint">{c.guidance}</span> : null}
              </td>
              <td className="num">{c.weight}</td>
              <td>{scaleText(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// What the bid said each time it was sent or changed after sending (no contact details).

export interface BidVersionView {
  version: number;
  at: string;
  rows: { label: string; value: string }[];
}

export function BidVersions({ versions }: { versions: BidVersionView[] }) {
  return (
    <>
      <h2>Versions</h2>
      {versions.length === 0 ? (
        <p>No version has been sent yet: this bid is a draft.</p>
      ) : (
        <>
          <p className="hint">What the bid said each time it was sent or changed after sending. Contact details are not kept in versions.</p>
          {versions.map((v) => (
            <details key={v.version} className="version">
              <summary>
                Version {v.version}, {v.at}
              </summary>
              <dl className="summary">
                {v.rows.map((row) => (
                  <div key={row.label}>
                    <dt>{row.label}</dt>
                    <dd className={row.value === "Not given" ? "muted" : undefined}>{row.value}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ))}
        </>
      )}
    </>
  );
}

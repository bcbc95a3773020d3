// The checkpoints taken so far, each with its seal and a download of its file.

export interface CheckpointRow {
  id: string;
  seq: number;
  hash: string;
  at: string;
  takenBy: string;
  note: string;
}

export function CheckpointList({ checkpoints }: { checkpoints: CheckpointRow[] }) {
  return (
    <>
      <h2 id="taken">Checkpoints taken</h2>
      {checkpoints.length === 0 ? (
        <p>No checkpoint has been taken yet.</p>
      ) : (
        <ol className="audit-entries" aria-labelledby="taken">
          {checkpoints.map((c) => (
            <li key={c.id} id={`checkpoint-${c.id}`} className="audit-entry checkpoint">
              <h3 className="audit-entry__title">Checkpoint at entry #{c.seq}</h3>
              <dl className="summary summary--compact audit-entry__facts">
                <div>
                  <dt>Seal</dt>
                  <dd>
                    <code>{c.hash}</code>
                  </dd>
                </div>
                <div>
                  <dt>Taken</dt>
                  <dd>{c.at}</dd>
                </div>
                <div>
                  <dt>By</dt>
                  <dd>{c.takenBy}</dd>
                </div>
                <div>
                  <dt>Note</dt>
                  <dd className={c.note ? "break-anywhere" : "muted"}>{c.note || "None"}</dd>
                </div>
              </dl>
              <p>
                <a href={`/audit/checkpoints/${c.id}.json`} download className="audit-entry__more">
                  Download checkpoint #{c.seq}
                </a>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

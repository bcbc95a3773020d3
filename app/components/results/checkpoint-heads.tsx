// Every checkpoint of the audit log, published: a copy outside the database that anyone can
// keep, so the log cannot later be cut short or rewritten without it showing.

export interface CheckpointHead {
  seq: number;
  hash: string;
  at: string;
  /** How it came to be taken: "after decisions confirmed", "by hand". */
  reason: string;
}

export function CheckpointHeads({ heads }: { heads: CheckpointHead[] }) {
  return (
    <section aria-labelledby="checkpoints">
      <h2 id="checkpoints">Checkpoints of the audit log</h2>
      <p>
        Pitchday records every step of every decision in an audit log, each entry sealed to the one before it. A checkpoint writes down the
        newest entry&rsquo;s number and seal (a hash). Pitchday takes one whenever decisions are confirmed, awards are revealed or a payment
        is made, emails it to the fund&rsquo;s auditors and lists it here. If entries were ever deleted or changed, the log would no longer
        match these, and the auditors&rsquo; check would fail.
      </p>
      {heads.length === 0 ? (
        <p>No checkpoint has been taken yet.</p>
      ) : (
        <ol className="checkpoint-heads" aria-label="Checkpoints, newest first">
          {heads.map((h) => (
            <li key={`${h.seq}-${h.hash}`}>
              <strong>Entry #{h.seq}</strong>, taken {h.at} {h.reason}:{" "}
              <code className="break-anywhere">{h.hash}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

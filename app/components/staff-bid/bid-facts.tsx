// When the bid was started, sent or withdrawn, its version, and where it pitches.

interface BidFactsProps {
  bid: { started: string; sent: string | null; withdrawn: string | null; version: number };
  slots: { event: string; position: number }[];
}

export function BidFacts({ bid, slots }: BidFactsProps) {
  return (
    <dl className="summary">
      <div>
        <dt>Started</dt>
        <dd>{bid.started}</dd>
      </div>
      <div>
        <dt>Sent</dt>
        <dd className={bid.sent ? undefined : "muted"}>{bid.sent ?? "Not sent yet"}</dd>
      </div>
      {bid.withdrawn ? (
        <div>
          <dt>Withdrawn</dt>
          <dd>{bid.withdrawn}</dd>
        </div>
      ) : null}
      <div>
        <dt>Version</dt>
        <dd>{bid.version}</dd>
      </div>
      {slots.map((slot) => (
        <div key={slot.event}>
          <dt>Running order</dt>
          <dd>
            Pitch {slot.position} at {slot.event}
          </dd>
        </div>
      ))}
    </dl>
  );
}

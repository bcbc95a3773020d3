import { Form, Link } from "@remix-run/react";
import type { AuditLogPageView } from "~/domain/audit-log-page";
import type { FilterValues } from "~/domain/audit-filter";

// "Is the record intact?": the chain verified end to end and against the newest checkpoint,
// with a button that checks again without losing the filters or the page.

interface ChainStateProps {
  chain: AuditLogPageView["chain"];
  latest: AuditLogPageView["latest"];
  checkedAt: string;
  /** A check is on its way. */
  checking: boolean;
  values: FilterValues;
  pageNumber: number | null;
  canCheckpoint: boolean;
}

export function ChainState({ chain, latest, checkedAt, checking, values, pageNumber, canCheckpoint }: ChainStateProps) {
  return (
    <section aria-labelledby="chain-state" className={`chain-state ${chain.ok && (!latest || latest.ok) ? "chain-state--ok" : "chain-state--broken"}`}>
      <h2 id="chain-state">Is the record intact?</h2>
      {chain.ok ? (
        <p className="chain-state__verdict">
          {chain.head ? (
            <>
              Verified: {chain.count} {chain.count === 1 ? "entry" : "entries"}, head #{chain.head.seq} <code>{chain.head.hash}</code>
            </>
          ) : (
            "Verified: the log is empty."
          )}
        </p>
      ) : (
        <p className="chain-state__verdict">
          BROKEN at #{chain.firstBadSeq}: {chain.reason}
        </p>
      )}
      {latest ? (
        <p>
          Newest checkpoint: entry #{latest.seq} <code>{latest.hash}</code>, taken {latest.at}. {latest.verdict}
        </p>
      ) : (
        <p>No checkpoint has been taken yet, so entries cut off the end of the log would not show here. Take one and give it to someone outside.</p>
      )}
      <p className="hint">Checked {checking ? "…" : `at ${checkedAt}`} (UK time).</p>
      <div className="button-group">
        <Form method="get">
          {Object.entries(values).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
          {pageNumber && pageNumber > 1 ? <input type="hidden" name="page" value={pageNumber} /> : null}
          <button type="submit" className="button button--secondary">
            Verify now
          </button>
        </Form>
        <Link to="/audit/checkpoints" className="button button--secondary">
          {canCheckpoint ? "Checkpoints: take, download or check one" : "Checkpoints"}
        </Link>
      </div>
    </section>
  );
}

import { Link } from "@remix-run/react";
import { filterQuery } from "~/domain/audit-filter";
import type { PayloadPart } from "~/domain/audit-describe";
import type { AuditEntryView } from "~/domain/audit-log-page";

// One entry of the log in words: when, who (with a link to everything they did), what it
// changed, the payload's facts, and the hash that seals it to the entry before.

export function AuditEntry({ entry, actorFilter }: { entry: AuditEntryView; actorFilter: string }) {
  return (
    <li className="audit-entry">
      <h3 className="audit-entry__title">
        <span className="audit-entry__seq">#{entry.seq}</span> {entry.what}
      </h3>
      <dl className="summary summary--compact audit-entry__facts">
        <div>
          <dt>When</dt>
          <dd>{entry.at}</dd>
        </div>
        <div>
          <dt>Who</dt>
          <dd>
            {entry.who}
            {entry.whoFilter && entry.whoFilter !== actorFilter ? (
              <>
                {" "}
                <Link to={`/audit${filterQuery({ actor: entry.whoFilter })}`} className="audit-entry__more">
                  Everything they did<span className="visually-hidden"> ({entry.who})</span>
                </Link>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Changed</dt>
          <dd>
            {entry.subject.kind}{" "}
            {entry.subject.href ? <Link to={entry.subject.href}>{entry.subject.name}</Link> : <span className="break-anywhere">{entry.subject.name}</span>}
          </dd>
        </div>
        {entry.payload.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd className="break-anywhere">{row.href ? <Link to={row.href}>{row.value}</Link> : <PayloadValue parts={row.parts} />}</dd>
          </div>
        ))}
        <div>
          <dt>Sealed as</dt>
          <dd>
            <code>{entry.hash}</code> <span className="hint audit-entry__code">{entry.action}</span>
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** A payload value; an organiser's Welsh words carry lang="cy", so a screen reader reads them in Welsh. */
function PayloadValue({ parts }: { parts: PayloadPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.lang ? (
          <span key={index} lang={part.lang}>
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

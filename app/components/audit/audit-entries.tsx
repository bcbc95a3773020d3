import { Link } from "@remix-run/react";
import { filterQuery, type FilterValues } from "~/domain/audit-filter";
import type { AuditEntryView, AuditPageInfo } from "~/domain/audit-log-page";
import { AuditEntry } from "./audit-entry";

// The entries matching the filters, newest first, a page at a time.

interface AuditEntriesProps {
  /** Null when the filters did not parse. */
  page: AuditPageInfo | null;
  entries: AuditEntryView[];
  values: FilterValues;
  filtered: boolean;
}

export function AuditEntries({ page, entries, values, filtered }: AuditEntriesProps) {
  return (
    <>
      <h2 id="entries">Entries</h2>
      {!page ? (
        <p>Correct the filters above to see the entries.</p>
      ) : page.total === 0 ? (
        <p>{filtered ? "No entries match these filters." : "Nothing has been recorded yet."}</p>
      ) : (
        <>
          <p aria-live="polite">
            Showing {page.first} to {page.last} of {page.total} {page.total === 1 ? "entry" : "entries"}, newest first. Times are UK time.
          </p>
          <ol className="audit-entries" aria-labelledby="entries">
            {entries.map((entry) => (
              <AuditEntry key={entry.seq} entry={entry} actorFilter={values.actor} />
            ))}
          </ol>
          {page.count > 1 ? <AuditPager page={page} values={values} /> : null}
        </>
      )}
    </>
  );
}

function AuditPager({ page, values }: { page: AuditPageInfo; values: FilterValues }) {
  return (
    <nav aria-label="Pages of the audit log" className="pager">
      <ul>
        {page.number > 1 ? (
          <li>
            <Link to={`/audit${filterQuery(values, page.number - 1)}`} rel="prev">
              Newer entries
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Page {page.number} of {page.count}
        </li>
        {page.number < page.count ? (
          <li>
            <Link to={`/audit${filterQuery(values, page.number + 1)}`} rel="next">
              Older entries
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

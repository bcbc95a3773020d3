import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, fieldId } from "~/components/forms";
import {
  ACTOR_TYPES,
  actionGroups,
  describeAction,
  describeActor,
  describePayload,
  formatAuditTime,
  subjectKind,
  subjectLink,
} from "~/domain/audit-describe";
import { AUDIT_PAGE_SIZE, filterQuery, parseAuditFilter, type FilterValues } from "~/domain/audit-filter";
import { describeVerdict, shortHash } from "~/domain/checkpoint";
import { formatMoney } from "~/domain/money";
import { can, type Permission } from "~/domain/permissions";
import { formatDateTime } from "~/domain/zoned-time";
import { auditFilterOptions, listAuditLog, logCurrency } from "~/models/audit-log.server";
import { verifyLogState } from "~/models/checkpoint.server";
import { requirePermission } from "~/requests/auth.server";

export const meta: MetaFunction = () => [{ title: "Audit log – Pitchday" }];

// why one zone: the log spans every fund; Pitchday's funds are run on UK time.
const TIME_ZONE = "Europe/London";

const FILTER_LABELS = { event: "Event", actor: "Who did it", action: "What happened", from: "From", to: "To" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit:read");
  const allowed = (permission: Permission) => can(user, permission);
  const parsed = parseAuditFilter(new URL(request.url).searchParams, TIME_ZONE);
  const [state, options, currency, page] = await Promise.all([
    verifyLogState(),
    auditFilterOptions(),
    logCurrency(),
    parsed.ok ? listAuditLog(parsed.filter) : null,
  ]);
  const money = (pence: number) => (currency ? formatMoney(pence, currency) : `${pence} pence`);
  const href = (type: string, id: string) => subjectLink(type, id, allowed);
  const { chain, latest } = state;

  return {
    checkedAt: formatAuditTime(new Date(), TIME_ZONE),
    chain: chain.ok
      ? { ok: true as const, count: chain.count, head: chain.head && { seq: chain.head.seq, hash: shortHash(chain.head.hash) } }
      : { ok: false as const, firstBadSeq: chain.firstBadSeq, reason: chain.reason },
    latest: latest && {
      seq: latest.checkpoint.seq,
      hash: shortHash(latest.checkpoint.hash),
      at: formatDateTime(latest.checkpoint.createdAt, TIME_ZONE),
      ok: latest.verdict.ok,
      verdict: describeVerdict(latest.verdict),
    },
    canCheckpoint: can(user, "audit:checkpoint"),
    values: parsed.values,
    errors: parsed.ok ? {} : parsed.errors,
    options: {
      events: options.events.map((e) => ({ value: e.id, label: `${e.title} (${e.round.title}, ${formatDateTime(e.startsAt, TIME_ZONE)})` })),
      staff: options.users.map((u) => ({ value: `user:${u.id}`, label: u.name })),
      actions: actionGroups(options.actions),
    },
    page: page && {
      number: page.page,
      count: page.pageCount,
      total: page.total,
      first: page.total === 0 ? 0 : (page.page - 1) * AUDIT_PAGE_SIZE + 1,
      last: (page.page - 1) * AUDIT_PAGE_SIZE + page.entries.length,
    },
    entries: (page?.entries ?? []).map((entry) => ({
      seq: entry.seq,
      at: formatAuditTime(entry.at, TIME_ZONE),
      hash: shortHash(entry.hash),
      what: describeAction(entry.action),
      action: entry.action,
      who: describeActor(entry.actor),
      whoFilter: entry.actor.type === "system" || !entry.actor.id ? null : `${entry.actor.type}:${entry.actor.id}`,
      subject: {
        kind: subjectKind(entry.subject.type).label,
        name: entry.subject.name ?? entry.subject.id,
        href: href(entry.subject.type, entry.subject.id),
      },
      payload: describePayload(entry.action, entry.payload, { money, timeZone: TIME_ZONE }).map((row) => ({
        key: row.key,
        label: row.label,
        value: row.value,
        href: row.link ? href(row.link.type, row.link.id) : null,
      })),
    })),
  };
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const { chain, latest, values, errors, options, page, entries } = data;
  const checking = useNavigation().state === "loading";
  const customActor = values.actor && !ACTOR_TYPES.some((t) => t.value === values.actor) && !options.staff.some((s) => s.value === values.actor);
  const filtered = Object.values(values).some(Boolean);

  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">
        Everything that changed in Pitchday, who changed it and when. Each entry is sealed to the one before it, so a change made afterwards
        shows up below as a break.
      </p>
      <p>
        <Link to="/audit/events">Decision reports, event by event</Link>
      </p>

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
        <p className="hint">Checked {checking ? "…" : `at ${data.checkedAt}`} (UK time).</p>
        <div className="button-group">
          <Form method="get">
            {Object.entries(values).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
            {page && page.number > 1 ? <input type="hidden" name="page" value={page.number} /> : null}
            <button type="submit" className="button button--secondary">
              Verify now
            </button>
          </Form>
          <Link to="/audit/checkpoints" className="button button--secondary">
            {data.canCheckpoint ? "Checkpoints: take, download or check one" : "Checkpoints"}
          </Link>
        </div>
      </section>

      <h2 id="filters">Find entries</h2>
      <ErrorSummary errors={errors} labels={FILTER_LABELS} />
      {/* why the key: a new search remounts the fields, so they show what the address says. */}
      <Form method="get" className="audit-filters" aria-labelledby="filters" key={filterQuery(values)}>
        <div className="filters">
          <SelectField name="event" label="Event" value={values.event} error={errors.event}>
            <option value="">All events and everything else</option>
            {options.events.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <SelectField name="actor" label="Who did it" value={values.actor} error={errors.actor}>
            <option value="">Anyone</option>
            <optgroup label="Kinds of people">
              {ACTOR_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </optgroup>
            {options.staff.length ? (
              <optgroup label="Staff">
                {options.staff.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {customActor ? <option value={values.actor}>The one chosen from an entry</option> : null}
          </SelectField>
          <SelectField name="action" label="What happened" value={values.action} error={errors.action}>
            <option value="">Anything</option>
            {options.actions.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <DateField name="from" label="From" value={values.from} error={errors.from} />
          <DateField name="to" label="To" value={values.to} error={errors.to} />
        </div>
        <div className="button-group">
          <button type="submit" className="button">
            Show entries
          </button>
          {filtered ? <Link to="/audit">Clear the filters</Link> : null}
        </div>
      </Form>

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
              <li key={entry.seq} className="audit-entry">
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
                      {entry.whoFilter && entry.whoFilter !== values.actor ? (
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
                      <dd className="break-anywhere">{row.href ? <Link to={row.href}>{row.value}</Link> : row.value}</dd>
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
            ))}
          </ol>
          {page.count > 1 ? (
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
          ) : null}
        </>
      )}
    </>
  );
}

function SelectField({ name, label, value, error, children }: { name: keyof FilterValues; label: string; value: string; error?: string; children: React.ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <span className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={error ? "input--error" : undefined}>
        {children}
      </select>
    </div>
  );
}

function DateField({ name, label, value, error }: { name: keyof FilterValues; label: string; value: string; error?: string }) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        For example, 2027-03-01
      </span>
      {error ? (
        <span className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <input
        type="date"
        id={id}
        name={name}
        defaultValue={value}
        className={`input--date${error ? " input--error" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { Form, Link } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { ACTOR_TYPES } from "~/domain/audit-describe";
import { filterQuery, type FilterValues } from "~/domain/audit-filter";
import type { AuditLogPageView } from "~/domain/audit-log-page";
import { DateField, SelectField } from "./filter-fields";

// "Find entries": a GET form, so every search has an address an auditor can bookmark or send.

const FILTER_LABELS = { event: "Event", actor: "Who did it", action: "What happened", from: "From", to: "To" };

interface AuditFiltersProps {
  values: FilterValues;
  errors: Record<string, string | undefined>;
  options: AuditLogPageView["options"];
  /** Some filter is set, so there is something to clear. */
  filtered: boolean;
}

export function AuditFilters({ values, errors, options, filtered }: AuditFiltersProps) {
  // why: an actor picked from an entry ("Everything they did") may be no staff member or kind in the lists.
  const customActor = values.actor && !ACTOR_TYPES.some((t) => t.value === values.actor) && !options.staff.some((s) => s.value === values.actor);
  return (
    <>
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
    </>
  );
}

import { Form } from "@remix-run/react";
import { INSTALMENTS_MAX, type ScheduleView } from "~/domain/instalments";

// The funder's form for an award's payment schedule. Paid instalments and the one under way are
// listed, not editable; the planned ones can be changed, and empty rows add more (rows left
// empty are ignored, so it works without JavaScript). Only the first instalment may leave its
// day empty: paid as soon as the group accepts.

export const EXTRA_ROWS = 3;

interface Props {
  schedule: ScheduleView;
  award: string;
  errors: Record<string, string>;
  values: Record<string, string> | null;
}

export function scheduleFieldId(field: "plannedOn" | "amount", position: number) {
  return `${field}-${position}`;
}

export function ScheduleForm({ schedule, award, errors, values }: Props) {
  const fixed = schedule.rows.filter((r) => r.fixed);
  const planned = schedule.rows.filter((r) => !r.fixed);
  const slots = Math.min(INSTALMENTS_MAX - fixed.length, Math.max(planned.length + EXTRA_ROWS, values ? countTyped(values, fixed.length) : 0));
  const rows = Array.from({ length: slots }, (_, index) => {
    const position = fixed.length + index + 1;
    const start = planned[index];
    return {
      position,
      plannedOn: values ? values[`plannedOn-${position}`] ?? "" : start?.plannedInput ?? "",
      amount: values ? values[`amount-${position}`] ?? "" : start?.amountInput ?? "",
    };
  });
  const total = errors.schedule;
  return (
    <Form method="post" noValidate>
      {fixed.length ? (
        <p>
          {fixed.length === 1 ? "Instalment 1 is" : `Instalments 1 to ${fixed.length} are`} paid or being paid, so{" "}
          {fixed.length === 1 ? "it stays" : "they stay"} as they are.
        </p>
      ) : null}
      <div className={`field${total ? " field--error" : ""}`} id="schedule">
        <fieldset aria-describedby={total ? "schedule-hint schedule-error" : "schedule-hint"}>
          <legend>Instalments adding up to {award}</legend>
          <p className="hint" id="schedule-hint">
            Give each instalment its planned day and amount. Leave the first instalment’s day empty to pay it as soon as the group accepts. Leave rows
            you do not need empty.
          </p>
          {total ? (
            <p className="error-message" id="schedule-error">
              <span className="visually-hidden">Error: </span>
              {total}
            </p>
          ) : null}
          {rows.map((row) => (
            <ScheduleRowFields key={row.position} row={row} errors={errors} />
          ))}
        </fieldset>
      </div>
      <button type="submit" className="button">
        Save the schedule
      </button>
    </Form>
  );
}

function countTyped(values: Record<string, string>, after: number) {
  let last = 0;
  for (let n = after + 1; n <= INSTALMENTS_MAX; n++) if (values[`plannedOn-${n}`] || values[`amount-${n}`]) last = n - after;
  return last + 1;
}

function ScheduleRowFields({ row, errors }: { row: { position: number; plannedOn: string; amount: string }; errors: Record<string, string> }) {
  const dayId = scheduleFieldId("plannedOn", row.position);
  const amountId = scheduleFieldId("amount", row.position);
  const dayError = errors[dayId];
  const amountError = errors[amountId];
  return (
    <fieldset className="schedule-row">
      <legend>Instalment {row.position}</legend>
      <div className={`field${dayError ? " field--error" : ""}`}>
        <label htmlFor={dayId}>Planned day{row.position === 1 ? " (empty: on acceptance)" : ""}</label>
        {dayError ? (
          <span className="error-message" id={`${dayId}-error`}>
            <span className="visually-hidden">Error: </span>
            {dayError}
          </span>
        ) : null}
        <input
          type="date"
          id={dayId}
          name={dayId}
          defaultValue={row.plannedOn}
          aria-invalid={dayError ? true : undefined}
          aria-describedby={dayError ? `${dayId}-error` : undefined}
        />
      </div>
      <div className={`field${amountError ? " field--error" : ""}`}>
        <label htmlFor={amountId}>Amount</label>
        {amountError ? (
          <span className="error-message" id={`${amountId}-error`}>
            <span className="visually-hidden">Error: </span>
            {amountError}
          </span>
        ) : null}
        <div className="money">
          <span aria-hidden="true">£</span>
          <input
            type="text"
            inputMode="decimal"
            id={amountId}
            name={amountId}
            defaultValue={row.amount}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={amountError ? `${amountId}-error` : undefined}
          />
        </div>
      </div>
    </fieldset>
  );
}

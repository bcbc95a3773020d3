import type { BidField, FieldFor } from "~/components/bid-form/use-bid-form";
import { fieldId, TextField } from "~/components/forms";
import type { BudgetRow as BudgetLine } from "~/domain/bid";
import { parsePounds, sumPence } from "~/domain/money";
import { useT } from "~/i18n/i18n-context";

interface BudgetTableProps {
  field: FieldFor;
  errors: Record<string, string>;
  count: number;
  /** The lines and the amount asked for, as typed, for the running total. */
  lines: (BudgetLine | undefined)[];
  requestedText: string;
  onRemove: ((index: number) => void) | null;
  money: (pence: number) => string;
}

export function BudgetTable({ field, errors, count, lines, requestedText, onRemove, money }: BudgetTableProps) {
  const t = useT();
  return (
    <div className={`field${errors.budget ? " field--error" : ""}`} id={fieldId("budget")} tabIndex={-1}>
      <span className="label" id="budget-label">
        {t("apply.budget.label")}
      </span>
      <span className="hint" id="budget-hint">
        {t("apply.budget.hint")}
      </span>
      {errors.budget ? (
        <span className="error-message" id="budget-error">
          <span className="visually-hidden">{`${t("common.errorPrefix")} `}</span>
          {errors.budget}
        </span>
      ) : null}
      <div className="table-wrap">
        <table className="budget-table" aria-labelledby="budget-label" aria-describedby="budget-hint">
          <thead>
            <tr>
              <th scope="col">{t("apply.budget.item")}</th>
              <th scope="col" className="num">
                {t("apply.budget.cost")}
              </th>
              {onRemove ? (
                <th scope="col">
                  <span className="visually-hidden">{t("apply.budget.remove")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: count }, (_, index) => (
              // why: rows are keyed by place; a removal moves the values below it up (useBudgetRows).
              <BudgetRow
                key={index}
                index={index}
                item={field(`budget.${index}.item`)}
                amount={field(`budget.${index}.amount`)}
                errors={errors}
                onRemove={onRemove && count > 1 ? onRemove : null}
              />
            ))}
          </tbody>
        </table>
      </div>
      <BudgetTotal lines={lines.slice(0, count)} requestedText={requestedText} money={money} />
    </div>
  );
}

interface BudgetRowProps {
  index: number;
  item: BidField;
  amount: BidField;
  errors: Record<string, string>;
  onRemove: ((index: number) => void) | null;
}

function BudgetRow({ index, item, amount, errors, onRemove }: BudgetRowProps) {
  const t = useT();
  const n = index + 1;
  return (
    <tr>
      <td>
        <TextField {...item} label={<span className="visually-hidden">{t("apply.budget.lineItem", { n })}</span>} error={errors[`budget.${index}.item`]} autoComplete="off" />
      </td>
      <td className="budget-table__amount">
        <TextField
          {...amount}
          label={<span className="visually-hidden">{t("apply.budget.lineCost", { n })}</span>}
          error={errors[`budget.${index}.amount`]}
          inputMode="decimal"
          autoComplete="off"
        />
      </td>
      {onRemove ? (
        <td>
          <button type="button" className="button button--secondary budget-table__remove" onClick={() => onRemove(index)}>
            {t("apply.budget.remove")}
            <span className="visually-hidden">{t("apply.budget.removeLine", { n })}</span>
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function BudgetTotal({ lines, requestedText, money }: { lines: (BudgetLine | undefined)[]; requestedText: string; money: (pence: number) => string }) {
  const amounts = lines.map((line) => parsePounds(line?.amount ?? ""));
  const counted = amounts.filter((a): a is number => a !== null);
  const unreadable = lines.some((line, i) => (line?.amount ?? "").trim() !== "" && amounts[i] === null);
  const total = sumPence(counted);
  const requested = parsePounds(requestedText);
  const difference = requested === null ? null : total - requested;
  const t = useT();
  // why plain text, not <strong>: a sentence's word order differs between the languages.
  return (
    <p className="budget-total" aria-live="polite">
      {t("apply.budget.total", { total: money(total) })}
      {requested !== null ? (
        <>
          {t("apply.budget.asking", { asked: money(requested) })}{" "}
          {difference === 0 ? (
            <span className="budget-total__ok">{t("apply.budget.match")}</span>
          ) : (
            <span className="budget-total__gap">
              {t("apply.budget.gap", { gap: money(Math.abs(difference ?? 0)), direction: (difference ?? 0) > 0 ? "more" : "less" })}
            </span>
          )}
        </>
      ) : (
        "."
      )}
      {unreadable ? t("apply.budget.unreadable") : null}
    </p>
  );
}

import { fieldId } from "~/components/forms";

// A bid's answers as a GOV.UK summary list. With `changeHref`, each row links back to its box
// on the edit page ("Change", with the question spoken for screen readers).

export interface AnswerRow {
  field: string;
  label: string;
  value: string;
}

export function BidSummary({ answers, changeHref }: { answers: AnswerRow[]; changeHref?: string }) {
  return (
    <dl className="summary">
      {answers.map((answer) => (
        <div key={answer.field}>
          <dt>{answer.label}</dt>
          <dd className={answer.value === "Not given" ? "muted" : undefined}>{answer.value}</dd>
          {changeHref ? (
            <dd className="summary__action">
              <a href={`${changeHref}#${fieldId(answer.field === "budget" ? "budget" : answer.field)}`}>
                Change<span className="visually-hidden"> {answer.label.toLowerCase()}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

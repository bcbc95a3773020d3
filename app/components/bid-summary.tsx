import { fieldId } from "~/components/forms";

// A bid's answers as a GOV.UK summary list. With `changeHref`, each row links back to its box
// on the edit page ("Change", with the question spoken for screen readers).

export interface AnswerRow {
  field: string;
  label: string;
  value: string;
  missing?: boolean;
}

// why: only what the group typed is in the bid's language; a label, a sum or a date is the page's.
const OWN_WORDS = new Set(["groupName", "parentOrgName", "area", "projectTitle", "summary", "difference", "beneficiaries", "budget"]);

/** `change` is the link's word in the page's language; `lang` marks the group's own words (a bid written in Welsh). */
export function BidSummary({ answers, changeHref, change = "Change", lang }: { answers: AnswerRow[]; changeHref?: string; change?: string; lang?: string }) {
  return (
    <dl className="summary">
      {answers.map((answer) => (
        <div key={answer.field}>
          <dt>{answer.label}</dt>
          <dd className={answer.missing ? "muted" : undefined} lang={answer.missing || !OWN_WORDS.has(answer.field) ? undefined : lang}>
            {answer.value}
          </dd>
          {changeHref ? (
            <dd className="summary__action">
              <a href={`${changeHref}#${fieldId(answer.field === "budget" ? "budget" : answer.field)}`}>
                {change}
                <span className="visually-hidden"> {answer.label.toLowerCase()}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

import { useEffect, useRef } from "react";

// The error summary for pages with several forms (one per bid or per payment): each message
// links to the field it is about, whose id the form chose (fieldId alone would repeat).
// why focus: with JavaScript a form posts without leaving its place on a long page, so the
// summary at the top would go unseen; it takes focus (and the screen reader's attention).

export interface Problem {
  /** The id of the control to go to. */
  target: string;
  message: string;
}

export function ProblemSummary({ title = "There is a problem", problems, message }: { title?: string; problems: Problem[]; message?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = `${message ?? ""}|${problems.map((p) => p.target + p.message).join("|")}`;
  useEffect(() => {
    if (key !== "|") ref.current?.focus();
  }, [key]);
  if (problems.length === 0 && !message) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="problem-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="problem-summary-title">{title}</h2>
      {message ? <p>{message}</p> : null}
      {problems.length ? (
        <ul>
          {problems.map((p) => (
            <li key={p.target}>
              <a href={`#${p.target}`}>{p.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

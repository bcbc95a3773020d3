import { Form, Link } from "@remix-run/react";
import { TextArea } from "~/components/forms";
import type { DecisionCardView } from "~/domain/decisions-page";
import { CONDITIONS_MAX } from "~/domain/payment";

// After the decisions are confirmed: each funded bid's award, offered with its conditions or
// waiting for a funder to offer it.

interface Props {
  rows: DecisionCardView[];
  mayOffer: boolean;
  /** The errors of the refused offer form, by its key issue-<decisionId>. */
  errorsFor: (key: string) => Record<string, string>;
  typed: (key: string, name: string, fallback: string) => string;
}

export function AwardOffers({ rows, mayOffer, errorsFor, typed }: Props) {
  const funded = rows.filter((row) => row.award);
  return (
    <section aria-labelledby="awards">
      <h2 id="awards">Awards</h2>
      {funded.length === 0 ? <p>No bid was funded at this event.</p> : null}
      {funded.map((row) => {
        const award = row.award!;
        const key = `issue-${row.decision?.id}`;
        return (
          <div key={row.bidId} className="card award-card">
            <h3>
              <span lang={row.lang}>{row.groupName}</span> <span className="hint decision-card__ref">{row.reference}</span>
            </h3>
            <p>{row.decision?.text}</p>
            {award.id ? (
              <p>
                {award.status ? <strong className={award.status.tag}>{award.status.label}</strong> : null}{" "}
                <Link to={`/staff/awards/${award.id}`}>
                  Open the award<span className="visually-hidden"> for {row.groupName}</span>
                </Link>
              </p>
            ) : mayOffer ? (
              <Form method="post">
                <input type="hidden" name="intent" value="issue" />
                <input type="hidden" name="decisionId" value={row.decision!.id} />
                <TextArea
                  name="conditions"
                  id={`conditions-${row.decision!.id}`}
                  label={`Conditions of the award to ${row.groupName}`}
                  hint="The group accepts these before any money is paid. They are in the award letter and the email."
                  rows={8}
                  maxChars={CONDITIONS_MAX}
                  defaultValue={typed(key, "conditions", award.conditions)}
                  error={errorsFor(key).conditions}
                />
                <button type="submit" className="button">
                  Offer the award<span className="visually-hidden"> to {row.groupName}</span>
                </button>
              </Form>
            ) : (
              <p>Waiting for a funder to offer the award.</p>
            )}
          </div>
        );
      })}
    </section>
  );
}

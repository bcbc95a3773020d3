import { Form } from "@remix-run/react";
import { fieldId, TextArea, TextField } from "~/components/forms";
import { PAPER_NOTE_MAX } from "~/domain/audience-forms";
import { PAPER_STATUS_LABELS, type PaperStatus } from "~/domain/ballot";
import { paperEntryText, paperPosted, paperRowActions, type PaperActionResult, type PaperEntry } from "~/domain/paper-page";

// One pitch's paper votes: both counts and who entered them, what counts, and the forms to
// enter a count or settle a difference with a note.

const STATUS_TAGS: Record<PaperStatus, string> = {
  NONE: "tag tag--grey",
  FIRST_ONLY: "tag tag--yellow",
  MATCHED: "tag tag--green",
  MISMATCH: "tag tag--red",
  RESOLVED: "tag tag--green",
};

export interface PaperRow {
  bidId: string;
  title: string;
  /** "cy" when the group wrote its title in Welsh. */
  lang: "cy" | undefined;
  reference: string;
  status: PaperStatus;
  counted: number;
  first: PaperEntry | null;
  second: PaperEntry | null;
  resolved: { count: number; note: string } | null;
}

export function PaperCountRow({ row, open, posted }: { row: PaperRow; open: boolean; posted: PaperActionResult | undefined }) {
  const { mine, canEnter, canResolve } = paperRowActions(row, open);
  const entered = paperPosted(posted, row.bidId, "enter");
  const resolving = paperPosted(posted, row.bidId, "resolve");
  return (
    <section className="paper-row" aria-labelledby={`paper-${row.bidId}`}>
      <h3 id={`paper-${row.bidId}`}>
        <span lang={row.lang}>{row.title}</span> <span className="muted">({row.reference})</span>
      </h3>
      <p>
        <strong className={STATUS_TAGS[row.status]}>{PAPER_STATUS_LABELS[row.status]}</strong>
      </p>
      <dl className="summary summary--compact">
        <div>
          <dt>First count</dt>
          <dd>{paperEntryText(row.first)}</dd>
        </div>
        <div>
          <dt>Second count</dt>
          <dd>{paperEntryText(row.second)}</dd>
        </div>
        {row.resolved ? (
          <div>
            <dt>Settled at</dt>
            <dd>
              {row.resolved.count}: {row.resolved.note}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Paper votes that count</dt>
          <dd>{row.counted}</dd>
        </div>
      </dl>
      {canEnter ? (
        <Form method="post" noValidate className="inline-form">
          <input type="hidden" name="intent" value="enter" />
          <input type="hidden" name="bidId" value={row.bidId} />
          <TextField
            id={fieldId(`enter-count-${row.bidId}`)}
            name="count"
            label={mine ? `Correct your count for ${row.title}` : `Your count for ${row.title}`}
            inputMode="numeric"
            className="input--tiny"
            error={entered.errors.count}
            defaultValue={entered.count}
          />
          <button type="submit" className="button">
            Save count
          </button>
        </Form>
      ) : null}
      {canResolve ? (
        <Form method="post" noValidate className="inline-form">
          <input type="hidden" name="intent" value="resolve" />
          <input type="hidden" name="bidId" value={row.bidId} />
          <TextField
            id={fieldId(`resolve-count-${row.bidId}`)}
            name="count"
            label={`Agreed count for ${row.title}`}
            inputMode="numeric"
            className="input--tiny"
            error={resolving.errors.count}
            defaultValue={resolving.count}
          />
          <TextArea
            id={fieldId(`resolve-note-${row.bidId}`)}
            name="note"
            label="How was the difference settled?"
            hint="For example: recounted by Sam and Priya, 14 both times."
            maxChars={PAPER_NOTE_MAX}
            rows={2}
            error={resolving.errors.note}
            defaultValue={resolving.note}
          />
          <button type="submit" className="button button--warning">
            Settle the counts
          </button>
        </Form>
      ) : null}
    </section>
  );
}

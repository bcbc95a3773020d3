import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import type { AwardRevealView, RevealPlan } from "~/domain/award-reveal";
import { formatMoney } from "~/domain/money";

// The chair's awards reveal, once the funder has confirmed the decisions: "Reveal next" puts
// the next funded group on the big screen (then the totals), "Reveal all" the rest at once.
// Plain POST forms, so they work without JavaScript; "Reveal next" carries the step this page
// showed, so a double tap or a second tablet cannot skip a group.

interface Props {
  /** Staff-only: how many steps there are (the public state never says how many are funded). */
  plan: RevealPlan;
  /** What the screen shows now (live). */
  view: AwardRevealView | null;
  guard: (e: FormEvent) => void;
}

export function ChairAwardReveal({ plan, view, guard }: Props) {
  if (!plan.confirmed) {
    return <p>Once the funder has confirmed every decision, you can reveal the awards on the big screen from here.</p>;
  }
  const step = view?.step ?? 0;
  const awards = plan.steps - 1;
  const shownAwards = view?.rows.length ?? 0;
  const done = view?.complete ?? false;
  const nextLabel = shownAwards < awards ? `Reveal next award (${shownAwards + 1} of ${awards})` : "Reveal the totals";
  const money = (pence: number) => formatMoney(pence, view?.currency);

  return (
    <section aria-labelledby="awards-reveal-title" className="chair-reveal">
      <h2 id="awards-reveal-title">Reveal the awards</h2>
      <p>
        {done
          ? "Every award and the totals are showing on the screen, on the audience’s phones and on the public results page."
          : awards === 0
            ? "No group was funded at this event. Reveal the totals to close the evening."
            : `${awards === 1 ? "1 group was" : `${awards} groups were`} funded. Each appears on the screen, the audience’s phones and the public results page as you reveal it, in running order; groups not funded are not named. The totals come last.`}
      </p>
      {view && view.rows.length > 0 ? (
        <ol className="chair-reveal__shown">
          {view.rows.map((row) => (
            <li key={row.bidId}>
              {row.groupName}: {money(row.amountPence)}
              {row.partFunded ? " (part-funded)" : ""}
            </li>
          ))}
        </ol>
      ) : null}
      {done ? null : (
        <div className="chair-actions">
          <Form method="post" preventScrollReset onSubmit={guard} className="chair-form">
            <input type="hidden" name="intent" value="reveal-next" />
            <input type="hidden" name="fromStep" value={step} />
            <button type="submit" className="button chair-button">
              {nextLabel}
            </button>
          </Form>
          <Form method="post" preventScrollReset onSubmit={guard} className="chair-form">
            <input type="hidden" name="intent" value="reveal-all" />
            <button type="submit" className="button button--secondary chair-button">
              Reveal all{step > 0 ? " the rest" : ""}
            </button>
          </Form>
        </div>
      )}
    </section>
  );
}

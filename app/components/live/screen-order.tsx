import { Bi } from "~/components/bilingual";
import type { LiveSlot } from "~/domain/live-state";
import { screenOrder } from "./live-view";

// The running order before the first pitch, as the projector shows it: one line per pitch in
// two columns, never more rows than the screen has room for (the last says how many more).

/** Two columns of seven: what a 16:9 projector shows at a size the back of the hall can read. */
export const SCREEN_ORDER_ROWS = 14;

export function ScreenOrder({ slots }: { slots: LiveSlot[] }) {
  const { shown, more } = screenOrder(slots, SCREEN_ORDER_ROWS);
  return (
    <ol className="screen-order">
      {shown.map((slot) => (
        <li key={slot.id} className="screen-order__row">
          <span className="screen-order__group">{slot.groupName}</span>
          <span className="screen-order__project">{slot.projectTitle}</span>
        </li>
      ))}
      {more > 0 ? (
        <li className="screen-order__more">
          <Bi k="screen.more" values={{ more }} />
        </li>
      ) : null}
    </ol>
  );
}

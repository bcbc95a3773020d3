import { Form } from "@remix-run/react";
import { SLOT_TAGS } from "~/components/live/running-order";
import type { EventSetupView } from "~/domain/event-setup-page";

/** The running order with buttons to move waiting pitches, and the refresh from the shortlist. */
export function RunningOrderSection({ slots, editable, busy }: { slots: EventSetupView["slots"]; editable: boolean; busy: boolean }) {
  return (
    <>
      <h2 id="running-order">Running order</h2>
      {slots.length === 0 ? (
        <p>No pitches yet. Shortlist bids on the round, then bring the running order up to date with the shortlist.</p>
      ) : (
        <div className="table-wrap">
          <table className="order-table">
            <caption className="visually-hidden">Running order: pitches in the order they will be heard</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Order
                </th>
                <th scope="col">Group and project</th>
                <th scope="col">State</th>
                <th scope="col">Change the order</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => (
                <tr key={slot.id}>
                  <td className="num">{slot.number}</td>
                  <td>
                    <span lang={slot.lang}>{slot.groupName}</span>
                    <span className="hint">
                      <span lang={slot.lang}>{slot.projectTitle}</span> ({slot.reference})
                    </span>
                    {!slot.shortlisted ? <strong className="tag tag--red">No longer shortlisted: bring the order up to date to take it out</strong> : null}
                  </td>
                  <td>
                    <strong className={SLOT_TAGS[slot.state]}>{slot.stateLabel}</strong>
                  </td>
                  <td>
                    <div className="row-actions">
                      {slot.up ? <MoveButton slotId={slot.id} direction="up" label="Move up" group={slot.groupName} busy={busy} /> : null}
                      {slot.down ? <MoveButton slotId={slot.id} direction="down" label="Move down" group={slot.groupName} busy={busy} /> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="refresh" />
          <p className="hint">Adds bids shortlisted since, at the end, and takes out bids no longer shortlisted.</p>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Refresh from shortlist
          </button>
        </Form>
      ) : null}
    </>
  );
}

function MoveButton({ slotId, direction, label, group, busy }: { slotId: string; direction: "up" | "down"; label: string; group: string; busy: boolean }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="slotId" value={slotId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="button button--secondary" disabled={busy}>
        {label}
        <span className="visually-hidden"> {group}</span>
      </button>
    </Form>
  );
}

import { Form } from "@remix-run/react";
import { InviteForm } from "./invite-form";
import { InviteOnce, type Invite } from "./invite-once";
import { PanelTable, type PanelRow } from "./panel-table";

// The Panel part of the event's setup page: the link just made, the panel, the printed sheet
// of fresh links for everyone who has not opened theirs, and the invite form.

export interface PanelSectionProps {
  eventId: string;
  panel: PanelRow[];
  panelOpen: boolean;
  invite: Invite | null;
  errors: Record<string, string>;
  values: Record<string, string | string[]> | null;
  busy: boolean;
}

export function PanelSection({ eventId, panel, panelOpen, invite, errors, values, busy }: PanelSectionProps) {
  const unopened = panel.filter((p) => p.status === "INVITED").length;
  return (
    <>
      <h2 id="panel">Panel</h2>
      {invite ? <InviteOnce invite={invite} /> : null}
      <PanelTable panel={panel} panelOpen={panelOpen} busy={busy} />
      {panelOpen && unopened > 0 ? (
        <Form method="post" action={`/staff/events/${eventId}/invites/print`} className="invite-sheet-form">
          <p>
            Print every link not yet opened on one sheet, with a QR code each ({unopened} {unopened === 1 ? "panellist" : "panellists"}). Each gets a
            fresh link: links sent or printed before stop working, so hand out only the new sheet.
          </p>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Print invite sheet
          </button>
        </Form>
      ) : null}
      {panelOpen ? (
        <InviteForm errors={errors} values={values} resetKey={invite ? invite.url : "invite"} busy={busy} />
      ) : (
        <p className="hint">Scoring for this event has closed, so the panel can no longer change.</p>
      )}
    </>
  );
}

// Where the phone pages live (built beside the chair's pages): the invite link a panellist
// opens on their phone, and the page the audience reaches from the screen's code or QR code.

export { panelInvitePath } from "~/domain/mail/panel-invite";

export function votePath(joinCode: string) {
  return `/vote/${encodeURIComponent(joinCode)}`;
}

/**
 * The big screen. The projector view shows no page chrome at all (no header, no full-screen
 * button), for a projector's browser started in kiosk mode or left in full screen.
 */
export function screenPath(eventId: string, view: "page" | "projector" = "page") {
  const path = `/screen/${encodeURIComponent(eventId)}`;
  return view === "projector" ? `${path}?view=projector` : path;
}

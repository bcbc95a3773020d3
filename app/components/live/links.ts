// Where the phone pages live (built beside the chair's pages): the invite link a panellist
// opens on their phone, and the page the audience reaches from the screen's code or QR code.

export { panelInvitePath } from "~/domain/mail/panel-invite";

export function votePath(joinCode: string) {
  return `/vote/${encodeURIComponent(joinCode)}`;
}

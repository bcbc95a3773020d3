import { mailLink, type MailInput } from "~/domain/mail/mail";

// The email that takes a panellist's private invite link to them. The link is a credential that
// binds to the first phone that opens it, so the text says so; the base URL comes from the
// caller (APP_URL: an email has no browser request to take an address from).

/** Where a panellist's phone opens its invite (the phone page lives at /panel/join/<token>). */
export function panelInvitePath(inviteToken: string) {
  return `/panel/join/${encodeURIComponent(inviteToken)}`;
}

export interface PanelInviteMailContext {
  to: string;
  name: string;
  eventTitle: string;
  venue: string;
  /** When the event starts, already written in the fund's time zone. */
  starts: string;
  inviteToken: string;
  baseUrl: string;
}

export function panelInviteMail(c: PanelInviteMailContext): MailInput {
  return {
    to: c.to,
    subject: `Your panel link for ${c.eventTitle}`,
    text: [
      `Hello ${c.name},`,
      "",
      `You are on the panel for ${c.eventTitle}, at ${c.venue}, on ${c.starts}.`,
      "",
      "Open this link on the phone you will score on (no account or password needed):",
      mailLink(c.baseUrl, panelInvitePath(c.inviteToken)),
      "",
      "The link works on the first phone that opens it, so please do not forward it.",
      "If you need to use another phone, ask the organiser for a new link.",
      "",
      "Pitchday, on behalf of the event's organisers",
    ].join("\n"),
  };
}

import { ROLE_LABELS, type Role } from "~/domain/permissions";
import { INVITE_DAYS, STAFF_TIME_ZONE } from "~/domain/staff";
import { formatDateTime } from "~/domain/zoned-time";

// The admin's list of staff accounts and open invites, in words. Pure: the loader passes what
// the models read and the address's query (for the notice after a redirect).
//
// Interface:
//   staffUsersNotice(search)           -> { text, done } | null
//   staffUserRows(users), inviteRows(invites)

// Fixed texts the page shows after a redirect; `done` ones are confirmations, the rest warnings.
const NOTICES: Record<string, { text: string; done: boolean }> = {
  invited: { text: `Invite sent. The link in it works for ${INVITE_DAYS} days.`, done: true },
  resent: { text: "A new invite has been sent. The earlier link no longer works.", done: true },
  "invite-revoked": { text: "Invite withdrawn. Its link no longer works.", done: true },
  "invite-closed": { text: "That invite had already been used or withdrawn, so nothing changed.", done: false },
  "account-exists": { text: "There is already an account for that email address, so no new invite was sent.", done: false },
};

export function staffUsersNotice(search: URLSearchParams) {
  return NOTICES[search.get("notice") ?? ""] ?? null;
}

const when = (at: Date) => formatDateTime(at, STAFF_TIME_ZONE);

export interface StaffUserRow {
  id: string;
  name: string;
  email: string;
  roles: string[];
  disabled: boolean;
  /** When their newest live session was last used; null when none is. */
  lastSeen: string | null;
}

export function staffUserRows(
  users: { id: string; name: string; email: string; roles: Role[]; disabledAt: Date | null; lastSeenAt: Date | null }[],
): StaffUserRow[] {
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles.map((role) => ROLE_LABELS[role]),
    disabled: Boolean(user.disabledAt),
    lastSeen: user.lastSeenAt ? when(user.lastSeenAt) : null,
  }));
}

export interface InviteRow {
  id: string;
  name: string;
  email: string;
  roles: string[];
  invitedBy: string;
  expires: string;
  expired: boolean;
}

export function inviteRows(
  invites: { id: string; name: string; email: string; roles: Role[]; invitedBy: string; expiresAt: Date; expired: boolean }[],
): InviteRow[] {
  return invites.map((invite) => ({
    id: invite.id,
    name: invite.name,
    email: invite.email,
    roles: invite.roles.map((role) => ROLE_LABELS[role]),
    invitedBy: invite.invitedBy,
    expires: when(invite.expiresAt),
    expired: invite.expired,
  }));
}

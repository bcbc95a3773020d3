import { db } from "~/db.server";
import { ROLE_LABELS, type Role } from "~/domain/permissions";
import { INVITE_DAYS, STAFF_TIME_ZONE } from "~/domain/staff";
import type { InviteInput } from "~/domain/staff-forms";
import { formatDateTime } from "~/domain/zoned-time";
import { appendAudit, type Tx } from "~/models/audit.server";
import { queueMail } from "~/models/mail.server";
import { appUrl } from "~/utils/http.server";
import { hashPassword } from "~/utils/password.server";
import { hashSecretToken, newSecretToken } from "~/utils/secret-token.server";

// Staff join by invitation: an admin names the person and their roles, the person gets a
// link (random token, only its sha256 stored) and chooses their own password. A link works
// once and for 7 days; a new invite to the same address replaces the old one.


export type InviteStatus = "pending" | "expired" | "revoked" | "accepted" | "unknown";

function statusOf(invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date): InviteStatus {
  if (!invite) return "unknown";
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt <= now ? "expired" : "pending";
}

export type CreateInviteResult =
  | { ok: true; inviteId: string; link: string }
  | { ok: false; field: "email"; message: string };

export async function createInvite(
  input: InviteInput,
  by: { id: string; name: string },
  now = new Date(),
): Promise<CreateInviteResult> {
  const { token, hash: tokenHash } = newSecretToken();
  const link = appUrl(`/invite/${token}`);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      return { ok: false as const, field: "email" as const, message: "There is already an account for this email address" };
    }
    const earlier = await tx.userInvite.findMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      select: { id: true },
    });
    for (const old of earlier) await revokeInTx(tx, old.id, by.id, now);
    const invite = await tx.userInvite.create({
      data: {
        email: input.email,
        name: input.name,
        roles: input.roles,
        tokenHash,
        expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
        createdById: by.id,
      },
    });
    await appendAudit(tx, {
      actor: { type: "user", id: by.id },
      action: "user.invited",
      subject: { type: "invite", id: invite.id },
      payload: { roles: input.roles, inviteId: invite.id },
    });
    // why: queued in this transaction, so an invite never exists without its email, nor the reverse.
    await queueMail(tx, {
      to: invite.email,
      subject: "You are invited to Pitchday",
      text: inviteText({ name: invite.name, inviter: by.name, roles: input.roles, link, expiresAt: invite.expiresAt }),
    });
    return { ok: true as const, inviteId: invite.id, link };
  });
}

/** A fresh link for an invite not yet used or revoked (an expired one, say); the old link stops working. */
export async function resendInvite(inviteId: string, by: { id: string; name: string }, now = new Date()) {
  const old = await db().userInvite.findFirst({ where: { id: inviteId, acceptedAt: null, revokedAt: null } });
  if (!old) return null;
  return createInvite({ email: old.email, name: old.name, roles: old.roles }, by, now);
}

function inviteText(p: { name: string; inviter: string; roles: Role[]; link: string; expiresAt: Date }) {
  const roles = p.roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(" and ");
  const expires = formatDateTime(p.expiresAt, STAFF_TIME_ZONE);
  return [
    `Hello ${p.name},`,
    "",
    `${p.inviter} has invited you to Pitchday as ${/^[aeiou]/.test(roles) ? "an" : "a"} ${roles}.`,
    "",
    "To set up your account, open this link and choose a password:",
    p.link,
    "",
    `The link works once, until ${expires} (UK time).`,
    "If you were not expecting this email, you can ignore it: no account is made until the link is used.",
  ].join("\n");
}

export type FoundInvite =
  | { status: Exclude<InviteStatus, "pending"> }
  | { status: "pending"; invite: { id: string; email: string; name: string; roles: Role[]; expiresAt: Date } };

/** What the invite page needs to know about a link, without accepting it. */
export async function findInvite(token: string, now = new Date()): Promise<FoundInvite> {
  const invite = await db().userInvite.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: { id: true, email: true, name: true, roles: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  const status = statusOf(invite, now);
  if (status !== "pending" || !invite) return { status: status as Exclude<InviteStatus, "pending"> };
  return { status, invite: { id: invite.id, email: invite.email, name: invite.name, roles: invite.roles, expiresAt: invite.expiresAt } };
}

export type AcceptResult =
  | { ok: true; user: { id: string; name: string; roles: Role[] } }
  | { ok: false; status: Exclude<InviteStatus, "pending"> | "account_exists" };

/** Uses the link once: creates the account with the invited roles and the chosen password. */
export async function acceptInvite(
  token: string,
  input: { name: string; password: string },
  now = new Date(),
): Promise<AcceptResult> {
  const tokenHash = hashSecretToken(token);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const invite = await tx.userInvite.findUnique({ where: { tokenHash } });
    const status = statusOf(invite, now);
    if (status !== "pending" || !invite) return { ok: false as const, status: status as Exclude<InviteStatus, "pending"> };
    if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) {
      return { ok: false as const, status: "account_exists" as const };
    }
    // why: two tabs submitting the same link at once; only the one that flips acceptedAt wins.
    const claimed = await tx.userInvite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) return { ok: false as const, status: "accepted" as const };
    const user = await tx.user.create({
      data: { email: invite.email, name: input.name, passwordHash, roles: invite.roles },
    });
    await appendAudit(tx, {
      actor: { type: "user", id: user.id },
      action: "user.created",
      subject: { type: "user", id: user.id },
      payload: { roles: invite.roles, via: "invite" },
    });
    return { ok: true as const, user: { id: user.id, name: user.name, roles: user.roles } };
  });
}

async function revokeInTx(tx: Tx, inviteId: string, byId: string, now: Date) {
  const { count } = await tx.userInvite.updateMany({
    where: { id: inviteId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 1) {
    await appendAudit(tx, {
      actor: { type: "user", id: byId },
      action: "user.invite_revoked",
      subject: { type: "invite", id: inviteId },
      payload: { inviteId },
    });
  }
  return count === 1;
}

/** Stops an invite link working. False when it was already used or revoked. */
export function revokeInvite(inviteId: string, by: { id: string }, now = new Date()) {
  return db().$transaction((tx) => revokeInTx(tx, inviteId, by.id, now));
}

/** Invites not yet used or revoked, newest first; expired ones are included so they can be sent again. */
export async function listOpenInvites(now = new Date()) {
  const invites = await db().userInvite.findMany({
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, roles: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return invites.map(({ createdBy, ...invite }) => ({ ...invite, invitedBy: createdBy.name, expired: invite.expiresAt <= now }));
}

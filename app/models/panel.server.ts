import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { panelInviteMail } from "~/domain/mail/panel-invite";
import { formatDateTime } from "~/domain/zoned-time";
import { appendAudit, type Tx } from "~/models/audit.server";
import { queueMail } from "~/models/mail.server";
import { LIVE_TX } from "~/models/live.server";
import { refused, type Result } from "~/domain/result";
import { publish } from "~/db/live/bus.server";
import { hashSecretToken, newSecretToken } from "~/utils/secret-token.server";

// The panel of an event: invitations, the one phone each panellist scores on, revocation, and
// conflicts of interest.
//
// Interface:
//   invitePanellist({ eventId, name, userId?, email?, mailBaseUrl? }, actor)
//                                                                  -> Result<{ panellist, inviteToken, emailed }>
//   claimInvite(inviteToken, currentDeviceToken | null, now?)      -> Result<{ panellistId, eventId, deviceToken }>
//                                                                     (refused with a panel.join.* key, said on the phone)
//   panellistForDevice(deviceToken)                                -> active panellist or null
//   reissueInvite(eventId, panellistId, actor)                     -> Result<{ inviteToken, name }>
//   reissueUnopenedInvites(eventId, actor)                         -> Result<{ invites: { id, name, inviteToken }[] }>
//   revokePanellist(eventId, panellistId, actor)                   -> Result<{}>
//   declareConflict({ panellistId, bidId, reason }, actor)         -> Result<{ conflictId, alreadyDeclared }>
//   withdrawConflict({ panellistId, bidId }, actor)                -> Result<{}>
//   (a conflict's refusal message is a catalogue key, panel.conflicts.*: the panellist's page says it)
//   listPanel(eventId)                                             -> staff view: names, status, conflicts
//
// Tokens: the invite link carries a random token and the device cookie another; the database
// keeps only their sha256. The first device to open an invite link keeps it: the same link on
// a second device is refused (a forwarded email cannot score), until the organiser re-issues
// the invite, which also releases the old device. Identity comes from these tokens only.
// An invite with an email address queues the email (APP_URL's link) in the same transaction.
// Every change to one panellist names the event too, and is refused for another event's panellist.
// Conflicts can be declared (and withdrawn) until scoring for that pitch is locked; a conflict
// stops the panellist scoring the pitch and keeps any sheet they sent out of the counts.

export type PanellistStatus = "INVITED" | "JOINED" | "REVOKED";

const NAME_MAX = 100;
const REASON_MAX = 500;

async function afterCommit(eventId: string, seq: number) {
  await publish(eventId, seq);
}

const NOT_ON_PANEL = "That panellist is not on this event's panel.";

async function lockPanellist(tx: Tx, panellistId: string, eventId?: string) {
  const rows = eventId
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Panellist" WHERE id = ${panellistId} AND "eventId" = ${eventId} FOR UPDATE`
    : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Panellist" WHERE id = ${panellistId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.panellist.findUniqueOrThrow({
    where: { id: panellistId },
    select: { id: true, name: true, eventId: true, revokedAt: true, deviceTokenHash: true, joinedAt: true, event: { select: { state: true } } },
  });
}

export async function invitePanellist(
  input: { eventId: string; name: string; userId?: string | null; email?: string | null; mailBaseUrl?: string },
  actor: AuditActor,
): Promise<Result<{ panellist: { id: string; name: string }; inviteToken: string; emailed: string | null }>> {
  const name = input.name.trim();
  if (!name) return refused("Enter the panellist's name.");
  if (name.length > NAME_MAX) return refused(`The name must be ${NAME_MAX} characters or fewer.`);
  const email = input.email?.trim() || null;
  if (email && !input.mailBaseUrl) throw new Error("invitePanellist: an emailed invite needs mailBaseUrl for its link");
  const invite = newSecretToken();
  const outcome = await db().$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { state: true, title: true, venue: true, startsAt: true, round: { select: { fund: { select: { timeZone: true } } } } },
    });
    if (!event) return refused("That event does not exist.");
    if (event.state === "SCORING_CLOSED" || event.state === "DECIDED") {
      return refused("Scoring for this event has closed, so no one else can join the panel.");
    }
    if (input.userId) {
      const already = await tx.panellist.findFirst({ where: { eventId: input.eventId, userId: input.userId, revokedAt: null }, select: { id: true } });
      if (already) return refused("That person is already on this event's panel. Re-issue their invite if they need a new link.");
    }
    const panellist = await tx.panellist.create({
      data: { eventId: input.eventId, name, userId: input.userId ?? null, inviteTokenHash: invite.hash },
      select: { id: true, name: true },
    });
    const entry = await appendAudit(tx, {
      actor,
      action: "panellist.invited",
      subject: { type: "panellist", id: panellist.id },
      payload: { eventId: input.eventId, userId: input.userId ?? null },
    });
    if (email) {
      const starts = formatDateTime(event.startsAt, event.round.fund.timeZone);
      const mail = { to: email, name, eventTitle: event.title, venue: event.venue, starts, inviteToken: invite.token, baseUrl: input.mailBaseUrl! };
      await queueMail(tx, panelInviteMail(mail));
    }
    return { ok: true as const, panellist, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await afterCommit(input.eventId, outcome.seq);
  return { ok: true, panellist: outcome.panellist, inviteToken: invite.token, emailed: email };
}

/**
 * Opens an invite link on a device. The first device gets a device token (for its cookie);
 * the same device opening the link again keeps its token; any other device is refused.
 */
export async function claimInvite(
  inviteToken: string,
  currentDeviceToken: string | null,
  now: Date = new Date(),
): Promise<Result<{ panellistId: string; eventId: string; deviceToken: string }>> {
  const found = await db().panellist.findUnique({ where: { inviteTokenHash: hashSecretToken(inviteToken) }, select: { id: true } });
  if (!found) return refused("panel.join.notValid");
  const outcome = await db().$transaction(async (tx) => {
    const panellist = await lockPanellist(tx, found.id);
    if (!panellist) return refused("panel.join.notValid");
    if (panellist.revokedAt) return refused("panel.join.withdrawn");
    if (panellist.event.state === "DECIDED") return refused("panel.join.finished");
    if (panellist.deviceTokenHash) {
      if (currentDeviceToken && hashSecretToken(currentDeviceToken) === panellist.deviceTokenHash) {
        return { ok: true as const, panellistId: panellist.id, eventId: panellist.eventId, deviceToken: currentDeviceToken, seq: null };
      }
      return refused("panel.join.otherDevice");
    }
    const device = newSecretToken();
    await tx.panellist.update({ where: { id: panellist.id }, data: { deviceTokenHash: device.hash, joinedAt: now } });
    const entry = await appendAudit(tx, {
      actor: { type: "panellist", id: panellist.id },
      action: "panellist.joined",
      subject: { type: "panellist", id: panellist.id },
      at: now,
      payload: { eventId: panellist.eventId },
    });
    return { ok: true as const, panellistId: panellist.id, eventId: panellist.eventId, deviceToken: device.token, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  if (outcome.seq !== null) await afterCommit(outcome.eventId, outcome.seq);
  return { ok: true, panellistId: outcome.panellistId, eventId: outcome.eventId, deviceToken: outcome.deviceToken };
}

/** The panellist a device cookie belongs to, or null (unknown device, or revoked). */
export async function panellistForDevice(deviceToken: string) {
  if (!deviceToken) return null;
  const panellist = await db().panellist.findUnique({
    where: { deviceTokenHash: hashSecretToken(deviceToken) },
    select: { id: true, name: true, eventId: true, revokedAt: true, joinedAt: true },
  });
  if (!panellist || panellist.revokedAt) return null;
  return panellist;
}

/** A new invite link; the old link and the device it was opened on stop working. */
export async function reissueInvite(eventId: string, panellistId: string, actor: AuditActor): Promise<Result<{ inviteToken: string; name: string }>> {
  const invite = newSecretToken();
  const outcome = await db().$transaction(async (tx) => {
    const panellist = await lockPanellist(tx, panellistId, eventId);
    if (!panellist) return refused(NOT_ON_PANEL);
    if (panellist.revokedAt) return refused("This panellist was removed from the panel. Invite them again as a new panellist.");
    if (panellist.event.state === "DECIDED") return refused("panel.join.finished");
    await tx.panellist.update({ where: { id: panellistId }, data: { inviteTokenHash: invite.hash, deviceTokenHash: null, joinedAt: null } });
    const entry = await appendAudit(tx, {
      actor,
      action: "panellist.invite_reissued",
      subject: { type: "panellist", id: panellistId },
      payload: { eventId: panellist.eventId, deviceReleased: panellist.deviceTokenHash !== null },
    });
    return { ok: true as const, eventId: panellist.eventId, name: panellist.name, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await afterCommit(outcome.eventId, outcome.seq);
  return { ok: true, inviteToken: invite.token, name: outcome.name };
}

/**
 * Fresh links for every panellist who has not opened theirs yet, for one printed sheet: each
 * old unopened link stops working (a lost print-out or email can no longer be used), and each
 * change is audited. Panellists already on their phones keep them.
 */
export async function reissueUnopenedInvites(
  eventId: string,
  actor: AuditActor,
): Promise<Result<{ invites: { id: string; name: string; inviteToken: string }[] }>> {
  const outcome = await db().$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { state: true } });
    if (!event) return refused("That event does not exist.");
    if (event.state === "SCORING_CLOSED" || event.state === "DECIDED") {
      return refused("Scoring for this event has closed, so no one else can join the panel.");
    }
    const unopened = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT id, name FROM "Panellist"
      WHERE "eventId" = ${eventId} AND "revokedAt" IS NULL AND "deviceTokenHash" IS NULL
      ORDER BY "createdAt", id FOR UPDATE`;
    const invites = [];
    let seq: number | null = null;
    for (const panellist of unopened) {
      const invite = newSecretToken();
      await tx.panellist.update({ where: { id: panellist.id }, data: { inviteTokenHash: invite.hash } });
      const entry = await appendAudit(tx, {
        actor,
        action: "panellist.invite_reissued",
        subject: { type: "panellist", id: panellist.id },
        payload: { eventId, deviceReleased: false },
      });
      seq = entry.seq;
      invites.push({ id: panellist.id, name: panellist.name, inviteToken: invite.token });
    }
    return { ok: true as const, invites, seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  if (outcome.seq !== null) await afterCommit(eventId, outcome.seq);
  return { ok: true, invites: outcome.invites };
}

/**
 * Removes a panellist: their link and device stop working and they cannot score any more.
 * Scores they already sent stay (they were on the panel when they gave them).
 */
export async function revokePanellist(eventId: string, panellistId: string, actor: AuditActor, now: Date = new Date()): Promise<Result<object>> {
  const outcome = await db().$transaction(async (tx) => {
    const panellist = await lockPanellist(tx, panellistId, eventId);
    if (!panellist) return refused(NOT_ON_PANEL);
    if (panellist.revokedAt) return refused("This panellist has already been removed from the panel.");
    if (panellist.event.state === "DECIDED") return refused("Decisions have been recorded, so the panel can no longer change.");
    await tx.panellist.update({ where: { id: panellistId }, data: { revokedAt: now, deviceTokenHash: null } });
    const entry = await appendAudit(tx, {
      actor,
      action: "panellist.revoked",
      subject: { type: "panellist", id: panellistId },
      at: now,
      payload: { eventId: panellist.eventId },
    });
    return { ok: true as const, eventId: panellist.eventId, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await afterCommit(outcome.eventId, outcome.seq);
  return { ok: true };
}

// ---------- Conflicts of interest ----------

async function conflictContext(tx: Tx, panellistId: string, bidId: string) {
  const panellist = await lockPanellist(tx, panellistId);
  if (!panellist) return refused("panel.conflicts.refusal.noPanellist");
  if (panellist.revokedAt) return refused("panel.conflicts.refusal.revoked");
  const slot = await tx.slot.findUnique({
    where: { eventId_bidId: { eventId: panellist.eventId, bidId } },
    select: { state: true },
  });
  if (!slot) return refused("panel.conflicts.refusal.notInEvent");
  if (slot.state === "LOCKED" || panellist.event.state === "SCORING_CLOSED" || panellist.event.state === "DECIDED") {
    return refused("panel.conflicts.refusal.locked");
  }
  return { ok: true as const, panellist };
}

export async function declareConflict(
  input: { panellistId: string; bidId: string; reason: string },
  actor: AuditActor,
  now: Date = new Date(),
): Promise<Result<{ conflictId: string; alreadyDeclared: boolean }>> {
  const reason = input.reason.trim();
  if (!reason) return refused("panel.conflicts.error.reason");
  if (reason.length > REASON_MAX) return refused("panel.conflicts.error.reasonTooLong");
  const outcome = await db().$transaction(async (tx) => {
    const context = await conflictContext(tx, input.panellistId, input.bidId);
    if (!context.ok) return context;
    const existing = await tx.conflict.findUnique({
      where: { panellistId_bidId: { panellistId: input.panellistId, bidId: input.bidId } },
      select: { id: true },
    });
    if (existing) return { ok: true as const, conflictId: existing.id, alreadyDeclared: true, eventId: context.panellist.eventId, seq: null };
    const conflict = await tx.conflict.create({
      data: { panellistId: input.panellistId, bidId: input.bidId, reason, declaredAt: now },
      select: { id: true },
    });
    const entry = await appendAudit(tx, {
      actor,
      action: "conflict.declared",
      subject: { type: "conflict", id: conflict.id },
      at: now,
      payload: {
        eventId: context.panellist.eventId,
        panellistId: input.panellistId,
        bidId: input.bidId,
        declaredBy: actor.type === "panellist" ? "panellist" : "organiser",
      },
    });
    return { ok: true as const, conflictId: conflict.id, alreadyDeclared: false, eventId: context.panellist.eventId, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  if (outcome.seq !== null) await afterCommit(outcome.eventId, outcome.seq);
  return { ok: true, conflictId: outcome.conflictId, alreadyDeclared: outcome.alreadyDeclared };
}

/** Takes back a conflict declared by mistake; only until scoring for the pitch is locked. */
export async function withdrawConflict(input: { panellistId: string; bidId: string }, actor: AuditActor): Promise<Result<object>> {
  const outcome = await db().$transaction(async (tx) => {
    const context = await conflictContext(tx, input.panellistId, input.bidId);
    if (!context.ok) return context;
    const existing = await tx.conflict.findUnique({
      where: { panellistId_bidId: { panellistId: input.panellistId, bidId: input.bidId } },
      select: { id: true },
    });
    if (!existing) return refused("panel.conflicts.refusal.noneDeclared");
    await tx.conflict.delete({ where: { id: existing.id } });
    const entry = await appendAudit(tx, {
      actor,
      action: "conflict.withdrawn",
      subject: { type: "conflict", id: existing.id },
      payload: { eventId: context.panellist.eventId, panellistId: input.panellistId, bidId: input.bidId },
    });
    return { ok: true as const, eventId: context.panellist.eventId, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await afterCommit(outcome.eventId, outcome.seq);
  return { ok: true };
}

/** The panel for the organiser's pages (staff only: includes names and conflict reasons). */
export async function listPanel(eventId: string) {
  const panellists = await db().panellist.findMany({
    where: { eventId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      userId: true,
      joinedAt: true,
      revokedAt: true,
      createdAt: true,
      conflicts: { select: { bidId: true, reason: true, declaredAt: true }, orderBy: { declaredAt: "asc" } },
      _count: { select: { scoreSheets: { where: { current: true } } } },
    },
  });
  return panellists.map(({ _count, ...p }) => ({
    ...p,
    status: (p.revokedAt ? "REVOKED" : p.joinedAt ? "JOINED" : "INVITED") as PanellistStatus,
    pitchesScored: _count.scoreSheets,
  }));
}

import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { STATUS_LABELS, type BidStatusValue, type ReviewDecision } from "~/domain/bid-review";
import { appendAudit } from "~/models/audit.server";
import { queueMail } from "~/models/mail.server";
import { declinedMail, reconsideredMail, shortlistedMail } from "~/domain/mail/shortlist-messages";
import { env } from "~/utils/env.server";
import { mailVoice } from "~/i18n/mail-voice.server";
import { mailableRound } from "~/models/award.server";

// The organiser's shortlist: a submitted bid is shortlisted or declined with a reason the group
// sees on its status page (Bid.statusReason) and in an email; a decision can be undone while the
// bid is not yet in an event's running order. Each change, its audit entry and its email are
// one transaction.

export type ReviewResult =
  | { ok: true; status: BidStatusValue }
  | { ok: false; error: string }
  | { ok: false; notFound: true };

export function shortlistBid(bidId: string, reason: string, actor: AuditActor) {
  return reviewBid(bidId, { decision: "shortlist", reason }, actor);
}

export function declineBid(bidId: string, reason: string, actor: AuditActor) {
  return reviewBid(bidId, { decision: "decline", reason }, actor);
}

export function resetBidStatus(bidId: string, reason: string, actor: AuditActor) {
  return reviewBid(bidId, { decision: "reset", reason }, actor);
}

export async function reviewBid(bidId: string, input: ReviewDecision, actor: AuditActor): Promise<ReviewResult> {
  const reason = input.reason.trim();
  if (input.decision !== "shortlist" && !reason) {
    return { ok: false, error: "A reason is needed for this decision." };
  }
  return db().$transaction(async (tx): Promise<ReviewResult> => {
    const bid = await tx.bid.findUnique({
      where: { id: bidId },
      select: {
        id: true,
        reference: true,
        status: true,
        groupName: true,
        decision: { select: { id: true } },
        slots: { select: { event: { select: { title: true } } }, take: 1 },
        contact: { select: { name: true, email: true, erasedAt: true } },
        language: true,
        round: { select: mailableRound },
      },
    });
    if (!bid) return { ok: false, notFound: true };
    // why: an erased contact has nobody left to tell.
    const mailTo = bid.contact && !bid.contact.erasedAt && bid.contact.email ? bid.contact : null;
    const mail = mailTo && {
      to: mailTo.email,
      contactName: mailTo.name,
      reference: bid.reference,
      groupName: bid.groupName,
      roundTitle: bid.round.title,
      roundTitleCy: bid.round.titleCy,
      roundSlug: bid.round.slug,
      baseUrl: env().APP_URL,
      voice: mailVoice(bid.language, bid.round.bilingual),
    };
    const now = STATUS_LABELS[bid.status].toLowerCase();

    if (input.decision === "reset") {
      if (bid.status !== "SHORTLISTED" && bid.status !== "DECLINED") {
        return { ok: false, error: `This bid is ${now}, so there is no shortlist decision to undo.` };
      }
      if (bid.decision) return { ok: false, error: "A funding decision has been made on this bid, so its shortlisting cannot be undone." };
      if (bid.slots.length > 0) {
        return {
          ok: false,
          error: `This bid is in the running order of "${bid.slots[0].event.title}". Take it out of the running order first.`,
        };
      }
      // why: the conditional update is what decides: another organiser's change between our
      // read and this write leaves it touching no row, and we say so instead of overwriting.
      const moved = await tx.bid.updateMany({
        where: { id: bid.id, status: bid.status },
        data: { status: "SUBMITTED", statusReason: null },
      });
      if (moved.count !== 1) return { ok: false, error: "Someone else changed this bid just now. Check its status and try again." };
      await appendAudit(tx, {
        actor,
        action: "bid.status_reset",
        subject: { type: "bid", id: bid.id },
        payload: { reference: bid.reference, from: bid.status, reason },
      });
      if (mail) await queueMail(tx, reconsideredMail(mail));
      return { ok: true, status: "SUBMITTED" };
    }

    if (bid.status !== "SUBMITTED") {
      const what = input.decision === "shortlist" ? "shortlisted" : "declined";
      return { ok: false, error: `Only submitted bids can be ${what}. This bid is ${now}.` };
    }
    const status = input.decision === "shortlist" ? "SHORTLISTED" : "DECLINED";
    const moved = await tx.bid.updateMany({
      where: { id: bid.id, status: "SUBMITTED" },
      data: { status, statusReason: reason || null },
    });
    if (moved.count !== 1) return { ok: false, error: "Someone else changed this bid just now. Check its status and try again." };
    await appendAudit(tx, {
      actor,
      action: input.decision === "shortlist" ? "bid.shortlisted" : "bid.declined",
      subject: { type: "bid", id: bid.id },
      payload: { reference: bid.reference, reason },
    });
    if (mail) await queueMail(tx, status === "SHORTLISTED" ? shortlistedMail({ ...mail, reason }) : declinedMail({ ...mail, reason }));
    return { ok: true, status };
  });
}

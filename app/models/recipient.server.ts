import type Stripe from "stripe";
import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { appendAudit, type Tx } from "~/models/audit.server";
import { MONEY_TX } from "~/models/award.server";
import { refused, type Result } from "~/domain/result";

// Recipients: the Stripe Connect (Express) account a funded group is paid into. One per bid,
// made once; onboarding happens on Stripe's pages through an Account Link, which works once
// and only for a few minutes, so a new link is made whenever the group asks (the refresh URL
// leads back to the page that makes one). Stripe tells us how onboarding went through
// account.updated webhooks; the return page also asks Stripe directly, since the webhook
// may arrive after the group does.
//
// The calls to Stripe are in coordinators/payments/recipients.server.ts; this file keeps the records.
//
// Interface:
//   bidToOnboard(bidId)       -> { ok: true, bid } | refusal (no award, cancelled, already paid)
//   recordRecipientAccount(bidId, account, actor) -> { accountId, inserted }   once per bid
//   recordAccountCheck(bidId, account) -> { payoutsEnabled, detailsSubmitted }
//   recipientForBid(bidId)    -> Recipient | null
//   applyAccountState(tx, account, via) -> "recipient_updated" | "recipient_unchanged" | "unknown_account"
//       (the account.updated handler; inside the webhook's transaction)

/** Whether a connected account is one of ours (webhooks for anyone else's are ignored). */
export async function isOurAccount(accountId: string) {
  return (await db().recipient.count({ where: { stripeAccountId: accountId } })) > 0;
}

export function recipientForBid(bidId: string) {
  return db().recipient.findUnique({ where: { bidId } });
}

/** The bid as onboarding needs it, or why it needs no payment details. */
export async function bidToOnboard(bidId: string): Promise<Result<{ bid: { reference: string; groupName: string; email: string | null; accountId: string | null } }>> {
  const bid = await db().bid.findUnique({
    where: { id: bidId },
    select: {
      id: true,
      reference: true,
      groupName: true,
      contact: { select: { email: true, erasedAt: true } },
      award: { select: { status: true } },
      recipient: { select: { stripeAccountId: true } },
    },
  });
  if (!bid) return refused("bid.payout.refusal.noBid");
  if (!bid.award || bid.award.status === "CANCELLED") {
    return refused("bid.payout.refusal.noAward");
  }
  if (bid.award.status === "PAID") return refused("bid.payout.refusal.paid");
  const email = bid.contact && !bid.contact.erasedAt ? bid.contact.email : null;
  return { ok: true, bid: { reference: bid.reference, groupName: bid.groupName, email, accountId: bid.recipient?.stripeAccountId ?? null } };
}

/**
 * Records the account Stripe made for a bid, once: returns the bid's account (the one already
 * recorded, if another click got there first) and whether this call recorded it.
 */
export async function recordRecipientAccount(bidId: string, account: Stripe.Account, actor: AuditActor): Promise<{ accountId: string; inserted: boolean }> {
  return db().$transaction(async (tx) => {
    // why: two clicks at once both reach here; Stripe gave both the same account (the
    // idempotency key is the bid's), and only the first insert records it.
    const { count: inserted } = await tx.recipient.createMany({
      data: [
        {
          bidId,
          stripeAccountId: account.id,
          payoutsEnabled: account.payouts_enabled === true,
          detailsSubmitted: account.details_submitted === true,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted === 1) {
      await appendAudit(tx, {
        actor,
        action: "recipient.onboarding_started",
        subject: { type: "bid", id: bidId },
        payload: { bidId, accountId: account.id, newAccount: true },
      });
    }
    const row = await tx.recipient.findUniqueOrThrow({ where: { bidId }, select: { stripeAccountId: true } });
    return { accountId: row.stripeAccountId, inserted: inserted === 1 };
  }, MONEY_TX);
}

/** Records how Stripe says the bid's account stands now, and returns our copy after. */
export async function recordAccountCheck(bidId: string, account: Stripe.Account) {
  await db().$transaction((tx) => applyAccountState(tx, account, "check"), MONEY_TX);
  return db().recipient.findUniqueOrThrow({ where: { bidId }, select: { payoutsEnabled: true, detailsSubmitted: true } });
}

/** Brings our copy of a connected account up to date; audited only when something changed. */
export async function applyAccountState(tx: Tx, account: Stripe.Account, via: "webhook" | "check") {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Recipient" WHERE "stripeAccountId" = ${account.id} FOR UPDATE`;
  if (rows.length === 0) return "unknown_account";
  const recipient = await tx.recipient.findUniqueOrThrow({ where: { id: rows[0].id } });
  const payoutsEnabled = account.payouts_enabled === true;
  const detailsSubmitted = account.details_submitted === true;
  if (recipient.payoutsEnabled === payoutsEnabled && recipient.detailsSubmitted === detailsSubmitted) return "recipient_unchanged";
  await tx.recipient.update({ where: { id: recipient.id }, data: { payoutsEnabled, detailsSubmitted } });
  await appendAudit(tx, {
    actor: { type: "system" },
    action: "recipient.updated",
    subject: { type: "bid", id: recipient.bidId },
    payload: { bidId: recipient.bidId, accountId: account.id, payoutsEnabled, detailsSubmitted, via },
  });
  return "recipient_updated";
}

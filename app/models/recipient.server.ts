import type Stripe from "stripe";
import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { PAYMENTS_NOT_CONFIGURED } from "~/domain/payment";
import { appendAudit, type Tx } from "~/models/audit.server";
import { MONEY_TX } from "~/models/award.server";
import { refused, type Result } from "~/domain/result";
import {
  createAccountLink,
  createConnectedAccount,
  paymentsConfigured,
  retrieveAccount,
} from "~/services/payments/stripe.server";

// Recipients: the Stripe Connect (Express) account a funded group is paid into. One per bid,
// made once; onboarding happens on Stripe's pages through an Account Link, which works once
// and only for a few minutes, so a new link is made whenever the group asks (the refresh URL
// leads back to the page that makes one). Stripe tells us how onboarding went through
// account.updated webhooks; the return page also asks Stripe directly, since the webhook
// may arrive after the group does.
//
// Interface:
//   createOnboardingLink(bidId, { refreshUrl, returnUrl }, actor)
//       -> { ok: true, url, expiresAt, accountId, newAccount } | { ok: false, message }
//       actor: { type: "group", id: bidId } from the private link, or a staff user
//   refreshRecipient(bidId)   -> { ok: true, recipient } | { ok: false, message }  (asks Stripe now)
//   recipientForBid(bidId)    -> Recipient | null
//   applyAccountState(tx, account, via) -> "recipient_updated" | "recipient_unchanged" | "unknown_account"
//       (the account.updated handler; inside the webhook's transaction)

const STRIPE_UNREACHABLE = "Stripe could not be reached just now, so nothing was changed. Try again in a minute.";

/** Whether a connected account is one of ours (webhooks for anyone else's are ignored). */
export async function isOurAccount(accountId: string) {
  return (await db().recipient.count({ where: { stripeAccountId: accountId } })) > 0;
}

export function recipientForBid(bidId: string) {
  return db().recipient.findUnique({ where: { bidId } });
}

export async function createOnboardingLink(
  bidId: string,
  urls: { refreshUrl: string; returnUrl: string },
  actor: AuditActor,
): Promise<Result<{ url: string; expiresAt: Date; accountId: string; newAccount: boolean }>> {
  if (!paymentsConfigured()) return refused(PAYMENTS_NOT_CONFIGURED);
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
  if (!bid) return refused("That bid does not exist.");
  if (!bid.award || bid.award.status === "CANCELLED") {
    return refused("Payment details are needed only once an award has been offered.");
  }
  if (bid.award.status === "PAID") return refused("This award has been paid, so no payment details are needed.");

  let accountId = bid.recipient?.stripeAccountId ?? null;
  let newAccount = false;
  try {
    if (!accountId) {
      const email = bid.contact && !bid.contact.erasedAt ? bid.contact.email : null;
      const account = await createConnectedAccount({ bidId, reference: bid.reference, groupName: bid.groupName, email });
      const saved = await db().$transaction(async (tx) => {
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
      accountId = saved.accountId;
      newAccount = saved.inserted;
    }
    const link = await createAccountLink({ accountId, ...urls });
    return { ok: true, url: link.url, expiresAt: new Date(link.expires_at * 1000), accountId, newAccount };
  } catch (error) {
    console.error("Stripe onboarding link failed:", error instanceof Error ? error.message : error);
    return refused(STRIPE_UNREACHABLE);
  }
}

/** Asks Stripe how the group's account stands now (the return page; webhooks can lag). */
export async function refreshRecipient(bidId: string): Promise<Result<{ recipient: { payoutsEnabled: boolean; detailsSubmitted: boolean } }>> {
  if (!paymentsConfigured()) return refused(PAYMENTS_NOT_CONFIGURED);
  const recipient = await recipientForBid(bidId);
  if (!recipient) return refused("The group has not started setting up payments yet.");
  let account: Stripe.Account;
  try {
    account = await retrieveAccount(recipient.stripeAccountId);
  } catch (error) {
    console.error("Stripe account check failed:", error instanceof Error ? error.message : error);
    return refused(STRIPE_UNREACHABLE);
  }
  await db().$transaction((tx) => applyAccountState(tx, account, "check"), MONEY_TX);
  const after = await db().recipient.findUniqueOrThrow({ where: { bidId }, select: { payoutsEnabled: true, detailsSubmitted: true } });
  return { ok: true, recipient: after };
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

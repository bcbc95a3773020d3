import type Stripe from "stripe";
import type { AuditActor } from "~/domain/audit-events";
import { PAYMENTS_NOT_CONFIGURED } from "~/domain/payment";
import { refused, type Result } from "~/domain/result";
import { bidToOnboard, recipientForBid, recordAccountCheck, recordRecipientAccount } from "~/models/recipient.server";
import { createAccountLink, createConnectedAccount, paymentsConfigured, retrieveAccount } from "~/services/payments/stripe.server";

// Setting up the account a funded group is paid into: the calls to Stripe, around the records
// recipient.server.ts keeps. Onboarding happens on Stripe's pages through an Account Link,
// which works once and only for a few minutes, so a new link is made whenever the group asks.
//
// Interface:
//   createOnboardingLink(bidId, { refreshUrl, returnUrl }, actor)
//       -> { ok: true, url, expiresAt, accountId, newAccount } | { ok: false, message }
//       actor: { type: "group", id: bidId } from the private link, or a staff user
//   refreshRecipient(bidId)   -> { ok: true, recipient } | { ok: false, message }  (asks Stripe now)

// why keys: the group reads these on its payout page in its language (bid.payout.refusal.*;
// the staff page says them in English). Not configured is the staff's own sentence: the group's
// page never asks Stripe then.
const STRIPE_UNREACHABLE = "bid.payout.refusal.stripeUnreachable";

export async function createOnboardingLink(
  bidId: string,
  urls: { refreshUrl: string; returnUrl: string },
  actor: AuditActor,
): Promise<Result<{ url: string; expiresAt: Date; accountId: string; newAccount: boolean }>> {
  if (!paymentsConfigured()) return refused(PAYMENTS_NOT_CONFIGURED);
  const found = await bidToOnboard(bidId);
  if (!found.ok) return found;
  const { bid } = found;
  let accountId = bid.accountId;
  let newAccount = false;
  try {
    if (!accountId) {
      // why: the account is made before it is recorded; Stripe's idempotency key is the bid's,
      // so two clicks get one account and the record keeps it once.
      const account = await createConnectedAccount({ bidId, reference: bid.reference, groupName: bid.groupName, email: bid.email });
      const saved = await recordRecipientAccount(bidId, account, actor);
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
  if (!recipient) return refused("bid.payout.refusal.notStarted");
  let account: Stripe.Account;
  try {
    account = await retrieveAccount(recipient.stripeAccountId);
  } catch (error) {
    console.error("Stripe account check failed:", error instanceof Error ? error.message : error);
    return refused(STRIPE_UNREACHABLE);
  }
  return { ok: true, recipient: await recordAccountCheck(bidId, account) };
}

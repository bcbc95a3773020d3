import type { Actor } from "~/domain/permissions";
import { issueAward } from "~/models/award.server";
import { paymentsConfigured } from "~/services/payments/stripe.server";

/** Issues the award and mails the offer, which tells the group whether Stripe can pay them. */
export function offerAward(decisionId: string, input: { conditions: string }, staff: Actor) {
  return issueAward(decisionId, input, staff, { byStripe: paymentsConfigured() });
}

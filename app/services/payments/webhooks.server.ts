import type Stripe from "stripe";
import { applyTransferState, processStripeEvent } from "~/models/payment.server";
import { applyAccountState } from "~/models/recipient.server";
import { retrieveAccount } from "~/services/payments/stripe.server";

// What each Stripe event means for Pitchday, one handler per type. Every event is processed
// once (its id is stored in the same transaction as its effect) and answered 200 however it
// went, including types we do not act on, so Stripe stops retrying it.
//
// Interface:
//   handleStripeEvent(event) -> { duplicate, effect }     throws when the effect could not be
//                                                         applied (the route answers 500; Stripe retries)
//   HANDLED_EVENT_TYPES                                   the types to enable on the endpoint
//
// Out of order and late events: a transfer event moves its payment forward only (paid never
// goes back; a late "created" cannot undo a recorded reversal). For account.updated the
// account is read from Stripe when the event is handled, so an older event arriving after a
// newer one still records the account as it is now.

export const HANDLED_EVENT_TYPES = ["account.updated", "transfer.created", "transfer.updated", "transfer.reversed"] as const;

type Handler = (event: Stripe.Event) => Promise<{ duplicate: boolean; effect: string }>;

const handlers: Record<(typeof HANDLED_EVENT_TYPES)[number], Handler> = {
  "account.updated": async (event) => {
    const reported = event.data.object as Stripe.Account;
    // why: read before the transaction, so no database lock waits on the network.
    const account = await retrieveAccount(reported.id);
    return processStripeEvent(event, (tx) => applyAccountState(tx, account, "webhook"));
  },
  "transfer.created": transferHandler,
  "transfer.updated": transferHandler,
  "transfer.reversed": transferHandler,
};

function transferHandler(event: Stripe.Event) {
  const transfer = event.data.object as Stripe.Transfer;
  return processStripeEvent(event, (tx) => applyTransferState(tx, transfer, "webhook"));
}

function isHandled(type: string): type is (typeof HANDLED_EVENT_TYPES)[number] {
  return (HANDLED_EVENT_TYPES as readonly string[]).includes(type);
}

export function handleStripeEvent(event: Stripe.Event) {
  if (isHandled(event.type)) return handlers[event.type](event);
  return processStripeEvent(event, async () => "not_handled");
}

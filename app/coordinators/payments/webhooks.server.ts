import Stripe from "stripe";
import { takeOwedCheckpoint } from "~/coordinators/checkpoints.server";
import { readStripeEvent } from "~/domain/stripe-webhook";
import { databaseAnswers, isTransientDatabaseError } from "~/models/database-health.server";
import { applyTransferState, processStripeEvent } from "~/models/payment.server";
import { applyAccountState, isOurAccount } from "~/models/recipient.server";
import { retrieveAccount } from "~/services/payments/stripe.server";

// What each Stripe event means for Pitchday, one handler per type. Every event is processed
// once (its id is stored in the same transaction as its effect) and answered 200 however it
// went, including types we do not act on and events we cannot use (malformed, or about an
// account that is not ours), which are logged with the reason; an error answer would only make
// Stripe retry an unusable event for days.
//
// Interface:
//   handleStripeEvent(event) -> { duplicate, effect }     throws RetryLater only when a retry could
//                                                         succeed (our database down or in a write
//                                                         conflict, Stripe's API unreachable); any
//                                                         other failure is logged and acknowledged
//                                                         as "ignored_failed"
//   HANDLED_EVENT_TYPES                                   the types to enable on the endpoint
//
// Out of order and late events: a transfer event moves its payment forward only (paid never
// goes back; a late "created" cannot undo a recorded reversal). For account.updated the
// account is read from Stripe when the event is handled, so an older event arriving after a
// newer one still records the account as it is now.

export const HANDLED_EVENT_TYPES = ["account.updated", "transfer.created", "transfer.updated", "transfer.reversed"] as const;

type Outcome = { duplicate: boolean; effect: string };
type Handler = (event: Stripe.Event) => Promise<Outcome>;

/** The delivery should be retried later; `publicMessage` is what Stripe's dashboard shows. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly publicMessage: string,
  ) {
    super(message);
  }
}

// Effects that mean "acknowledged, nothing done": each is logged so someone can look.
const IGNORED = new Set(["unknown_account", "account_missing_at_stripe", "unknown_transfer", "ignored_malformed"]);

const handlers: Record<(typeof HANDLED_EVENT_TYPES)[number], Handler> = {
  "account.updated": async (event) => {
    const { id } = event.data.object as Stripe.Account;
    // why: checked first, so an event about someone else's account never costs a call to Stripe.
    if (!(await isOurAccount(id))) return processStripeEvent(event, async () => "unknown_account");
    // why: read before the transaction, so no database lock waits on the network.
    const account = await readAccount(id);
    if (!account) return processStripeEvent(event, async () => "account_missing_at_stripe");
    return processStripeEvent(event, (tx) => applyAccountState(tx, account, "webhook"));
  },
  "transfer.created": transferHandler,
  "transfer.updated": transferHandler,
  "transfer.reversed": transferHandler,
};

async function readAccount(accountId: string): Promise<Stripe.Account | null> {
  try {
    return await retrieveAccount(accountId);
  } catch (error) {
    // why: Stripe saying no (gone, not ours to read) will say no again; anything else may pass.
    if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripePermissionError) return null;
    throw new RetryLater(`Stripe account ${accountId} could not be read: ${describe(error)}`, "Stripe's API could not be reached; Stripe will retry this event.");
  }
}

async function transferHandler(event: Stripe.Event) {
  const transfer = event.data.object as Stripe.Transfer;
  const outcome = await processStripeEvent(event, (tx) => applyTransferState(tx, transfer, "webhook"));
  if (outcome.effect === "payment_paid") await takeOwedCheckpoint();
  return outcome;
}

function isHandled(type: string): type is (typeof HANDLED_EVENT_TYPES)[number] {
  return (HANDLED_EVENT_TYPES as readonly string[]).includes(type);
}

export async function handleStripeEvent(event: Stripe.Event): Promise<Outcome> {
  try {
    return await handle(event);
  } catch (error) {
    if (error instanceof RetryLater) throw error;
    const id = `Stripe event ${String((event as { id?: unknown } | null)?.id)}`;
    if (isTransientDatabaseError(error) || !(await databaseAnswers())) {
      throw new RetryLater(`${id} could not be saved: ${describe(error)}`, "Our database is unavailable; Stripe will retry this event.");
    }
    // why: our database works, so retrying the same event would fail the same way for days.
    console.error(`${id} ignored: ignored_failed`, error);
    return { duplicate: false, effect: "ignored_failed" };
  }
}

async function handle(event: Stripe.Event): Promise<Outcome> {
  const read = readStripeEvent(event);
  let outcome: Outcome;
  if (!read.ok) {
    console.warn(`Stripe event ${read.id ?? "(no id)"} (${read.type ?? "no type"}) ignored: ${read.reason} (${read.detail})`);
    // why: with a usable id it is recorded once, so the audit log shows what was set aside.
    return read.id && read.type ? processStripeEvent({ id: read.id, type: read.type }, async () => read.reason) : { duplicate: false, effect: read.reason };
  }
  if (isHandled(event.type)) outcome = await handlers[event.type](event);
  else outcome = await processStripeEvent(event, async () => "not_handled");
  if (IGNORED.has(outcome.effect)) console.warn(`Stripe event ${event.id} (${event.type}) ignored: ${outcome.effect}`);
  return outcome;
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

import * as z from "zod";

// What a signed Stripe delivery must look like before we act on it. A correct signature proves
// Stripe (or whoever holds our signing secret) sent the body, not that the body has the shape
// we need; anything we cannot use is acknowledged and ignored with a reason, because an error
// answer makes Stripe retry the same unusable event for days.
//
// Interface:
//   SIGNATURE_TOLERANCE_SECONDS                  how far a signature's time may be from ours
//   signatureTimeProblem(header, nowSeconds)     "future" | "stale" | "no_timestamp" | null
//   readStripeEvent(body, handledTypes)          { ok: true, id, type } | { ok: false, id, type, reason }

/** Stripe's own default: a signature more than 5 minutes old (or ahead) is not accepted. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signature's `t=` (seconds) against our clock, either way: replays and forged futures. */
export function signatureTimeProblem(header: string, nowSeconds: number): "future" | "stale" | "no_timestamp" | null {
  const stamp = header
    .split(",")
    .map((part) => part.trim())
    .find((part) => part.startsWith("t="));
  const seconds = stamp && /^t=\d{1,12}$/.test(stamp) ? Number(stamp.slice(2)) : null;
  if (seconds === null) return "no_timestamp";
  if (seconds - nowSeconds > SIGNATURE_TOLERANCE_SECONDS) return "future";
  if (nowSeconds - seconds > SIGNATURE_TOLERANCE_SECONDS) return "stale";
  return null;
}

const stripeId = z.string().min(1).max(255);
const pence = z.number().int().nonnegative();

const envelope = z.object({ id: stripeId, type: z.string().min(1).max(100) });

// Only the fields our handlers read; everything else Stripe sends passes through untouched.
const objects: Record<string, z.ZodType> = {
  "account.updated": z.looseObject({ id: stripeId.regex(/^acct_/) }),
  "transfer.created": transfer(),
  "transfer.updated": transfer(),
  "transfer.reversed": transfer(),
};

function transfer() {
  return z.looseObject({
    id: stripeId,
    amount: pence,
    amount_reversed: pence,
    reversed: z.boolean(),
    metadata: z.record(z.string(), z.string()).nullish(),
  });
}

export type ReadEvent =
  | { ok: true; id: string; type: string }
  | { ok: false; id: string | null; type: string | null; reason: "ignored_malformed"; detail: string };

/** Whether a verified event's body is one we can act on (handled types) or at least record (others). */
export function readStripeEvent(body: unknown): ReadEvent {
  const head = envelope.safeParse(body);
  if (!head.success) return { ok: false, id: null, type: null, reason: "ignored_malformed", detail: firstIssue(head.error) };
  const { id, type } = head.data;
  const schema = objects[type];
  if (!schema) return { ok: true, id, type };
  const data = z.object({ data: z.object({ object: schema }) }).safeParse(body);
  if (!data.success) return { ok: false, id, type, reason: "ignored_malformed", detail: firstIssue(data.error) };
  return { ok: true, id, type };
}

function firstIssue(error: z.ZodError) {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unreadable";
}

import * as z from "zod";
import { CHECKPOINT_TRIGGERS } from "~/domain/checkpoint-auto";

// Every audited action and the shape of its payload. Payloads are strict: a field that is not
// declared here (a name, an email) cannot reach the hashed log, so erasing personal data
// never breaks the chain. Add a line here when you add an audited action.

const id = z.string().min(1);
const pence = z.number().int();
const bidLanguage = z.enum(["cy", "en"]).optional();
const text = z.string().max(2_000);

// Live session (event, panel, scores, audience): ids, states and numbers only. Free text that
// may name people (conflict reasons, paper-tally notes, comments) stays in its own table.
const liveSlotChange = z.strictObject({ slotId: id, from: z.string(), to: z.string(), phaseEndsAt: z.string().nullable(), pausedRemainingMs: z.number().int().nullable(), lockedAt: z.string().nullable() });
const chairPayload = z.strictObject({ from: z.string(), to: z.string(), currentSlotId: id.nullable(), slots: z.array(liveSlotChange), reason: text.optional(), seconds: z.number().int().optional(), leaveUnheard: z.boolean().optional() });

const ruleBreach = z.strictObject({ rule: z.string(), message: text, by: z.number().int(), unit: z.enum(["pence", "percent", "count"]), exceptionAllowed: z.boolean() });

const instalmentRow = z.strictObject({ position: z.number().int().positive(), plannedOn: z.string().nullable(), amountPence: z.number().int().positive() });

export const AUDIT_PAYLOADS = {
  "user.created": z.strictObject({ roles: z.array(z.string()), via: z.enum(["cli", "admin", "invite", "seed"]) }),
  "user.invited": z.strictObject({ roles: z.array(z.string()), inviteId: id }),
  "user.invite_revoked": z.strictObject({ inviteId: id }),
  "user.roles_changed": z.strictObject({ from: z.array(z.string()), to: z.array(z.string()) }),
  "user.disabled": z.strictObject({ sessionsEnded: z.number().int() }),
  "user.enabled": z.strictObject({}),
  "user.signed_out_everywhere": z.strictObject({ sessionsEnded: z.number().int() }),
  "user.password_changed": z.strictObject({}),
  "user.password_reset_requested": z.strictObject({ by: z.enum(["self", "admin"]) }),
  "user.password_reset": z.strictObject({ sessionsEnded: z.number().int() }),

  "fund.created": z.strictObject({ name: z.string(), potPence: pence, minAwardPence: pence, maxAwardPence: pence, currency: z.string() }),
  "fund.updated": z.strictObject({ changes: z.record(z.string(), z.unknown()) }),
  // why optional: entries written before the round recorded its own words and languages (issue 14) have none.
  "round.created": z.strictObject({ fundId: id, title: z.string(), slug: z.string(), opensAt: z.string(), closesAt: z.string(), description: text.optional(), eligibility: text.optional(), bilingual: z.boolean().optional(), titleCy: z.string().optional(), descriptionCy: text.optional(), eligibilityCy: text.optional() }),
  "round.updated": z.strictObject({ changes: z.record(z.string(), z.unknown()) }),
  "round.bids_exported": z.strictObject({ count: z.number().int(), filter: z.string(), searched: z.boolean(), contacts: z.boolean() }),

  // why optional: entries written before bids recorded their language (issue 14) have none.
  "bid.draft_saved": z.strictObject({ reference: z.string(), version: z.number().int(), language: bidLanguage }),
  "bid.submitted": z.strictObject({ reference: z.string(), version: z.number().int(), amountRequestedPence: pence, language: bidLanguage }),
  "bid.edited": z.strictObject({ reference: z.string(), version: z.number().int(), amountRequestedPence: pence, language: bidLanguage }),
  "bid.withdrawn": z.strictObject({ reference: z.string() }),
  "bid.link_reissued": z.strictObject({ reference: z.string() }),
  "bid.shortlisted": z.strictObject({ reference: z.string(), reason: text }),
  "bid.declined": z.strictObject({ reference: z.string(), reason: text }),
  "bid.status_reset": z.strictObject({ reference: z.string(), from: z.string(), reason: text }),
  "event.created": z.strictObject({ roundId: id, startsAt: z.string(), pitchSeconds: z.number().int(), questionSeconds: z.number().int(), slotCount: z.number().int() }),
  "event.updated": z.strictObject({ changes: z.record(z.string(), z.unknown()) }),
  "event.running_order_changed": z.strictObject({ order: z.array(id), addedBidIds: z.array(id), removedBidIds: z.array(id) }),
  "event.marked_ready": chairPayload,
  "event.back_to_draft": chairPayload,
  "event.started": chairPayload,
  "event.advanced": chairPayload,
  "event.timer_paused": chairPayload,
  "event.timer_resumed": chairPayload,
  "event.timer_extended": chairPayload,
  "event.slot_locked": chairPayload,
  "event.slot_reopened": chairPayload,
  "event.scoring_closed": chairPayload,
  "event.scoring_reopened": chairPayload,
  "event.decided": chairPayload,
  "event.results_revealed": z.strictObject({ state: z.string() }),
  // One chair press of the awards reveal: the steps shown before and after, and the funded bids
  // it put on the screen (never the groups not funded: they are not in the reveal).
  "event.awards_revealed": z.strictObject({ mode: z.enum(["next", "all"]), from: z.number().int(), to: z.number().int(), steps: z.number().int(), bidIds: z.array(id), totalsShown: z.boolean() }),
  "panellist.invited": z.strictObject({ eventId: id, userId: id.nullable() }),
  "panellist.joined": z.strictObject({ eventId: id }),
  "panellist.invite_reissued": z.strictObject({ eventId: id, deviceReleased: z.boolean() }),
  "panellist.revoked": z.strictObject({ eventId: id }),
  "conflict.declared": z.strictObject({ eventId: id, panellistId: id, bidId: id, declaredBy: z.enum(["panellist", "organiser"]) }),
  "conflict.withdrawn": z.strictObject({ eventId: id, panellistId: id, bidId: id }),
  "score.submitted": z.strictObject({ eventId: id, panellistId: id, bidId: id, slotId: id, slotState: z.string(), version: z.number().int(), items: z.array(z.strictObject({ criterionId: id, value: z.number().int() })), commentLength: z.number().int(), clientMutationId: id }),
  "audience.tickets_generated": z.strictObject({ eventId: id, count: z.number().int(), total: z.number().int() }),
  "audience.ballot_cast": z.strictObject({ eventId: id, ticketId: id.nullable(), bidIds: z.array(id), points: z.number().int(), previousBidIds: z.array(id), mutationId: id }),
  "paper_tally.entered": z.strictObject({ eventId: id, bidId: id, entry: z.enum(["first", "second"]), count: z.number().int(), status: z.string() }),
  "paper_tally.resolved": z.strictObject({ eventId: id, bidId: id, count: z.number().int(), firstCount: z.number().int(), secondCount: z.number().int() }),

  // Decisions, awards, payments: ids, amounts, states and the funder's reasons; never contact details.
  "decision.confirmed": z.strictObject({ eventId: id, bidId: id, reference: z.string(), outcome: z.string(), amountPence: pence, proposedOutcome: z.string(), proposedAmountPence: pence, feedbackLength: z.number().int() }),
  "decision.overridden": z.strictObject({ eventId: id, bidId: id, reference: z.string(), outcome: z.string(), amountPence: pence, proposedOutcome: z.string(), proposedAmountPence: pence, overrideReason: text, feedbackLength: z.number().int() }),
  "award.created": z.strictObject({ decisionId: id, bidId: id, reference: z.string(), amountPence: pence, potPence: pence, committedPence: pence, conditionsLength: z.number().int() }),
  "award.accepted": z.strictObject({ bidId: id, via: z.enum(["group", "staff"]) }),
  "award.cancelled": z.strictObject({ bidId: id, amountPence: pence, from: z.string(), reason: text }),
  // instalment: its position in the award's payment schedule (absent before schedules existed).
  "payment.requested": z.strictObject({ awardId: id, method: z.string(), amountPence: pence, idempotencyKey: z.string(), instalment: z.number().int().positive().optional() }),
  "payment.approved": z.strictObject({ awardId: id, method: z.string(), amountPence: pence, requestedById: id, decidedById: id }),
  "payment.sent": z.strictObject({ awardId: id, amountPence: pence, idempotencyKey: z.string(), destination: z.string() }),
  "payment.send_refused": z.strictObject({ awardId: id, idempotencyKey: z.string(), code: z.string(), next: z.enum(["SAME_KEY", "NEW_KEY"]), nextIdempotencyKey: z.string() }),
  "payment.paid": z.strictObject({ awardId: id, amountPence: pence, providerId: z.string(), via: z.enum(["api", "webhook", "check"]) }),
  "payment.failed": z.strictObject({ awardId: id, amountPence: pence, providerId: z.string().nullable(), code: z.string(), reason: text, via: z.enum(["api", "webhook", "staff"]) }),
  "payment.manual_recorded": z.strictObject({ awardId: id, method: z.string(), amountPence: pence, reference: z.string(), paidOn: z.string() }),
  "recipient.onboarding_started": z.strictObject({ bidId: id, accountId: z.string(), newAccount: z.boolean() }),
  "recipient.updated": z.strictObject({ bidId: id, accountId: z.string(), payoutsEnabled: z.boolean(), detailsSubmitted: z.boolean(), via: z.enum(["webhook", "check"]) }),
  "stripe.event_processed": z.strictObject({ eventId: z.string(), type: z.string(), effect: z.string() }),

  // After the award: the end-of-grant report and money sent back (figures only; never the contact).
  "grant_report.submitted": z.strictObject({ awardId: id, bidId: id, spentPence: pence, underspendPence: pence, participants: z.number().int().nullable(), photoCount: z.number().int() }),
  "grant_report.accepted": z.strictObject({ awardId: id, messageLength: z.number().int() }),
  "grant_report.more_requested": z.strictObject({ awardId: id, message: text }),
  "grant.money_returned": z.strictObject({ awardId: id, amountPence: pence, totalReturnedPence: pence, returnedOn: z.string() }),

  // Audit and personal data: checkpoints name entries by number and hash; erasure and export name
  // the group only by its pseudonymous id, so the log says what happened without saying to whom.
  // Taken by Pitchday itself ("auto"): what called for it, and how many auditors it was emailed to.
  "audit.checkpoint_created": z.strictObject({
    checkpointId: id,
    via: z.enum(["web", "cli", "auto"]),
    triggers: z.array(z.enum(CHECKPOINT_TRIGGERS)).optional(),
    auditorsMailed: z.number().int().optional(),
  }),
  "personal_data.exported": z.strictObject({ pseudonymId: id }),
  "personal_data.erased": z.strictObject({ pseudonymId: id, reason: z.enum(["request", "objection", "no_longer_needed", "retention"]), note: text.optional(), retentionMonths: z.number().int().optional(), mailRedacted: z.number().int() }),

  // A decision that breaks the round's declared rules, recorded as an exception (the fund allows
  // them), and a second funder's approval of it: which rules, by how much, and the reason.
  "decision.rule_breach_recorded": z.strictObject({ eventId: id, bidId: id, reference: z.string(), outcome: z.string(), amountPence: pence, breaches: z.array(ruleBreach), exceptionReason: text }),
  "decision.rule_exception_approved": z.strictObject({ eventId: id, bidId: id, reference: z.string(), outcome: z.string(), amountPence: pence, decidedById: id, breaches: z.array(ruleBreach) }),
  // Bank details (payee): only their fingerprint (an HMAC), never a name, sort code or number.
  "payee.details_saved": z.strictObject({ bidId: id, kind: z.enum(["BANK", "CHEQUE"]), party: z.enum(["GROUP", "PARENT"]), fingerprint: z.string(), previousFingerprint: z.string().nullable(), approvalsWithdrawn: z.array(id) }),
  "payee.details_viewed": z.strictObject({ bidId: id, awardId: id, fingerprint: z.string(), purpose: z.enum(["prepare_payment", "bulk_file"]) }),
  "payment.approval_withdrawn": z.strictObject({ awardId: id, method: z.string(), amountPence: pence, approvedById: id, reason: z.literal("payee_details_changed"), fingerprint: z.string() }),
  "payment.batch_exported": z.strictObject({ batchId: id, paymentIds: z.array(id), totalPence: pence, fileSha256: z.string(), format: z.string() }),
  "payment.batch_confirmed": z.strictObject({ batchId: id, paidPaymentIds: z.array(id), skippedPaymentIds: z.array(id), paidOn: z.string() }),
  "payment.batch_downloaded": z.strictObject({ batchId: id, fileSha256: z.string() }),
  "payment.batch_cancelled": z.strictObject({ batchId: id, paymentIds: z.array(id), reason: text }),
  // BANK_DETAILS_KEY rotated: every row re-sealed; fingerprints change with the key, so each old one is paired with its new one.
  "payee.key_rotated": z.strictObject({ rows: z.number().int(), erasedRows: z.number().int(), fingerprints: z.array(z.strictObject({ from: z.string(), to: z.string() })) }),
  // An award's payment schedule changed: every instalment before and after (plannedOn null: on
  // acceptance); `fixed` of them were paid or under way and could not change.
  "award.schedule_set": z.strictObject({ awardId: id, amountPence: pence, fixed: z.number().int(), before: z.array(instalmentRow), after: z.array(instalmentRow) }),
} as const;

export type AuditAction = keyof typeof AUDIT_PAYLOADS;
export type AuditPayload<A extends AuditAction> = z.infer<(typeof AUDIT_PAYLOADS)[A]>;

export type AuditActor =
  | { type: "user"; id: string }
  | { type: "group"; id: string }
  | { type: "panellist"; id: string }
  | { type: "audience"; id: string }
  | { type: "system"; id?: null };

export function parseAuditPayload<A extends AuditAction>(action: A, payload: unknown): AuditPayload<A> {
  const schema = AUDIT_PAYLOADS[action];
  if (!schema) throw new Error(`Unknown audit action "${action}": declare it in audit-events.ts.`);
  return schema.parse(payload) as AuditPayload<A>;
}

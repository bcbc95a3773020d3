import { z } from "zod";

// Every audited action and the shape of its payload. Payloads are strict: a field that is not
// declared here (a name, an email) cannot reach the hashed log, so erasing personal data
// never breaks the chain. Add a line here when you add an audited action.

const id = z.string().min(1);
const pence = z.number().int();
const text = z.string().max(2_000);

export const AUDIT_PAYLOADS = {
  "user.created": z.strictObject({ roles: z.array(z.string()), via: z.enum(["cli", "admin", "invite", "seed"]) }),
  "user.invited": z.strictObject({ roles: z.array(z.string()), inviteId: id }),
  "user.invite_revoked": z.strictObject({ inviteId: id }),
  "user.roles_changed": z.strictObject({ from: z.array(z.string()), to: z.array(z.string()) }),
  "user.disabled": z.strictObject({ sessionsEnded: z.number().int() }),
  "user.enabled": z.strictObject({}),
  "user.signed_out_everywhere": z.strictObject({ sessionsEnded: z.number().int() }),
  "user.password_changed": z.strictObject({}),

  "fund.created": z.strictObject({ name: z.string(), potPence: pence, minAwardPence: pence, maxAwardPence: pence, currency: z.string() }),
  "fund.updated": z.strictObject({ changes: z.record(z.string(), z.unknown()) }),
  "round.created": z.strictObject({ fundId: id, title: z.string(), slug: z.string(), opensAt: z.string(), closesAt: z.string() }),
  "round.updated": z.strictObject({ changes: z.record(z.string(), z.unknown()) }),
  "round.bids_exported": z.strictObject({ count: z.number().int(), filter: z.string(), searched: z.boolean() }),

  "bid.draft_saved": z.strictObject({ reference: z.string(), version: z.number().int() }),
  "bid.submitted": z.strictObject({ reference: z.string(), version: z.number().int(), amountRequestedPence: pence }),
  "bid.edited": z.strictObject({ reference: z.string(), version: z.number().int(), amountRequestedPence: pence }),
  "bid.withdrawn": z.strictObject({ reference: z.string() }),
  "bid.link_reissued": z.strictObject({ reference: z.string() }),
  "bid.shortlisted": z.strictObject({ reference: z.string(), reason: text }),
  "bid.declined": z.strictObject({ reference: z.string(), reason: text }),
  "bid.status_reset": z.strictObject({ reference: z.string(), from: z.string(), reason: text }),
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

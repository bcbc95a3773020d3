import { createHash } from "node:crypto";
import { canonicalJson, type Json } from "~/domain/canonical-json";

// A hash chain over the audit log: each entry's hash covers its own content and the previous
// entry's hash, so changing, deleting or reordering any entry breaks every hash after it.

export const GENESIS_HASH = "0".repeat(64);

export interface AuditContent {
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: Json;
}

export interface AuditRecord extends AuditContent {
  prevHash: string;
  hash: string;
}

export function hashEntry(content: AuditContent, prevHash: string): string {
  const canonical = canonicalJson({
    seq: content.seq,
    at: content.at.toISOString(),
    actorType: content.actorType,
    actorId: content.actorId,
    action: content.action,
    subjectType: content.subjectType,
    subjectId: content.subjectId,
    payload: content.payload,
    prevHash,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * An entry's canonical JSON (what hashEntry hashes) around its place in the chain: the text is
 * before + prevHash + CHAIN_TEMPLATE_MIDDLE + seq + after. With it the database can hash an
 * entry at the moment it gives it a place (see the migration audit_chain_at_commit), and the
 * result is the hash verifyChain() expects. Keys sort as action, actorId, actorType, at,
 * payload, prevHash, seq, subjectId, subjectType: prevHash and seq are neighbours.
 */
export interface ChainTemplate {
  before: string;
  after: string;
}

export const CHAIN_TEMPLATE_MIDDLE = '","seq":';

export function chainTemplate(content: Omit<AuditContent, "seq">): ChainTemplate {
  const head = canonicalJson({
    action: content.action,
    actorId: content.actorId,
    actorType: content.actorType,
    at: content.at.toISOString(),
    payload: content.payload,
  });
  const tail = canonicalJson({ subjectId: content.subjectId, subjectType: content.subjectType });
  return { before: `${head.slice(0, -1)},"prevHash":"`, after: `,${tail.slice(1)}` };
}

/** The hash of an entry from its template (what the database computes). */
export function hashFromTemplate(template: ChainTemplate, prevHash: string, seq: number): string {
  return createHash("sha256").update(`${template.before}${prevHash}${CHAIN_TEMPLATE_MIDDLE}${seq}${template.after}`).digest("hex");
}

/** The next link: its sequence number, previous hash and hash follow from the last one. */
export function nextEntry(
  last: Pick<AuditRecord, "seq" | "hash"> | null,
  content: Omit<AuditContent, "seq">,
): AuditRecord {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : GENESIS_HASH;
  const full = { ...content, seq };
  return { ...full, prevHash, hash: hashEntry(full, prevHash) };
}

export type VerifyResult =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; count: number; firstBadSeq: number; index: number; reason: string };

/**
 * Recomputes the chain. `entries` must be in the order the database returns by seq;
 * the first entry that does not follow from the one before is named. With `after` (a head
 * already verified), `entries` are the ones that follow it.
 */
export function verifyChain(entries: readonly AuditRecord[], after: { seq: number; hash: string } | null = null): VerifyResult {
  let prev: Pick<AuditRecord, "seq" | "hash"> | null = after;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const expectedSeq = prev ? prev.seq + 1 : 1;
    const bad = (reason: string): VerifyResult => ({
      ok: false,
      count: entries.length,
      firstBadSeq: entry.seq,
      index,
      reason,
    });
    if (entry.seq !== expectedSeq) {
      return bad(`expected entry ${expectedSeq} here but found ${entry.seq}: an entry was deleted or reordered`);
    }
    const expectedPrev = prev ? prev.hash : GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      return bad("its previous-hash does not match the entry before it");
    }
    if (hashEntry(entry, entry.prevHash) !== entry.hash) {
      return bad("its content does not match its hash: it was changed after it was written");
    }
    prev = entry;
  }
  return {
    ok: true,
    count: entries.length,
    head: prev ? { seq: prev.seq, hash: prev.hash } : null,
  };
}

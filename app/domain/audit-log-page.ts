import type { VerifyResult } from "~/domain/audit-chain";
import { actionGroups, describeAction, describeActor, describePayload, formatAuditTime, subjectKind, subjectLink, type ActorView } from "~/domain/audit-describe";
import { AUDIT_PAGE_SIZE } from "~/domain/audit-filter";
import { describeVerdict, shortHash, type CheckpointVerdict } from "~/domain/checkpoint";
import { formatMoney } from "~/domain/money";
import type { Permission } from "~/domain/permissions";
import { formatDateTime } from "~/domain/zoned-time";

// The auditor's log page as the browser needs it: the chain's state, the filter lists and one
// page of entries, every fact already in words, links only to pages this auditor may open.
// Pure: the loader passes what the models read, who may see what, and the time of the check.
//
// Interface:
//   auditLogPageView(input, { allowed, now, timeZone }) -> AuditLogPageView

/** The parts of an entry the page reads (models/audit-log.server.ts readEntries fits it). */
export interface AuditEntryInput {
  seq: number;
  at: Date;
  hash: string;
  action: string;
  payload: unknown;
  actor: ActorView & { id: string | null };
  subject: { type: string; id: string; name: string | null };
}

export interface AuditLogInput {
  state: {
    chain: VerifyResult;
    latest: { checkpoint: { seq: number; hash: string; createdAt: Date }; verdict: CheckpointVerdict } | null;
  };
  options: {
    actions: string[];
    users: { id: string; name: string }[];
    events: { id: string; title: string; startsAt: Date; round: { title: string } }[];
  };
  /** The one currency the funds use; null when they differ (amounts then shown in pence). */
  currency: string | null;
  /** Null when the filters did not parse. */
  page: { entries: AuditEntryInput[]; total: number; page: number; pageCount: number } | null;
}

interface ViewContext {
  allowed: (permission: Permission) => boolean;
  now: Date;
  timeZone: string;
}

export function auditLogPageView({ state, options, currency, page }: AuditLogInput, { allowed, now, timeZone }: ViewContext) {
  const money = (pence: number) => (currency ? formatMoney(pence, currency) : `${pence} pence`);
  const href = (type: string, id: string) => subjectLink(type, id, allowed);
  const { chain, latest } = state;
  return {
    checkedAt: formatAuditTime(now, timeZone),
    chain: chain.ok
      ? { ok: true as const, count: chain.count, head: chain.head && { seq: chain.head.seq, hash: shortHash(chain.head.hash) } }
      : { ok: false as const, firstBadSeq: chain.firstBadSeq, reason: chain.reason },
    latest: latest && {
      seq: latest.checkpoint.seq,
      hash: shortHash(latest.checkpoint.hash),
      at: formatDateTime(latest.checkpoint.createdAt, timeZone),
      ok: latest.verdict.ok,
      verdict: describeVerdict(latest.verdict),
    },
    options: {
      events: options.events.map((e) => ({ value: e.id, label: `${e.title} (${e.round.title}, ${formatDateTime(e.startsAt, timeZone)})` })),
      staff: options.users.map((u) => ({ value: `user:${u.id}`, label: u.name })),
      actions: actionGroups(options.actions),
    },
    page: page && {
      number: page.page,
      count: page.pageCount,
      total: page.total,
      first: page.total === 0 ? 0 : (page.page - 1) * AUDIT_PAGE_SIZE + 1,
      last: (page.page - 1) * AUDIT_PAGE_SIZE + page.entries.length,
    },
    entries: (page?.entries ?? []).map((entry) => ({
      seq: entry.seq,
      at: formatAuditTime(entry.at, timeZone),
      hash: shortHash(entry.hash),
      what: describeAction(entry.action),
      action: entry.action,
      who: describeActor(entry.actor),
      whoFilter: entry.actor.type === "system" || !entry.actor.id ? null : `${entry.actor.type}:${entry.actor.id}`,
      subject: {
        kind: subjectKind(entry.subject.type).label,
        name: entry.subject.name ?? entry.subject.id,
        href: href(entry.subject.type, entry.subject.id),
      },
      payload: describePayload(entry.action, entry.payload, { money, timeZone }).map((row) => ({
        key: row.key,
        label: row.label,
        value: row.value,
        parts: row.parts,
        href: row.link ? href(row.link.type, row.link.id) : null,
      })),
    })),
  };
}

export type AuditLogPageView = ReturnType<typeof auditLogPageView>;
export type AuditEntryView = AuditLogPageView["entries"][number];
export type AuditPageInfo = NonNullable<AuditLogPageView["page"]>;

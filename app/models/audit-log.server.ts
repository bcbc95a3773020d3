import { db } from "~/db.server";
import { AUDIT_PAYLOADS } from "~/domain/audit-events";
import { AUDIT_PAGE_SIZE, type AuditFilter } from "~/domain/audit-filter";
import type { Prisma } from "~/generated/prisma/client";

// The auditor's reading of the log: filtered, newest first, a page at a time, with the names
// of the people and things each entry points at looked up (the log itself holds only ids).

function whereFor(filter: AuditFilter): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (filter.eventId) {
    // why the payload too: scores, conflicts, votes and decisions name their event there.
    and.push({
      OR: [
        { subjectType: "event", subjectId: filter.eventId },
        { payload: { path: ["eventId"], equals: filter.eventId } },
      ],
    });
  }
  if (filter.actorType) and.push({ actorType: filter.actorType });
  if (filter.actorId) and.push({ actorId: filter.actorId });
  if (filter.action) and.push({ action: filter.action });
  if (filter.from) and.push({ at: { gte: filter.from } });
  if (filter.before) and.push({ at: { lt: filter.before } });
  return and.length ? { AND: and } : {};
}

export interface AuditLogPage {
  entries: Awaited<ReturnType<typeof readEntries>>;
  total: number;
  page: number;
  pageCount: number;
}

export async function listAuditLog(filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
  const where = whereFor(filter);
  const total = await db().auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // why clamp: a bookmarked page 9 of a log filtered down to 2 pages shows the last page.
  const page = Math.min(filter.page, pageCount);
  const rows = await db().auditEntry.findMany({
    where,
    orderBy: { seq: "desc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { entries: await readEntries(rows), total, page, pageCount };
}

type Row = Awaited<ReturnType<ReturnType<typeof db>["auditEntry"]["findMany"]>>[number];

/** Each entry with the name of who did it and of what it changed, where those still exist. */
async function readEntries(rows: Row[]) {
  const ids = (type: string) => [
    ...new Set([
      ...rows.filter((r) => r.actorType === (type === "bid" ? "group" : type) && r.actorId).map((r) => r.actorId as string),
      ...rows.filter((r) => r.subjectType === type).map((r) => r.subjectId),
    ]),
  ];
  const [users, bids, rounds, funds, events] = await Promise.all([
    named(ids("user"), (id) => db().user.findMany({ where: { id: { in: id } }, select: { id: true, name: true } }), (u) => u.name),
    named(ids("bid"), (id) => db().bid.findMany({ where: { id: { in: id } }, select: { id: true, reference: true } }), (b) => b.reference),
    named(ids("round"), (id) => db().round.findMany({ where: { id: { in: id } }, select: { id: true, title: true } }), (r) => r.title),
    named(ids("fund"), (id) => db().fund.findMany({ where: { id: { in: id } }, select: { id: true, name: true } }), (f) => f.name),
    named(ids("event"), (id) => db().event.findMany({ where: { id: { in: id } }, select: { id: true, title: true } }), (e) => e.title),
  ]);
  const names: Record<string, Map<string, string>> = { user: users, bid: bids, round: rounds, fund: funds, event: events };
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    hash: row.hash,
    action: row.action,
    payload: row.payload,
    actor: {
      type: row.actorType,
      id: row.actorId,
      name: row.actorType === "user" ? (users.get(row.actorId ?? "") ?? null) : row.actorType === "group" ? (bids.get(row.actorId ?? "") ?? null) : null,
    },
    subject: { type: row.subjectType, id: row.subjectId, name: names[row.subjectType]?.get(row.subjectId) ?? null },
  }));
}

async function named<T extends { id: string }>(ids: string[], find: (ids: string[]) => Promise<T[]>, name: (row: T) => string) {
  if (ids.length === 0) return new Map<string, string>();
  return new Map((await find(ids)).map((row) => [row.id, name(row)]));
}

/** What the filter lists offer: every declared action (and any older ones in the log), staff, events. */
export async function auditFilterOptions() {
  const [used, users, events] = await Promise.all([
    db().auditEntry.groupBy({ by: ["action"] }),
    db().user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    db().event.findMany({
      select: { id: true, title: true, startsAt: true, round: { select: { title: true } } },
      orderBy: { startsAt: "desc" },
    }),
  ]);
  const actions = [...new Set([...Object.keys(AUDIT_PAYLOADS), ...used.map((u) => u.action)])];
  return { actions, users, events };
}

/** The one currency the funds use, for amounts in payloads; null when funds differ (shown in pence then). */
export async function logCurrency(): Promise<string | null> {
  const currencies = await db().fund.groupBy({ by: ["currency"] });
  if (currencies.length === 0) return "GBP";
  return currencies.length === 1 ? currencies[0].currency : null;
}

import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { findFilter, type BidListQuery } from "~/domain/bid-review";
import type { Prisma } from "~/generated/prisma/client";
import { appendAudit, auditEntriesFor } from "~/models/audit.server";
import { roundBidCounts } from "~/models/round.server";

// What organisers, funders and auditors read about bids. Contact details are personal data:
// they are read here only for the bid page and the organiser's CSV, never for lists.

function whereFor(roundId: string, query: BidListQuery): Prisma.BidWhereInput {
  const filter = findFilter(query.status);
  const where: Prisma.BidWhereInput = { roundId, status: { in: [...filter.statuses] } };
  if (query.q) {
    where.OR = [
      { reference: { contains: query.q, mode: "insensitive" } },
      { groupName: { contains: query.q, mode: "insensitive" } },
    ];
  }
  return where;
}

// why this order: the organiser works through bids as they arrived; drafts have no submission
// time, so they follow by when they were started.
const LIST_ORDER: Prisma.BidOrderByWithRelationInput[] = [
  { submittedAt: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
];

/** One tab of a round's bid list, with the count for every tab. */
export async function listRoundBids(roundId: string, query: BidListQuery) {
  const [bids, counts] = await Promise.all([
    db().bid.findMany({
      where: whereFor(roundId, query),
      orderBy: LIST_ORDER,
      select: {
        id: true,
        reference: true,
        status: true,
        groupName: true,
        projectTitle: true,
        language: true,
        amountRequestedPence: true,
        submittedAt: true,
        updatedAt: true,
      },
    }),
    roundBidCounts(roundId),
  ]);
  return { bids, counts: counts.byFilter };
}

/** Everything about one bid for the staff bid page: the bid, its budget, contact, versions and audit trail. */
export async function getBidForReview(bidId: string) {
  const bid = await db().bid.findUnique({
    where: { id: bidId },
    include: {
      round: { include: { fund: true } },
      contact: true,
      budgetLines: { orderBy: { position: "asc" } },
      versions: { orderBy: { version: "desc" } },
      slots: { select: { position: true, state: true, event: { select: { id: true, title: true, state: true } } } },
      decision: { select: { outcome: true, amountPence: true, decidedAt: true } },
    },
  });
  if (!bid) return null;
  const audit = await auditEntriesFor("bid", bid.id);
  const userIds = [...new Set(audit.filter((e) => e.actorType === "user" && e.actorId).map((e) => e.actorId as string))];
  const users = userIds.length
    ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const trail = audit.map((e) => ({
    seq: e.seq,
    at: e.at,
    action: e.action,
    payload: e.payload as Record<string, unknown>,
    actor: e.actorType === "user" ? (names.get(e.actorId ?? "") ?? "A staff member") : e.actorType,
  }));
  return { bid, trail };
}

/**
 * The bids of one round for a spreadsheet, with contact details when asked (organisers only),
 * and an audit entry saying who downloaded them (it records how many, not whose).
 */
export async function exportRoundBids(
  roundId: string,
  query: BidListQuery,
  options: { withContacts: boolean },
  actor: AuditActor,
) {
  return db().$transaction(async (tx) => {
    const round = await tx.round.findUnique({ where: { id: roundId }, include: { fund: true } });
    if (!round) return null;
    const bids = await tx.bid.findMany({
      where: whereFor(roundId, query),
      orderBy: LIST_ORDER,
      include: { contact: options.withContacts },
    });
    await appendAudit(tx, {
      actor,
      action: "round.bids_exported",
      subject: { type: "round", id: roundId },
      payload: {
        count: bids.length,
        filter: findFilter(query.status).key,
        searched: query.q !== "",
        contacts: options.withContacts,
      },
    });
    return { round, bids };
  });
}

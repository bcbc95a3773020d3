import { db } from "~/db.server";
import { sumPence } from "~/domain/money";
import {
  buildThreeSixtyPackage,
  toThreeSixtyCsv,
  type ThreeSixtyAward,
  type ThreeSixtyFund,
  type ThreeSixtyPackage,
} from "~/domain/three-sixty";
import { fundPackage } from "~/domain/three-sixty-fund";
import { disbursedPence, grantState, GRANT_STATE_LABELS } from "~/domain/grant-state";
import { describeSchedule, instalmentProgress, plannedPeriod, scheduleOf } from "~/domain/instalments";
import { threeSixtyProblems } from "~/standards/360giving/validate";

// A fund's (or one round's) awards as 360Giving open data: the JSON package and the flat CSV.
// Awards count once offered and until cancelled; the amount disbursed is what has been paid, less
// what the group returned. With it go the planned dates and instalments, each payment made, and
// what became of the grant (see app/domain/three-sixty.ts for where each goes in the standard).
// The award date is the day the funder decided, where the fund is. Nothing personal is read:
// no contact details, no signed names, no panellists (see app/domain/three-sixty.ts). Where the
// group named its parent organisation as payee, the parent is the recipient (the bank details
// stay sealed: only who is paid is read).
//
// Interface (null: no such fund or round):
//   fundOpenData(fundId, { now, license? })   -> { name, grants, awardedPence, disbursedPence, package, csv, problems } | null
//                                                problems: where the package fails the official schema ([] when valid)
//   roundOpenData(roundId, { now, license? }) -> the same for one round
//   openDataFunds()                            -> every fund with how many grants it would publish

interface Options {
  now: Date;
  license?: string;
}

const fundSelect = { id: true, name: true, funderName: true, funderOrgId: true, grantIdPrefix: true, currency: true, timeZone: true, reportDueMonths: true } as const;

const awardSelect = {
  amountPence: true,
  status: true,
  createdAt: true,
  acceptedAt: true,
  decision: { select: { decidedAt: true } },
  payments: { orderBy: { createdAt: "asc" }, select: { id: true, instalmentId: true, status: true, amountPence: true, paidOn: true, updatedAt: true } },
  instalments: { orderBy: { position: "asc" }, select: { id: true, position: true, plannedOn: true, amountPence: true, updatedAt: true } },
  report: { select: { status: true, returnedPence: true, updatedAt: true } },
  bid: {
    select: {
      reference: true,
      pseudonymId: true,
      projectTitle: true,
      summary: true,
      groupName: true,
      charityNumber: true,
      companyNumber: true,
      parentOrgName: true,
      area: true,
      amountRequestedPence: true,
      payeeDetails: { where: { replacedAt: null }, select: { party: true } },
    },
  },
} as const;

type AwardRow = Awaited<ReturnType<typeof awardsWhere>>[number];

function awardsWhere(roundId: string) {
  return db().award.findMany({ where: { status: { not: "CANCELLED" }, bid: { roundId } }, select: awardSelect });
}

interface Context {
  now: Date;
  currency: string;
  reportDueMonths: number;
}

function toAward(row: AwardRow, context: Context): ThreeSixtyAward {
  const paid = row.payments.filter((p) => p.status === "PAID");
  const times = [
    row.createdAt,
    row.decision.decidedAt,
    row.acceptedAt,
    row.report?.updatedAt ?? null,
    ...row.payments.map((p) => p.updatedAt),
    ...row.instalments.map((i) => i.updatedAt),
  ].filter((t): t is Date => t !== null);
  const facts = {
    awardStatus: row.status,
    awardPence: row.amountPence,
    payments: row.payments,
    report: row.report ? { status: row.report.status, returnedPence: row.report.returnedPence } : null,
    reportDueMonths: context.reportDueMonths,
  };
  const progress = instalmentProgress(scheduleOf(row.amountPence, row.instalments), row.payments);
  const state = grantState(facts, context.now);
  return {
    bidReference: row.bid.reference,
    pseudonymId: row.bid.pseudonymId,
    projectTitle: row.bid.projectTitle,
    summary: row.bid.summary,
    groupName: row.bid.groupName,
    charityNumber: row.bid.charityNumber,
    companyNumber: row.bid.companyNumber,
    paidToParent: row.bid.payeeDetails[0]?.party === "PARENT" ? row.bid.parentOrgName : null,
    area: row.bid.area,
    amountRequestedPence: row.bid.amountRequestedPence,
    amountAwardedPence: row.amountPence,
    // why less returned: 360Giving's amountDisbursed is what the recipient kept of the grant.
    amountDisbursedPence: disbursedPence(facts),
    awardedAt: row.decision.decidedAt,
    modifiedAt: new Date(Math.max(...times.map((t) => t.getTime()))),
    planned: {
      ...plannedPeriod(progress, { awardedOn: row.decision.decidedAt, reportDueMonths: context.reportDueMonths }),
      instalments: `${progress.length === 1 ? "One payment" : `${progress.length} instalments`}: ${describeSchedule(progress, context.currency)}`,
    },
    disbursements: paid.map((p) => ({ day: p.paidOn ?? p.updatedAt, pence: p.amountPence })),
    outcome: {
      state,
      label: GRANT_STATE_LABELS[state],
      reportAccepted: row.report?.status === "ACCEPTED",
      returnedPence: row.report?.returnedPence ?? 0,
    },
  };
}

function result(name: string, pkg: ThreeSixtyPackage, awards: ThreeSixtyAward[], fund: { currency: string; timeZone: string }) {
  return {
    name,
    currency: fund.currency,
    timeZone: fund.timeZone,
    grants: pkg.grants.length,
    awardedPence: sumPence(awards.map((a) => a.amountAwardedPence)),
    disbursedPence: sumPence(awards.map((a) => a.amountDisbursedPence)),
    package: pkg,
    csv: toThreeSixtyCsv(pkg),
    // why here: the CSV is the same grants flattened, so a valid package means a valid pair.
    problems: threeSixtyProblems(pkg),
  };
}

export type OpenData = ReturnType<typeof result>;

function threeSixtyFund(fund: { funderName: string; funderOrgId: string; grantIdPrefix: string; currency: string; timeZone: string }): ThreeSixtyFund {
  const { funderName, funderOrgId, grantIdPrefix, currency, timeZone } = fund;
  return { funderName, funderOrgId, grantIdPrefix, currency, timeZone };
}

export async function fundOpenData(fundId: string, options: Options): Promise<OpenData | null> {
  const fund = await db().fund.findUnique({
    where: { id: fundId },
    select: { ...fundSelect, rounds: { orderBy: { opensAt: "asc" }, select: { id: true, title: true, slug: true } } },
  });
  if (!fund) return null;
  const rounds = await Promise.all(
    fund.rounds.map(async (round) => ({ round: { title: round.title, slug: round.slug }, awards: (await awardsWhere(round.id)).map((row) => toAward(row, { ...options, ...fund })) })),
  );
  const pkg = fundPackage({ fund: { ...threeSixtyFund(fund), id: fund.id, name: fund.name }, rounds, now: options.now, license: options.license });
  return result(fund.name, pkg, rounds.flatMap((r) => r.awards), fund);
}

export async function roundOpenData(roundId: string, options: Options): Promise<OpenData | null> {
  const round = await db().round.findUnique({ where: { id: roundId }, select: { id: true, title: true, slug: true, fund: { select: fundSelect } } });
  if (!round) return null;
  const awards = (await awardsWhere(round.id)).map((row) => toAward(row, { ...options, ...round.fund }));
  const pkg = buildThreeSixtyPackage({
    fund: threeSixtyFund(round.fund),
    round: { title: round.title, slug: round.slug },
    awards,
    now: options.now,
    license: options.license,
  });
  return result(`${round.fund.name}, ${round.title}`, pkg, awards, round.fund);
}

export async function openDataFunds() {
  const funds = await db().fund.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      rounds: { select: { _count: { select: { bids: { where: { award: { is: { status: { not: "CANCELLED" } } } } } } } } },
    },
  });
  return funds.map((fund) => ({ id: fund.id, name: fund.name, grants: fund.rounds.reduce((sum, r) => sum + r._count.bids, 0) }));
}

import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { poundsCell, toCsv } from "~/domain/csv";
import type { Pence } from "~/domain/money";

// Awards as 360Giving open data (Data Standard 1.4.3): a JSON package and the flat CSV layout
// that 360Giving's templates and GrantNav use. Published data, so nothing personal goes in:
// no contact names, emails or phone numbers, and organisations without a charity or company
// number are identified by the bid's pseudonymous id, never by anything about a person.
// Amounts are pounds as numbers (the standard's choice); they come from integer pence.
//
// A group paid through its parent organisation (a fiscal host: it gave the parent's bank details
// as the payee) has the parent as recipientOrganization, since that is who received the money.
// The standard has no field for the group the grant is for (beneficiaryLocation is a place), so
// the group is named twice: in words at the end of the description, which GrantNav shows, and
// as additional data, `beneficiaryOrganization` (columns "Beneficiary Org:Identifier" and
// "Beneficiary Org:Name" in the CSV). The schema allows fields of a publisher's own, so the
// package still validates; 360Giving's tools list them as additional data.
//
// The months after the award: the standard's plannedDates (one period: from the first instalment
// until the end-of-grant report is due, its duration in months, and the instalment schedule in
// words as its description) and disbursementTransaction (each payment made, by day and amount);
// amountDisbursed is what was paid less what the group returned. What became of the grant (paid,
// report accepted, closed, money returned) has no place in the standard, so it is additional
// data, `grantOutcome` (columns "Grant Outcome:..." in the CSV).

export interface ThreeSixtyFund {
  funderName: string;
  /** The funder's org-id.guide identifier, e.g. GB-CHC-1234567. */
  funderOrgId: string;
  /** The funder's registered 360Giving prefix, e.g. 360G-thornburytc. */
  grantIdPrefix: string;
  currency: string;
  /** Award dates are the day of the decision where the fund is. */
  timeZone: string;
}

export interface ThreeSixtyRound {
  title: string;
  slug: string;
}

export interface ThreeSixtyAward {
  bidReference: string;
  /** Bid.pseudonymId: stays after contact details are erased. */
  pseudonymId: string;
  projectTitle: string;
  summary: string;
  groupName: string;
  charityNumber: string | null;
  companyNumber: string | null;
  /** The parent organisation named as payee (a fiscal host); null when the group is paid. */
  paidToParent: string | null;
  /** Where the beneficiaries are, as the group described it; empty when unknown. */
  area: string;
  amountRequestedPence: Pence | null;
  amountAwardedPence: Pence;
  amountDisbursedPence: Pence;
  awardedAt: Date;
  modifiedAt: Date;
  /** When the funded work is planned (instalments-first to the report's due day), and the instalments in words. */
  planned?: { startDate: string; endDate: string; duration: number; instalments: string } | null;
  /** Each payment made: a disbursement transaction (the day, UTC midnight, and the amount). */
  disbursements?: readonly { day: Date; pence: Pence }[];
  /** What became of the grant (grant-state.ts): its state, whether the report was accepted, money returned. */
  outcome?: { state: string; label: string; reportAccepted: boolean; returnedPence: Pence } | null;
}

/** Additional data (not in the standard): what became of the grant after the award. */
export interface ThreeSixtyOutcome {
  state: string;
  description: string;
  endOfGrantReportAccepted: boolean;
  amountReturned: number;
}

export interface ThreeSixtyOrganization {
  id: string;
  name: string;
  charityNumber?: string;
  companyNumber?: string;
}

export interface ThreeSixtyGrant {
  id: string;
  title: string;
  description: string;
  currency: string;
  amountAppliedFor?: number;
  amountAwarded: number;
  amountDisbursed: number;
  awardDate: string;
  recipientOrganization: [ThreeSixtyOrganization];
  fundingOrganization: [{ id: string; name: string }];
  grantProgramme: [{ code: string; title: string }];
  beneficiaryLocation?: [{ name: string }];
  plannedDates?: [{ startDate: string; endDate: string; duration: number; description: string }];
  disbursementTransaction?: { id: string; transactionDate: string; value: number; currency: string }[];
  /** Additional data (not in the standard): see ThreeSixtyOutcome. */
  grantOutcome?: ThreeSixtyOutcome;
  /** Additional data (not in the standard): the group a parent organisation was paid for. */
  beneficiaryOrganization?: [{ id: string; name: string }];
  fromOpenCall: "Yes";
  dateModified: string;
}

export interface ThreeSixtyPackage {
  version: string;
  title: string;
  identifier: string;
  issued: string;
  modified: string;
  publisher: { name: string; identifier: string };
  license?: string;
  grants: ThreeSixtyGrant[];
}

/** Major.minor of the standard the package follows (the package schema wants "1.4"). */
export const THREE_SIXTY_VERSION = "1.4";

function clean(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, "").toUpperCase();
}

/**
 * The org-id.guide identifier of a charity number: Scottish (SC...) and Northern Irish
 * (NIC...) charities have their own registers; anything else is the Charity Commission's.
 * A linked charity's suffix ("1234567-1") belongs to the main charity's identifier.
 */
export function charityOrgId(charityNumber: string): string {
  const number = clean(charityNumber);
  if (number.startsWith("SC")) return `GB-SC-${number}`;
  if (number.startsWith("NIC")) return `GB-NIC-${number.slice(3)}`;
  return `GB-CHC-${number.replace(/-\d+$/, "")}`;
}

/** Companies House numbers are eight characters: numeric ones are zero-padded. */
export function companyNumber(value: string): string {
  const number = clean(value);
  return /^\d+$/.test(number) ? number.padStart(8, "0") : number;
}

export function companyOrgId(value: string): string {
  return `GB-COH-${companyNumber(value)}`;
}

export function recipientOrganization(
  award: Pick<ThreeSixtyAward, "groupName" | "charityNumber" | "companyNumber" | "pseudonymId">,
  grantIdPrefix: string,
): ThreeSixtyOrganization {
  const charityNumber = clean(award.charityNumber);
  const company = clean(award.companyNumber) ? companyNumber(award.companyNumber as string) : "";
  const id = charityNumber
    ? charityOrgId(charityNumber)
    : company
      ? companyOrgId(company)
      : `${grantIdPrefix}-ORG-${award.pseudonymId}`;
  return {
    id,
    name: award.groupName.trim(),
    ...(charityNumber ? { charityNumber } : {}),
    ...(company ? { companyNumber: company } : {}),
  };
}

/**
 * A parent organisation has only a name here, so its identifier comes from the funder's own
 * namespace and that name: the same host paid for several groups keeps one identifier.
 */
export function parentOrganization(parentName: string, grantIdPrefix: string): ThreeSixtyOrganization {
  const name = parentName.trim().replace(/\s+/g, " ");
  const slug = name.toUpperCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Z0-9]+/g, "-").replace(/^-|-$/g, "");
  return { id: `${grantIdPrefix}-ORG-HOST-${slug.slice(0, 80) || "UNNAMED"}`, name };
}

function pounds(pence: Pence): number {
  if (!Number.isSafeInteger(pence) || pence < 0) throw new RangeError(`Amounts must be whole pence, 0 or more (got ${pence}).`);
  return pence / 100;
}

export function grantId(grantIdPrefix: string, bidReference: string): string {
  return `${grantIdPrefix}-${bidReference}`;
}

/** The day of the decision in the fund's time zone, YYYY-MM-DD. */
export function awardDate(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd");
}

export function toThreeSixtyGrant(award: ThreeSixtyAward, fund: ThreeSixtyFund, round: ThreeSixtyRound): ThreeSixtyGrant {
  if (award.amountAwardedPence <= 0) {
    throw new RangeError(`Bid ${award.bidReference} has no award to publish.`);
  }
  const group = award.groupName.trim();
  const title = award.projectTitle.trim() || `Grant to ${group}`;
  const area = award.area.trim();
  const parent = award.paidToParent?.trim() ? parentOrganization(award.paidToParent, fund.grantIdPrefix) : null;
  const description = award.summary.trim() || title;
  return {
    id: grantId(fund.grantIdPrefix, award.bidReference),
    title,
    description: parent ? `${description} Paid to ${parent.name} on behalf of ${group}, the group the grant is for.` : description,
    currency: fund.currency,
    ...(award.amountRequestedPence === null ? {} : { amountAppliedFor: pounds(award.amountRequestedPence) }),
    amountAwarded: pounds(award.amountAwardedPence),
    amountDisbursed: pounds(award.amountDisbursedPence),
    awardDate: awardDate(award.awardedAt, fund.timeZone),
    recipientOrganization: [parent ?? recipientOrganization(award, fund.grantIdPrefix)],
    fundingOrganization: [{ id: fund.funderOrgId, name: fund.funderName }],
    grantProgramme: [{ code: round.slug, title: round.title }],
    ...(area ? { beneficiaryLocation: [{ name: area }] as [{ name: string }] } : {}),
    ...(parent ? { beneficiaryOrganization: [pick(recipientOrganization(award, fund.grantIdPrefix))] as [{ id: string; name: string }] } : {}),
    ...afterTheAward(award, fund, grantId(fund.grantIdPrefix, award.bidReference)),
    fromOpenCall: "Yes",
    dateModified: award.modifiedAt.toISOString(),
  };
}

const pick = ({ id, name }: ThreeSixtyOrganization) => ({ id, name });

/**
 * The months after the award, where the standard has a place for them: plannedDates (one period,
 * from the first instalment to the end-of-grant report's due day, with the instalments in words)
 * and a disbursementTransaction per payment made; the outcome is additional data, grantOutcome.
 */
function afterTheAward(award: ThreeSixtyAward, fund: ThreeSixtyFund, id: string): Partial<ThreeSixtyGrant> {
  const { planned, outcome } = award;
  const paid = [...(award.disbursements ?? [])].sort((a, b) => a.day.getTime() - b.day.getTime());
  return {
    ...(planned
      ? { plannedDates: [{ startDate: planned.startDate, endDate: planned.endDate, duration: planned.duration, description: planned.instalments }] as ThreeSixtyGrant["plannedDates"] }
      : {}),
    ...(paid.length
      ? {
          disbursementTransaction: paid.map((d, index) => ({
            id: `${id}-DISB-${index + 1}`,
            transactionDate: d.day.toISOString().slice(0, 10),
            value: pounds(d.pence),
            currency: fund.currency,
          })),
        }
      : {}),
    ...(outcome
      ? {
          grantOutcome: {
            state: outcome.state,
            description: outcome.label,
            endOfGrantReportAccepted: outcome.reportAccepted,
            amountReturned: pounds(outcome.returnedPence),
          },
        }
      : {}),
  };
}

export interface PackageInput {
  fund: ThreeSixtyFund;
  round: ThreeSixtyRound;
  awards: readonly ThreeSixtyAward[];
  now: Date;
  /** Canonical URL of the licence, e.g. https://creativecommons.org/licenses/by/4.0/ */
  license?: string;
}

export function buildThreeSixtyPackage(input: PackageInput): ThreeSixtyPackage {
  const { fund, round, awards, now } = input;
  const ids = new Set<string>();
  const grants = [...awards]
    .sort((a, b) => (a.bidReference < b.bidReference ? -1 : a.bidReference > b.bidReference ? 1 : 0))
    .map((award) => {
      const grant = toThreeSixtyGrant(award, fund, round);
      if (ids.has(grant.id)) throw new RangeError(`Two awards share the grant identifier ${grant.id}.`);
      ids.add(grant.id);
      return grant;
    });
  const modified = awards.reduce((latest, a) => (a.modifiedAt > latest ? a.modifiedAt : latest), new Date(0));
  return {
    version: THREE_SIXTY_VERSION,
    title: `${fund.funderName}: ${round.title} grants`,
    identifier: `${fund.grantIdPrefix}-${round.slug}`,
    issued: now.toISOString(),
    modified: (awards.length ? modified : now).toISOString(),
    publisher: { name: fund.funderName, identifier: fund.funderOrgId },
    ...(input.license ? { license: input.license } : {}),
    grants,
  };
}

/** Column titles of 360Giving's flat (spreadsheet) layout, in order. */
export const THREE_SIXTY_CSV_COLUMNS = [
  "Identifier",
  "Title",
  "Description",
  "Currency",
  "Amount Applied For",
  "Amount Awarded",
  "Amount Disbursed",
  "Award Date",
  "Recipient Org:Identifier",
  "Recipient Org:Name",
  "Recipient Org:Charity Number",
  "Recipient Org:Company Number",
  "Funding Org:Identifier",
  "Funding Org:Name",
  "Grant Programme:Code",
  "Grant Programme:Title",
  "From An Open Call?",
  "Beneficiary Location:Name",
  "Last modified",
  // additional data, not the standard's: see beneficiaryOrganization above
  "Beneficiary Org:Identifier",
  "Beneficiary Org:Name",
  "Planned Dates:Start Date",
  "Planned Dates:End Date",
  "Planned Dates:Duration (months)",
  "Planned Dates:Description",
  // additional data: see ThreeSixtyOutcome
  "Grant Outcome:State",
  "Grant Outcome:Description",
  "Grant Outcome:End Of Grant Report Accepted",
  "Grant Outcome:Amount Returned",
] as const;

function penceOf(amount: number | undefined): Pence | null {
  return amount === undefined ? null : Math.round(amount * 100);
}

/** The package as 360Giving's flat CSV: one row per grant, text cells guarded against formulas. */
export function toThreeSixtyCsv(pkg: Pick<ThreeSixtyPackage, "grants">): string {
  const rows = pkg.grants.map((g) => {
    const [recipient] = g.recipientOrganization;
    const [funder] = g.fundingOrganization;
    const [programme] = g.grantProgramme;
    return [
      g.id,
      g.title,
      g.description,
      g.currency,
      poundsCell(penceOf(g.amountAppliedFor)),
      poundsCell(penceOf(g.amountAwarded)),
      poundsCell(penceOf(g.amountDisbursed)),
      g.awardDate,
      recipient.id,
      recipient.name,
      recipient.charityNumber ?? "",
      recipient.companyNumber ?? "",
      funder.id,
      funder.name,
      programme.code,
      programme.title,
      g.fromOpenCall,
      g.beneficiaryLocation?.[0].name ?? "",
      g.dateModified,
      g.beneficiaryOrganization?.[0].id ?? "",
      g.beneficiaryOrganization?.[0].name ?? "",
      g.plannedDates?.[0].startDate ?? "",
      g.plannedDates?.[0].endDate ?? "",
      g.plannedDates ? String(g.plannedDates[0].duration) : "",
      g.plannedDates?.[0].description ?? "",
      g.grantOutcome?.state ?? "",
      g.grantOutcome?.description ?? "",
      g.grantOutcome ? (g.grantOutcome.endOfGrantReportAccepted ? "Yes" : "No") : "",
      poundsCell(penceOf(g.grantOutcome?.amountReturned)),
    ];
  });
  return toCsv(THREE_SIXTY_CSV_COLUMNS, rows);
}

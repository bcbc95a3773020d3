import type { Pence } from "~/domain/money";

// A one-page bid: what a group types, the rules it must meet, and where a bid stands.
// The rules a bid must meet are in bid-rules.ts, one set for the browser and the server. Every
// rule reads its fund limits and `now` from BidRules, so nothing needs a clock, a database or a
// request.

export const GROUP_TYPES = ["REGISTERED_CHARITY", "COMPANY", "CONSTITUTED_GROUP", "UNCONSTITUTED_GROUP"] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const GROUP_TYPE_LABELS: Record<GroupType, string> = {
  REGISTERED_CHARITY: "Registered charity",
  COMPANY: "Company or community interest company (CIC)",
  CONSTITUTED_GROUP: "Constituted group (a club or association with a written constitution)",
  UNCONSTITUTED_GROUP: "Unconstituted group, applying through a parent organisation",
};

export const LIMITS = {
  groupName: 120,
  parentOrgName: 120,
  area: 100,
  contactName: 100,
  contactEmail: 254,
  contactPhone: 30,
  projectTitle: 140,
  summary: 500,
  difference: 1_000,
  beneficiaries: 500,
  budgetItem: 100,
} as const;

export const DEFAULT_BUDGET_ROWS = 5;
export const MAX_BUDGET_LINES = 20;
export const MAX_BENEFICIARIES = 1_000_000;
// why: row numbers come from the request; never build an array from an index someone made up.
const MAX_ROWS_READ = 60;

export interface BudgetRow {
  item: string;
  amount: string;
}

/** What the form holds: everything as typed, budget lines as rows. */
export interface BidFormValues {
  /** The language the bid is written in ("cy" or "en"); the form's default is the page's. */
  language: string;
  groupName: string;
  groupType: string;
  charityNumber: string;
  companyNumber: string;
  parentOrgName: string;
  area: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  projectTitle: string;
  summary: string;
  difference: string;
  beneficiaries: string;
  beneficiaryCount: string;
  amountRequested: string;
  budget: BudgetRow[];
  startDate: string;
  endDate: string;
}

export type TextFieldName = Exclude<keyof BidFormValues, "budget">;

export const TEXT_FIELDS: readonly TextFieldName[] = [
  "language",
  "groupName",
  "groupType",
  "charityNumber",
  "companyNumber",
  "parentOrgName",
  "area",
  "contactName",
  "contactEmail",
  "contactPhone",
  "projectTitle",
  "summary",
  "difference",
  "beneficiaries",
  "beneficiaryCount",
  "amountRequested",
  "startDate",
  "endDate",
];

export interface BudgetLineInput {
  item: string;
  amountPence: Pence;
}

/** A bid as stored: normalised, money in pence, dates as YYYY-MM-DD. */
export const BID_LANGUAGES = ["cy", "en"] as const;
export type BidLanguage = (typeof BID_LANGUAGES)[number];

export interface BidInput {
  language: BidLanguage;
  groupName: string;
  groupType: GroupType | null;
  charityNumber: string | null;
  companyNumber: string | null;
  parentOrgName: string | null;
  area: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  projectTitle: string;
  summary: string;
  difference: string;
  beneficiaries: string;
  beneficiaryCount: number | null;
  amountRequestedPence: Pence | null;
  budgetLines: BudgetLineInput[];
  startDate: string | null;
  endDate: string | null;
}

export interface BidRules {
  minAwardPence: Pence;
  maxAwardPence: Pence;
  currency?: string;
  /** The fund's time zone: "today" for the start date is today there. */
  timeZone: string;
  now: Date;
  /** A draft is checked only for what is typed; a submission must be complete. */
  mode: "draft" | "submit";
  /** An edit may keep the start date it was submitted with, even once that day has passed. */
  keepStartDate?: string | null;
}

// ---------- Reading what was typed ----------

function firstString(value: unknown) {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

// why: every field accepts anything and becomes a string, so one pass below can report all
// problems at once (a person fixes them together), and junk input is a message, never a 500.
export function readFormValues(value: unknown): BidFormValues {
  const input = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, firstString(input[name])])) as Record<TextFieldName, string>;
  const budget = Array.isArray(input.budget) ? input.budget.slice(0, MAX_ROWS_READ) : [];
  return {
    ...values,
    budget: budget.map((row) => {
      const r = row && typeof row === "object" ? (row as Record<string, unknown>) : {};
      return { item: firstString(r.item), amount: firstString(r.amount) };
    }),
  };
}

export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

// ---------- Between the form and a stored bid ----------

export function blankRows(count: number): BudgetRow[] {
  return Array.from({ length: count }, () => ({ item: "", amount: "" }));
}

export function emptyFormValues(): BidFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, ""])) as Record<TextFieldName, string>;
  return { ...values, budget: blankRows(DEFAULT_BUDGET_ROWS) };
}

/**
 * Form fields as posted (flat names such as "budget.3.amount") back into form values, so a
 * page re-rendered after an error or "Add another line" shows exactly what was typed.
 */
export function formValuesFromEntries(entries: Record<string, string | string[]>): BidFormValues {
  const values = emptyFormValues();
  for (const name of TEXT_FIELDS) values[name] = firstString(entries[name]);
  const budget: BudgetRow[] = [];
  for (const [key, raw] of Object.entries(entries)) {
    const match = /^budget\.(\d{1,2})\.(item|amount)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= MAX_ROWS_READ) continue;
    while (budget.length <= index) budget.push({ item: "", amount: "" });
    budget[index][match[2] as keyof BudgetRow] = firstString(raw);
  }
  values.budget = budget.length > 0 ? budget : blankRows(DEFAULT_BUDGET_ROWS);
  return values;
}

export function withExtraRow(values: BidFormValues): BidFormValues {
  if (values.budget.length >= MAX_BUDGET_LINES) return values;
  return { ...values, budget: [...values.budget, { item: "", amount: "" }] };
}

export interface StoredBid {
  language?: string;
  groupName: string;
  groupType: GroupType | null;
  charityNumber: string | null;
  companyNumber: string | null;
  parentOrgName: string | null;
  area: string;
  projectTitle: string;
  summary: string;
  difference: string;
  beneficiaries: string;
  beneficiaryCount: number | null;
  amountRequestedPence: Pence | null;
  startDate: Date | string | null;
  endDate: Date | string | null;
  budgetLines: { item: string; amountPence: Pence }[];
  contact: { name: string; email: string; phone: string | null } | null;
}

function poundsInput(pence: Pence | null) {
  if (pence === null) return "";
  const pounds = Math.trunc(pence / 100);
  const rest = pence % 100;
  return rest === 0 ? String(pounds) : `${pounds}.${String(rest).padStart(2, "0")}`;
}

export function isoDate(value: Date | string | null): string {
  if (value === null) return "";
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function formValuesFromBid(bid: StoredBid): BidFormValues {
  const budget: BudgetRow[] = bid.budgetLines.map((l) => ({ item: l.item, amount: poundsInput(l.amountPence) }));
  while (budget.length < DEFAULT_BUDGET_ROWS) budget.push({ item: "", amount: "" });
  return {
    language: bid.language ?? "en",
    groupName: bid.groupName,
    groupType: bid.groupType ?? "",
    charityNumber: bid.charityNumber ?? "",
    companyNumber: bid.companyNumber ?? "",
    parentOrgName: bid.parentOrgName ?? "",
    area: bid.area,
    contactName: bid.contact?.name ?? "",
    contactEmail: bid.contact?.email ?? "",
    contactPhone: bid.contact?.phone ?? "",
    projectTitle: bid.projectTitle,
    summary: bid.summary,
    difference: bid.difference,
    beneficiaries: bid.beneficiaries,
    beneficiaryCount: bid.beneficiaryCount === null ? "" : String(bid.beneficiaryCount),
    amountRequested: poundsInput(bid.amountRequestedPence),
    budget,
    startDate: isoDate(bid.startDate),
    endDate: isoDate(bid.endDate),
  };
}

/** What a version of a bid said, for BidVersion: no contact details, so erasure never touches it. */
export function bidSnapshot(bid: StoredBid & { reference: string }, version: number) {
  return {
    reference: bid.reference,
    version,
    groupName: bid.groupName,
    groupType: bid.groupType,
    charityNumber: bid.charityNumber,
    companyNumber: bid.companyNumber,
    parentOrgName: bid.parentOrgName,
    area: bid.area,
    projectTitle: bid.projectTitle,
    summary: bid.summary,
    difference: bid.difference,
    beneficiaries: bid.beneficiaries,
    beneficiaryCount: bid.beneficiaryCount,
    amountRequestedPence: bid.amountRequestedPence,
    budgetLines: bid.budgetLines.map((l) => ({ item: l.item, amountPence: l.amountPence })),
    startDate: isoDate(bid.startDate) || null,
    endDate: isoDate(bid.endDate) || null,
  };
}

// ---------- Where a bid stands ----------

export type BidStatus = "DRAFT" | "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "DECLINED" | "FUNDED" | "NOT_FUNDED";

export const BID_STATUS_VIEW: Record<BidStatus, { label: string; tag: string }> = {
  DRAFT: { label: "Draft", tag: "tag tag--grey" },
  SUBMITTED: { label: "Submitted", tag: "tag" },
  SHORTLISTED: { label: "Shortlisted", tag: "tag tag--green" },
  DECLINED: { label: "Not shortlisted", tag: "tag tag--red" },
  WITHDRAWN: { label: "Withdrawn", tag: "tag tag--grey" },
  FUNDED: { label: "Funded", tag: "tag tag--green" },
  NOT_FUNDED: { label: "Not funded", tag: "tag tag--red" },
};

export type RoundPhase = "upcoming" | "open" | "closed";

export interface RoundWindow {
  opensAt: Date;
  closesAt: Date;
}

export function roundPhase(round: RoundWindow, now: Date): RoundPhase {
  if (now < round.opensAt) return "upcoming";
  if (now >= round.closesAt) return "closed";
  return "open";
}

export interface BidAccess {
  canEdit: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
  /** Why the bid cannot be changed, as a catalogue key (bid.locked.*) said in the group's language; null when it can. */
  lockedKey: string | null;
}

/** What the holder of a bid's private link may do with it now. */
export function bidAccess(bid: { status: BidStatus }, round: RoundWindow, now: Date): BidAccess {
  const open = roundPhase(round, now) === "open";
  const canWithdraw = bid.status === "DRAFT" || bid.status === "SUBMITTED" || bid.status === "SHORTLISTED";
  if (bid.status === "WITHDRAWN") {
    return { canEdit: false, canSubmit: false, canWithdraw: false, lockedKey: "bid.locked.withdrawn" };
  }
  if (bid.status !== "DRAFT" && bid.status !== "SUBMITTED") {
    return { canEdit: false, canSubmit: false, canWithdraw, lockedKey: "bid.locked.considered" };
  }
  if (!open) {
    return {
      canEdit: false,
      canSubmit: false,
      canWithdraw,
      lockedKey: bid.status === "DRAFT" ? "bid.locked.draftClosed" : "bid.locked.closed",
    };
  }
  return { canEdit: true, canSubmit: bid.status === "DRAFT", canWithdraw, lockedKey: null };
}

import { formatMoney, parsePounds, sumPence, type Pence } from "~/domain/money";
import { todayIn } from "~/domain/calendar-day";

// A one-page bid: what a group types, the rules it must meet, and where a bid stands.
// One set of checks (bidProblems) serves the browser (react-hook-form, through bidResolver) and
// the server (bidSchema in bid-schema.ts). Every rule reads its fund limits and `now` from
// BidRules, so nothing here needs a clock, a database or a request.

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
export interface BidInput {
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

/** A browser posts new lines as CRLF but counts them as one character: count like the browser. */
function clean(value: string) {
  return value.replace(/\r\n?/g, "\n").trim();
}

function oneLine(value: string) {
  return clean(value).replace(/\s+/g, " ");
}

export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[\d\s()-]+$/;
const CHARITY_NUMBER = /^\d{6,8}$/;
// why: Companies House numbers are 8 characters: 8 digits in England and Wales, or a
// two-letter prefix (SC Scotland, NI Northern Ireland, CE/CS charitable incorporated
// organisations, OC LLPs...) and 6 digits.
const COMPANY_NUMBER = /^(\d{8}|[A-Z]{2}\d{6})$/;
const WHOLE_NUMBER = /^(\d{1,3}(,\d{3})+|\d+)$/;

export function normaliseCharityNumber(value: string) {
  return value.replace(/\s+/g, "");
}

export function normaliseCompanyNumber(value: string) {
  return value.replace(/\s+/g, "").toUpperCase();
}

export function parseWholeNumber(value: string): number | null {
  const textValue = value.trim();
  if (!WHOLE_NUMBER.test(textValue)) return null;
  const n = Number(textValue.replace(/,/g, ""));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * A date as typed: 2027-03-01 (what a date input sends) or 1/3/2027 (day first, as people in
 * the UK write it when their browser shows a plain text box). Returns YYYY-MM-DD or null.
 */
export function parseDateInput(value: string): string | null {
  const textValue = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(textValue);
  const uk = /^(\d{1,2})[/.\s-](\d{1,2})[/.\s-](\d{4})$/.exec(textValue);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else return null;
  if (y < 2000 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function isGroupType(value: string): value is GroupType {
  return (GROUP_TYPES as readonly string[]).includes(value);
}

function isBlankRow(r: BudgetRow) {
  return clean(r.item) === "" && clean(r.amount) === "";
}

// ---------- The rules ----------

type Problem = [path: string, message: string];

/** Every problem with a bid form, in the order the fields appear on the page. */
export function bidProblems(values: BidFormValues, rules: BidRules): Problem[] {
  const strict = rules.mode === "submit";
  const currency = rules.currency ?? "GBP";
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push([path, message]);

  const textRule = (name: TextFieldName, max: number, missing: string | null, tooLong: string) => {
    const value = clean(values[name]);
    if (value === "") {
      if (missing) add(name, missing);
    } else if (value.length > max) add(name, `${tooLong} must be ${max.toLocaleString("en-GB")} characters or fewer`);
  };

  // About the group
  textRule("groupName", LIMITS.groupName, "Enter the name of your group", "Group name");

  const groupType = clean(values.groupType);
  if (groupType === "") {
    if (strict) add("groupType", "Select the type of group");
  } else if (!isGroupType(groupType)) add("groupType", "Select one of the types of group listed");

  const charityNumber = normaliseCharityNumber(values.charityNumber);
  if (groupType === "REGISTERED_CHARITY" || (!isGroupType(groupType) && charityNumber)) {
    if (charityNumber === "") {
      if (strict && groupType === "REGISTERED_CHARITY") add("charityNumber", "Enter your registered charity number");
    } else if (!CHARITY_NUMBER.test(charityNumber)) {
      add("charityNumber", "Charity number must be 6 to 8 digits, like 1123456");
    }
  }
  const companyNumber = normaliseCompanyNumber(values.companyNumber);
  if (groupType === "COMPANY" || (!isGroupType(groupType) && companyNumber)) {
    if (companyNumber === "") {
      if (strict && groupType === "COMPANY") add("companyNumber", "Enter your company number");
    } else if (!COMPANY_NUMBER.test(companyNumber)) {
      add("companyNumber", "Company number must be 8 characters, like 01234567 or SC123456");
    }
  }
  if (groupType === "UNCONSTITUTED_GROUP") {
    textRule(
      "parentOrgName",
      LIMITS.parentOrgName,
      strict ? "Enter the name of the organisation applying on your behalf" : null,
      "Parent organisation name",
    );
  }

  textRule("area", LIMITS.area, strict ? "Enter the area or postcode where the project will happen" : null, "Area or postcode");

  // Contact
  textRule("contactName", LIMITS.contactName, strict ? "Enter the name of the person we should contact" : null, "Contact name");
  const email = clean(values.contactEmail);
  if (email === "") add("contactEmail", "Enter an email address, so we can send you a link to your bid");
  else if (email.length > LIMITS.contactEmail) add("contactEmail", `Email address must be ${LIMITS.contactEmail} characters or fewer`);
  else if (!EMAIL.test(email)) add("contactEmail", "Enter an email address in the correct format, like name@example.com");
  const phone = clean(values.contactPhone);
  if (phone !== "") {
    const digits = phone.replace(/\D/g, "").length;
    if (phone.length > LIMITS.contactPhone || !PHONE.test(phone) || digits < 7 || digits > 15) {
      add("contactPhone", "Enter a telephone number, like 01632 960 001 or +44 7700 900 982");
    }
  }

  // The project
  textRule("projectTitle", LIMITS.projectTitle, strict ? "Enter a title for your project" : null, "Project title");
  textRule("summary", LIMITS.summary, strict ? "Enter a summary of your project" : null, "Summary");
  textRule("difference", LIMITS.difference, strict ? "Describe the difference your project will make" : null, "The difference it will make");
  textRule("beneficiaries", LIMITS.beneficiaries, strict ? "Say who will benefit from your project" : null, "Who will benefit");

  const countText = clean(values.beneficiaryCount);
  if (countText === "") {
    if (strict) add("beneficiaryCount", "Enter roughly how many people will benefit");
  } else {
    const count = parseWholeNumber(countText);
    if (count === null) add("beneficiaryCount", "Enter the number of people as a whole number, like 120");
    else if (count < 1) add("beneficiaryCount", "Number of people must be 1 or more");
    else if (count > MAX_BENEFICIARIES) add("beneficiaryCount", `Number of people must be ${MAX_BENEFICIARIES.toLocaleString("en-GB")} or fewer`);
  }

  // Money
  const amountText = clean(values.amountRequested);
  let amount: Pence | null = null;
  if (amountText === "") {
    if (strict) add("amountRequested", "Enter the amount you are asking for");
  } else {
    amount = parsePounds(amountText);
    if (amount === null) add("amountRequested", "Enter the amount in pounds, like 1500 or 1,500.50");
    else if (strict && amount < rules.minAwardPence) {
      add("amountRequested", `Amount must be ${formatMoney(rules.minAwardPence, currency)} or more`);
      amount = null;
    } else if (strict && amount > rules.maxAwardPence) {
      add("amountRequested", `Amount must be ${formatMoney(rules.maxAwardPence, currency)} or less`);
      amount = null;
    }
  }

  const lines: Pence[] = [];
  let linesOk = true;
  values.budget.forEach((r, index) => {
    if (isBlankRow(r)) return;
    const n = index + 1;
    const item = clean(r.item);
    if (item === "") {
      add(`budget.${index}.item`, `Enter what line ${n} of the budget is for`);
      linesOk = false;
    } else if (item.length > LIMITS.budgetItem) {
      add(`budget.${index}.item`, `Line ${n} description must be ${LIMITS.budgetItem} characters or fewer`);
      linesOk = false;
    }
    const costText = clean(r.amount);
    const cost = costText === "" ? null : parsePounds(costText);
    if (costText === "") add(`budget.${index}.amount`, `Enter the cost of line ${n} of the budget`);
    else if (cost === null) add(`budget.${index}.amount`, `Enter the cost of line ${n} in pounds, like 250`);
    else if (cost === 0) add(`budget.${index}.amount`, `Cost of line ${n} must be more than £0`);
    if (cost === null || cost === 0) linesOk = false;
    else lines.push(cost);
  });
  const lineCount = values.budget.filter((r) => !isBlankRow(r)).length;
  if (lineCount > MAX_BUDGET_LINES) {
    add("budget", `List up to ${MAX_BUDGET_LINES} budget lines; group smaller costs together`);
  } else if (strict && lineCount === 0) {
    add("budget", "Add at least one budget line, showing what the money will pay for");
  } else if (strict && linesOk && amount !== null) {
    const total = sumPence(lines);
    if (total !== amount) {
      const gap = formatMoney(Math.abs(total - amount), currency);
      add(
        "budget",
        `Budget lines add up to ${formatMoney(total, currency)}, which is ${gap} ${total < amount ? "less" : "more"} than the ${formatMoney(amount, currency)} you are asking for`,
      );
    }
  }

  // Dates
  const startText = clean(values.startDate);
  const endText = clean(values.endDate);
  const start = startText ? parseDateInput(startText) : null;
  const end = endText ? parseDateInput(endText) : null;
  if (startText === "") {
    if (strict) add("startDate", "Enter the date your project will start");
  } else if (start === null) add("startDate", "Start date must be a real date, like 2027-03-01");
  else if (strict && start < todayIn(rules.now, rules.timeZone) && start !== rules.keepStartDate) {
    add("startDate", "Start date must be today or in the future");
  }
  if (endText === "") {
    if (strict) add("endDate", "Enter the date your project will end");
  } else if (end === null) add("endDate", "End date must be a real date, like 2027-09-30");
  else if (strict && start !== null && end <= start) add("endDate", "End date must be after the start date");

  return problems;
}

export function toBidInput(values: BidFormValues): BidInput {
  const groupType = clean(values.groupType);
  const type = isGroupType(groupType) ? groupType : null;
  const orNull = (value: string) => (value === "" ? null : value);
  const count = clean(values.beneficiaryCount);
  const amount = clean(values.amountRequested);
  return {
    groupName: oneLine(values.groupName),
    groupType: type,
    charityNumber: type === "REGISTERED_CHARITY" ? orNull(normaliseCharityNumber(values.charityNumber)) : null,
    companyNumber: type === "COMPANY" ? orNull(normaliseCompanyNumber(values.companyNumber)) : null,
    parentOrgName: type === "UNCONSTITUTED_GROUP" ? orNull(oneLine(values.parentOrgName)) : null,
    area: oneLine(values.area),
    contactName: oneLine(values.contactName),
    contactEmail: clean(values.contactEmail),
    contactPhone: orNull(oneLine(values.contactPhone)),
    projectTitle: oneLine(values.projectTitle),
    summary: clean(values.summary),
    difference: clean(values.difference),
    beneficiaries: clean(values.beneficiaries),
    beneficiaryCount: count ? parseWholeNumber(count) : null,
    amountRequestedPence: amount ? parsePounds(amount) : null,
    budgetLines: values.budget
      .filter((r) => !isBlankRow(r))
      .map((r) => ({ item: oneLine(r.item), amountPence: parsePounds(clean(r.amount)) ?? 0 })),
    startDate: values.startDate.trim() ? parseDateInput(values.startDate) : null,
    endDate: values.endDate.trim() ? parseDateInput(values.endDate) : null,
  };
}

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
  /** Why the bid cannot be changed, in words for the group; null when it can. */
  lockedReason: string | null;
}

/** What the holder of a bid's private link may do with it now. */
export function bidAccess(bid: { status: BidStatus }, round: RoundWindow, now: Date): BidAccess {
  const open = roundPhase(round, now) === "open";
  const canWithdraw = bid.status === "DRAFT" || bid.status === "SUBMITTED" || bid.status === "SHORTLISTED";
  if (bid.status === "WITHDRAWN") {
    return { canEdit: false, canSubmit: false, canWithdraw: false, lockedReason: "This bid has been withdrawn, so it can no longer be changed." };
  }
  if (bid.status !== "DRAFT" && bid.status !== "SUBMITTED") {
    return { canEdit: false, canSubmit: false, canWithdraw, lockedReason: "The organisers have already considered this bid, so it can no longer be changed." };
  }
  if (!open) {
    return {
      canEdit: false,
      canSubmit: false,
      canWithdraw,
      lockedReason:
        bid.status === "DRAFT"
          ? "The round closed before this draft was submitted, so it can no longer be changed or submitted."
          : "The round has closed, so bids can no longer be changed.",
    };
  }
  return { canEdit: true, canSubmit: bid.status === "DRAFT", canWithdraw, lockedReason: null };
}

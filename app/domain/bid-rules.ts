import {
  BID_LANGUAGES,
  EMAIL,
  GROUP_TYPES,
  LIMITS,
  MAX_BENEFICIARIES,
  MAX_BUDGET_LINES,
  type BidFormValues,
  type BidInput,
  type BidRules,
  type BudgetRow,
  type GroupType,
  type TextFieldName,
} from "~/domain/bid";
import { todayIn } from "~/domain/calendar-day";
import { message, type PlainMessage, type MessageErrors } from "~/domain/message";
import { parsePounds, sumPence, type Pence } from "~/domain/money";

// The rules a bid must meet, and the bid they make to store. One set of checks (bidProblems)
// serves the browser (bidFieldErrors, loaded by the bid form once a person is in it) and the
// server (bidSchema in bid-schema.ts). why a file apart from bid.ts: a page that shows a bid
// carries bid.ts; only the form, once used, carries the rules.

/** A browser posts new lines as CRLF but counts them as one character: count like the browser. */
function clean(value: string) {
  return value.replace(/\r\n?/g, "\n").trim();
}

function oneLine(value: string) {
  return clean(value).replace(/\s+/g, " ");
}

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

type Problem = [path: string, problem: PlainMessage];

// why keys: the server's messages and the browser's are one set, said in the page's language.
type Add = (path: string, key: string, values?: PlainMessage["values"], pence?: PlainMessage["pence"]) => void;
const E = "apply.error.";

/** What each part of the form's checks is given: the values, the rules, and where to put a problem. */
interface Check {
  values: BidFormValues;
  rules: BidRules;
  strict: boolean;
  add: Add;
  /** A text box's rule: `missing` is said when it is empty (null: it may be), else too long. */
  textRule: (name: TextFieldName, max: number, missing: boolean) => void;
}

/** Every problem with a bid form, in the order the fields appear on the page. */
export function bidProblems(values: BidFormValues, rules: BidRules): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (path, key, values, pence) => problems.push([path, message(E + key, values, pence)]);
  const textRule: Check["textRule"] = (name, max, missing) => {
    const value = clean(values[name]);
    if (value === "") {
      if (missing) add(name, `${name}.missing`);
    } else if (value.length > max) add(name, `${name}.tooLong`, { max });
  };
  const check: Check = { values, rules, strict: rules.mode === "submit", add, textRule };
  groupProblems(check);
  contactAndProjectProblems(check);
  const amount = amountProblems(check);
  budgetProblems(check, amount);
  dateProblems(check);
  return problems;
}

function groupProblems({ values, strict, add, textRule }: Check) {
  const language = clean(values.language);
  if (language !== "" && !(BID_LANGUAGES as readonly string[]).includes(language)) add("language", "language");
  textRule("groupName", LIMITS.groupName, true);

  const groupType = clean(values.groupType);
  if (groupType === "") {
    if (strict) add("groupType", "groupType.missing");
  } else if (!isGroupType(groupType)) add("groupType", "groupType.unknown");

  const registration = (type: GroupType, field: "charityNumber" | "companyNumber", value: string, pattern: RegExp) => {
    // why: a number typed before any type was chosen is still checked.
    if (groupType !== type && (isGroupType(groupType) || !value)) return;
    if (value === "") {
      if (strict && groupType === type) add(field, `${field}.missing`);
    } else if (!pattern.test(value)) add(field, `${field}.wrong`);
  };
  registration("REGISTERED_CHARITY", "charityNumber", normaliseCharityNumber(values.charityNumber), CHARITY_NUMBER);
  registration("COMPANY", "companyNumber", normaliseCompanyNumber(values.companyNumber), COMPANY_NUMBER);
  if (groupType === "UNCONSTITUTED_GROUP") {
    textRule("parentOrgName", LIMITS.parentOrgName, strict);
  }

  textRule("area", LIMITS.area, strict);
}

function contactAndProjectProblems({ values, strict, add, textRule }: Check) {
  textRule("contactName", LIMITS.contactName, strict);
  const email = clean(values.contactEmail);
  if (email === "") add("contactEmail", "contactEmail.missing");
  else if (email.length > LIMITS.contactEmail) add("contactEmail", "contactEmail.tooLong", { max: LIMITS.contactEmail });
  else if (!EMAIL.test(email)) add("contactEmail", "contactEmail.wrong");
  const phone = clean(values.contactPhone);
  if (phone !== "") {
    const digits = phone.replace(/\D/g, "").length;
    if (phone.length > LIMITS.contactPhone || !PHONE.test(phone) || digits < 7 || digits > 15) {
      add("contactPhone", "contactPhone.wrong");
    }
  }

  // The project
  textRule("projectTitle", LIMITS.projectTitle, strict);
  textRule("summary", LIMITS.summary, strict);
  textRule("difference", LIMITS.difference, strict);
  textRule("beneficiaries", LIMITS.beneficiaries, strict);

  const countText = clean(values.beneficiaryCount);
  if (countText === "") {
    if (strict) add("beneficiaryCount", "beneficiaryCount.missing");
  } else {
    const count = parseWholeNumber(countText);
    if (count === null) add("beneficiaryCount", "beneficiaryCount.wrong");
    else if (count < 1) add("beneficiaryCount", "beneficiaryCount.tooFew");
    else if (count > MAX_BENEFICIARIES) add("beneficiaryCount", "beneficiaryCount.tooMany", { max: MAX_BENEFICIARIES });
  }
}

/** The amount asked for, when it is one the budget can be compared with. */
function amountProblems({ values, rules, strict, add }: Check): Pence | null {
  const amountText = clean(values.amountRequested);
  let amount: Pence | null = null;
  if (amountText === "") {
    if (strict) add("amountRequested", "amountRequested.missing");
  } else {
    amount = parsePounds(amountText);
    if (amount === null) add("amountRequested", "amountRequested.wrong");
    else if (strict && amount < rules.minAwardPence) {
      add("amountRequested", "amountRequested.tooLittle", undefined, { min: rules.minAwardPence });
      amount = null;
    } else if (strict && amount > rules.maxAwardPence) {
      add("amountRequested", "amountRequested.tooMuch", undefined, { max: rules.maxAwardPence });
      amount = null;
    }
  }
  return amount;
}

function budgetProblems({ values, strict, add }: Check, amount: Pence | null) {
  const lines: Pence[] = [];
  let linesOk = true;
  values.budget.forEach((r, index) => {
    if (isBlankRow(r)) return;
    const n = index + 1;
    const item = clean(r.item);
    if (item === "") {
      add(`budget.${index}.item`, "budgetItem.missing", { n });
      linesOk = false;
    } else if (item.length > LIMITS.budgetItem) {
      add(`budget.${index}.item`, "budgetItem.tooLong", { n, max: LIMITS.budgetItem });
      linesOk = false;
    }
    const costText = clean(r.amount);
    const cost = costText === "" ? null : parsePounds(costText);
    if (costText === "") add(`budget.${index}.amount`, "budgetAmount.missing", { n });
    else if (cost === null) add(`budget.${index}.amount`, "budgetAmount.wrong", { n });
    else if (cost === 0) add(`budget.${index}.amount`, "budgetAmount.zero", { n });
    if (cost === null || cost === 0) linesOk = false;
    else lines.push(cost);
  });
  const lineCount = values.budget.filter((r) => !isBlankRow(r)).length;
  if (lineCount > MAX_BUDGET_LINES) {
    add("budget", "budget.tooMany", { max: MAX_BUDGET_LINES });
  } else if (strict && lineCount === 0) {
    add("budget", "budget.missing");
  } else if (strict && linesOk && amount !== null) {
    const total = sumPence(lines);
    if (total !== amount) {
      add("budget", "budget.mismatch", { direction: total < amount ? "less" : "more" }, { total, gap: Math.abs(total - amount), asked: amount });
    }
  }
}

function dateProblems({ values, rules, strict, add }: Check) {
  const startText = clean(values.startDate);
  const endText = clean(values.endDate);
  const start = startText ? parseDateInput(startText) : null;
  const end = endText ? parseDateInput(endText) : null;
  if (startText === "") {
    if (strict) add("startDate", "startDate.missing");
  } else if (start === null) add("startDate", "startDate.wrong");
  else if (strict && start < todayIn(rules.now, rules.timeZone) && start !== rules.keepStartDate) {
    add("startDate", "startDate.past");
  }
  if (endText === "") {
    if (strict) add("endDate", "endDate.missing");
  } else if (end === null) add("endDate", "endDate.wrong");
  else if (strict && start !== null && end <= start) add("endDate", "endDate.beforeStart");
}

export function toBidInput(values: BidFormValues): BidInput {
  const groupType = clean(values.groupType);
  const type = isGroupType(groupType) ? groupType : null;
  const orNull = (value: string) => (value === "" ? null : value);
  const count = clean(values.beneficiaryCount);
  const amount = clean(values.amountRequested);
  return {
    language: clean(values.language) === "cy" ? "cy" : "en",
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

/**
 * The first problem of each field, keyed like the form's names ("budget.2.amount", "budget" for
 * the list's own): what a page shows beside each box. The browser runs it as a person types.
 */
export function bidFieldErrors(values: BidFormValues, rules: BidRules): MessageErrors {
  const errors: MessageErrors = {};
  for (const [path, problem] of bidProblems(values, rules)) if (!(path in errors)) errors[path] = problem;
  return errors;
}

import {
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
import { formatMoney, parsePounds, sumPence, type Pence } from "~/domain/money";

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

type Problem = [path: string, message: string];

type Add = (path: string, message: string) => void;

/** What each part of the form's checks is given: the values, the rules, and where to put a problem. */
interface Check {
  values: BidFormValues;
  rules: BidRules;
  strict: boolean;
  add: Add;
  textRule: (name: TextFieldName, max: number, missing: string | null, tooLong: string) => void;
}

/** Every problem with a bid form, in the order the fields appear on the page. */
export function bidProblems(values: BidFormValues, rules: BidRules): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (path, message) => problems.push([path, message]);
  const textRule: Check["textRule"] = (name, max, missing, tooLong) => {
    const value = clean(values[name]);
    if (value === "") {
      if (missing) add(name, missing);
    } else if (value.length > max) add(name, `${tooLong} must be ${max.toLocaleString("en-GB")} characters or fewer`);
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
  textRule("groupName", LIMITS.groupName, "Enter the name of your group", "Group name");

  const groupType = clean(values.groupType);
  if (groupType === "") {
    if (strict) add("groupType", "Select the type of group");
  } else if (!isGroupType(groupType)) add("groupType", "Select one of the types of group listed");

  const registration = (type: GroupType, field: "charityNumber" | "companyNumber", value: string, pattern: RegExp, missing: string, wrong: string) => {
    // why: a number typed before any type was chosen is still checked.
    if (groupType !== type && (isGroupType(groupType) || !value)) return;
    if (value === "") {
      if (strict && groupType === type) add(field, missing);
    } else if (!pattern.test(value)) add(field, wrong);
  };
  registration("REGISTERED_CHARITY", "charityNumber", normaliseCharityNumber(values.charityNumber), CHARITY_NUMBER,
    "Enter your registered charity number", "Charity number must be 6 to 8 digits, like 1123456");
  registration("COMPANY", "companyNumber", normaliseCompanyNumber(values.companyNumber), COMPANY_NUMBER,
    "Enter your company number", "Company number must be 8 characters, like 01234567 or SC123456");
  if (groupType === "UNCONSTITUTED_GROUP") {
    textRule(
      "parentOrgName",
      LIMITS.parentOrgName,
      strict ? "Enter the name of the organisation applying on your behalf" : null,
      "Parent organisation name",
    );
  }

  textRule("area", LIMITS.area, strict ? "Enter the area or postcode where the project will happen" : null, "Area or postcode");
}

function contactAndProjectProblems({ values, strict, add, textRule }: Check) {
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
}

/** The amount asked for, when it is one the budget can be compared with. */
function amountProblems({ values, rules, strict, add }: Check): Pence | null {
  const currency = rules.currency ?? "GBP";
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
  return amount;
}

function budgetProblems({ values, rules, strict, add }: Check, amount: Pence | null) {
  const currency = rules.currency ?? "GBP";
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
}

function dateProblems({ values, rules, strict, add }: Check) {
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

/**
 * The first problem of each field, keyed like the form's names ("budget.2.amount", "budget" for
 * the list's own): what a page shows beside each box. The browser runs it as a person types.
 */
export function bidFieldErrors(values: BidFormValues, rules: BidRules): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of bidProblems(values, rules)) if (!(path in errors)) errors[path] = message;
  return errors;
}

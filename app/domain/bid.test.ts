import {
  bidAccess,
  bidSnapshot,
  emptyFormValues,
  formValuesFromBid,
  formValuesFromEntries,
  LIMITS,
  MAX_BUDGET_LINES,
  roundPhase,
  withExtraRow,
  type BidRules,
} from "~/domain/bid";
import { parseDateInput } from "~/domain/bid-rules";
import { todayIn } from "~/domain/calendar-day";
import { bidErrors, bidSchema } from "~/domain/bid-schema";
import { translate } from "~/i18n/catalogue.server";
import { errorTexts } from "~/i18n/message-text";
import { completeBidValues } from "~/testing/bid-values";

// 10:00 on 15 January 2027 in London.
const NOW = new Date("2027-01-15T10:00:00Z");

const RULES: BidRules = { minAwardPence: 20_000, maxAwardPence: 500_000, timeZone: "Europe/London", now: NOW, mode: "submit" };

const complete = completeBidValues;

/** The messages a person reads beside each box, on an English page (the schema gives keys). */
function errorsOf(values: unknown, rules: Partial<BidRules> = {}, lang: "en" | "cy" = "en") {
  const result = bidSchema({ ...RULES, ...rules }).safeParse(values);
  return result.success ? {} : errorTexts((key, v) => translate(lang, key, v), lang, bidErrors(result.error.issues));
}

function parse(values: unknown, rules: Partial<BidRules> = {}) {
  const result = bidSchema({ ...RULES, ...rules }).safeParse(values);
  if (!result.success) throw new Error(JSON.stringify(bidErrors(result.error.issues)));
  return result.data;
}

describe("a complete bid", () => {
  it("is accepted and stored in pence with normalised text", () => {
    const bid = parse(complete({ summary: "  Line one\r\nLine two  ", contactPhone: "01632  960 001" }));
    expect(bid).toMatchObject({
      groupName: "Thornbury Allotment Society",
      groupType: "CONSTITUTED_GROUP",
      amountRequestedPence: 150_000,
      beneficiaryCount: 120,
      summary: "Line one\nLine two",
      contactPhone: "01632 960 001",
      startDate: "2027-03-01",
      endDate: "2027-09-30",
      charityNumber: null,
      companyNumber: null,
      parentOrgName: null,
    });
    expect(bid.budgetLines).toEqual([
      { item: "Polytunnel kit", amountPence: 120_000 },
      { item: "Staging and hoses", amountPence: 30_000 },
    ]);
  });

  it("reports every missing answer at once, in page order", () => {
    const errors = errorsOf(emptyFormValues());
    expect(Object.keys(errors)).toEqual([
      "groupName",
      "groupType",
      "area",
      "contactName",
      "contactEmail",
      "projectTitle",
      "summary",
      "difference",
      "beneficiaries",
      "beneficiaryCount",
      "amountRequested",
      "budget",
      "startDate",
      "endDate",
    ]);
    expect(errors.groupName).toBe("Enter the name of your group");
    expect(errors.budget).toBe("Add at least one budget line, showing what the money will pay for");
  });

  it("never throws on junk: arrays, numbers, objects and missing fields become messages", () => {
    const errors = errorsOf({ groupName: ["A", "B"], amountRequested: 12, budget: "lots", summary: { a: 1 } });
    expect(errors.groupName).toBeUndefined();
    expect(errors.amountRequested).toBe("Enter the amount you are asking for");
    expect(errors.budget).toMatch(/Add at least one budget line/);
    expect(errors.summary).toBe("Enter a summary of your project");
    expect(errorsOf(undefined)).toHaveProperty("groupName");
  });
});

describe("text lengths", () => {
  it.each([
    ["projectTitle", LIMITS.projectTitle, "Project title must be 140 characters or fewer"],
    ["summary", LIMITS.summary, "Summary must be 500 characters or fewer"],
    ["difference", LIMITS.difference, "The difference it will make must be 1,000 characters or fewer"],
    ["groupName", LIMITS.groupName, "Group name must be 120 characters or fewer"],
  ] as const)("%s accepts exactly %i characters and refuses one more", (field, max, message) => {
    expect(errorsOf(complete({ [field]: "x".repeat(max) }))[field]).toBeUndefined();
    expect(errorsOf(complete({ [field]: "x".repeat(max + 1) }))[field]).toBe(message);
  });

  it("counts a new line once, as the browser's character count does", () => {
    const text = `${"a".repeat(249)}\r\n${"b".repeat(250)}`;
    expect(errorsOf(complete({ summary: text })).summary).toBeUndefined();
  });

  it("refuses a 100,000 character summary with a message, even in a draft", () => {
    const errors = errorsOf(complete({ summary: "x".repeat(100_000) }), { mode: "draft" });
    expect(errors.summary).toBe("Summary must be 500 characters or fewer");
  });
});

describe("group type and its number", () => {
  it("refuses an unknown group type", () => {
    expect(errorsOf(complete({ groupType: "SECRET_SOCIETY" })).groupType).toBe("Select one of the types of group listed");
  });

  it.each(["123456", "1123456", "12345678", "112 3456"])("accepts charity number %p", (charityNumber) => {
    const bid = parse(complete({ groupType: "REGISTERED_CHARITY", charityNumber }));
    expect(bid.charityNumber).toBe(charityNumber.replace(/\s/g, ""));
  });

  it.each(["12345", "123456789", "12345a", "SC12345"])("refuses charity number %p", (charityNumber) => {
    expect(errorsOf(complete({ groupType: "REGISTERED_CHARITY", charityNumber })).charityNumber).toBe(
      "Charity number must be 6 to 8 digits, like 1123456",
    );
  });

  it("needs a charity number from a registered charity", () => {
    expect(errorsOf(complete({ groupType: "REGISTERED_CHARITY" })).charityNumber).toBe("Enter your registered charity number");
  });

  it.each(["01234567", "SC123456", "CE000123", "sc 123456"])("accepts company number %p", (companyNumber) => {
    const bid = parse(complete({ groupType: "COMPANY", companyNumber }));
    expect(bid.companyNumber).toBe(companyNumber.replace(/\s/g, "").toUpperCase());
  });

  it.each(["1234567", "123456789", "S1234567", "SC12345", "SCX23456"])("refuses company number %p", (companyNumber) => {
    expect(errorsOf(complete({ groupType: "COMPANY", companyNumber })).companyNumber).toBe(
      "Company number must be 8 characters, like 01234567 or SC123456",
    );
  });

  it("needs the parent organisation of an unconstituted group", () => {
    expect(errorsOf(complete({ groupType: "UNCONSTITUTED_GROUP" })).parentOrgName).toBe(
      "Enter the name of the organisation applying on your behalf",
    );
    expect(parse(complete({ groupType: "UNCONSTITUTED_GROUP", parentOrgName: "Thornbury Methodist Church" })).parentOrgName).toBe(
      "Thornbury Methodist Church",
    );
  });

  it("keeps only the number that belongs to the chosen type (without JavaScript every box shows)", () => {
    const bid = parse(complete({ groupType: "COMPANY", companyNumber: "01234567", charityNumber: "not checked", parentOrgName: "Someone" }));
    expect(bid).toMatchObject({ companyNumber: "01234567", charityNumber: null, parentOrgName: null });
  });
});

describe("contact details", () => {
  it.each(["jo", "jo@", "jo@example", "jo @example.org", "@example.org"])("refuses email %p", (contactEmail) => {
    expect(errorsOf(complete({ contactEmail })).contactEmail).toBe("Enter an email address in the correct format, like name@example.com");
  });

  it("treats the phone number as optional but checks one that is typed", () => {
    expect(errorsOf(complete({ contactPhone: "" })).contactPhone).toBeUndefined();
    expect(errorsOf(complete({ contactPhone: "+44 (0)7700 900982" })).contactPhone).toBeUndefined();
    expect(errorsOf(complete({ contactPhone: "call me" })).contactPhone).toMatch(/Enter a telephone number/);
    expect(errorsOf(complete({ contactPhone: "12345" })).contactPhone).toMatch(/Enter a telephone number/);
  });
});

describe("how many benefit", () => {
  it.each([
    ["1,200", undefined],
    ["0", "Number of people must be 1 or more"],
    ["about 40", "Enter the number of people as a whole number, like 120"],
    ["2.5", "Enter the number of people as a whole number, like 120"],
    ["1000001", "Number of people must be 1,000,000 or fewer"],
  ])("%p -> %p", (beneficiaryCount, message) => {
    expect(errorsOf(complete({ beneficiaryCount })).beneficiaryCount).toBe(message);
  });
});

describe("amount and budget", () => {
  it("accepts the fund's minimum and maximum exactly and refuses a penny outside", () => {
    const at = (amount: string) => complete({ amountRequested: amount, budget: [{ item: "Everything", amount }] });
    expect(errorsOf(at("200")).amountRequested).toBeUndefined();
    expect(errorsOf(at("5000")).amountRequested).toBeUndefined();
    expect(errorsOf(at("199.99")).amountRequested).toBe("Amount must be £200 or more");
    expect(errorsOf(at("5000.01")).amountRequested).toBe("Amount must be £5,000 or less");
  });

  it("refuses an amount that is not money", () => {
    expect(errorsOf(complete({ amountRequested: "lots" })).amountRequested).toBe("Enter the amount in pounds, like 1500 or 1,500.50");
    expect(errorsOf(complete({ amountRequested: "-5" })).amountRequested).toBe("Enter the amount in pounds, like 1500 or 1,500.50");
  });

  it("needs the budget lines to add up exactly to the request, and says by how much they do not", () => {
    expect(errorsOf(complete({ amountRequested: "1,500.01" })).budget).toBe(
      "Budget lines add up to £1,500, which is £0.01 less than the £1,500.01 you are asking for",
    );
    expect(errorsOf(complete({ amountRequested: "1,400" })).budget).toBe(
      "Budget lines add up to £1,500, which is £100 more than the £1,400 you are asking for",
    );
    expect(errorsOf(complete({ amountRequested: "1500.00" })).budget).toBeUndefined();
  });

  it("points at the line that is wrong rather than the total", () => {
    const errors = errorsOf(
      complete({ budget: [{ item: "Kit", amount: "1200" }, { item: "", amount: "300" }, { item: "Hoses", amount: "three hundred" }, { item: "Zero", amount: "0" }] }),
    );
    expect(errors["budget.1.item"]).toBe("Enter what line 2 of the budget is for");
    expect(errors["budget.2.amount"]).toBe("Enter the cost of line 3 in pounds, like 250");
    expect(errors["budget.3.amount"]).toBe("Cost of line 4 must be more than £0");
    expect(errors.budget).toBeUndefined();
  });

  it("ignores blank rows wherever they are", () => {
    const bid = parse(complete({ budget: [{ item: "", amount: "" }, { item: "Kit", amount: "1500" }, { item: " ", amount: " " }] }));
    expect(bid.budgetLines).toEqual([{ item: "Kit", amountPence: 150_000 }]);
  });

  it(`allows ${MAX_BUDGET_LINES} lines and no more`, () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ item: `Item ${i + 1}`, amount: "10" }));
    expect(errorsOf(complete({ amountRequested: "200", budget: lines(MAX_BUDGET_LINES) })).budget).toBeUndefined();
    expect(errorsOf(complete({ amountRequested: "210", budget: lines(MAX_BUDGET_LINES + 1) })).budget).toMatch(/List up to 20 budget lines/);
  });
});

describe("dates", () => {
  it("accepts a start today in London and refuses yesterday", () => {
    expect(errorsOf(complete({ startDate: "2027-01-15" })).startDate).toBeUndefined();
    expect(errorsOf(complete({ startDate: "2027-01-14" })).startDate).toBe("Start date must be today or in the future");
  });

  it("uses the fund's calendar: 00:30 on 1 July in London is still 30 June in UTC", () => {
    const now = new Date("2027-06-30T23:30:00Z");
    expect(todayIn(now, "Europe/London")).toBe("2027-07-01");
    expect(errorsOf(complete({ startDate: "2027-06-30", endDate: "2027-08-01" }), { now }).startDate).toBe(
      "Start date must be today or in the future",
    );
  });

  it("lets an edit keep a start date that has since passed", () => {
    expect(errorsOf(complete({ startDate: "2027-01-10" }), { keepStartDate: "2027-01-10" }).startDate).toBeUndefined();
  });

  it("needs the end after the start", () => {
    expect(errorsOf(complete({ endDate: "2027-03-01" })).endDate).toBe("End date must be after the start date");
    expect(errorsOf(complete({ endDate: "2027-02-28" })).endDate).toBe("End date must be after the start date");
    expect(errorsOf(complete({ endDate: "2027-03-02" })).endDate).toBeUndefined();
  });

  it.each([
    ["2027-03-01", "2027-03-01"],
    ["1/3/2027", "2027-03-01"],
    ["01.03.2027", "2027-03-01"],
    ["2028-02-29", "2028-02-29"],
    ["2027-02-29", null],
    ["31/4/2027", null],
    ["next week", null],
    ["1899-01-01", null],
  ])("reads %p as %p", (typed, iso) => {
    expect(parseDateInput(typed)).toBe(iso);
  });

  it("refuses a date that is not real", () => {
    expect(errorsOf(complete({ startDate: "2027-02-30" })).startDate).toBe("Start date must be a real date, like 2027-03-01");
  });
});

describe("drafts", () => {
  const draft = { mode: "draft" as const };

  it("need only a group name and an email address", () => {
    const values = { ...emptyFormValues(), groupName: "Knit and Natter", contactEmail: "k@example.org" };
    const bid = parse(values, draft);
    expect(bid).toMatchObject({ groupName: "Knit and Natter", amountRequestedPence: null, startDate: null, budgetLines: [] });
    expect(Object.keys(errorsOf(emptyFormValues(), draft))).toEqual(["groupName", "contactEmail"]);
  });

  it("still check what is typed", () => {
    const errors = errorsOf(
      { ...emptyFormValues(), groupName: "G", contactEmail: "nope", amountRequested: "abc", startDate: "30/2/2027", budget: [{ item: "Kit", amount: "" }] },
      draft,
    );
    expect(errors).toEqual({
      contactEmail: "Enter an email address in the correct format, like name@example.com",
      amountRequested: "Enter the amount in pounds, like 1500 or 1,500.50",
      "budget.0.amount": "Enter the cost of line 1 of the budget",
      startDate: "Start date must be a real date, like 2027-03-01",
    });
  });

  it("leave the whole-bid rules (cap, budget total, date order) to submission", () => {
    const values = complete({ amountRequested: "9000", endDate: "2027-02-01" });
    expect(errorsOf(values, draft)).toEqual({});
  });
});

describe("form values", () => {
  it("come back from posted fields in row order, ignoring made-up row numbers", () => {
    const values = formValuesFromEntries({
      groupName: "G",
      "budget.1.item": "Second",
      "budget.0.amount": "10",
      "budget.0.item": "First",
      "budget.9999999.item": "Far away",
      "budget.x.item": "Not a row",
    });
    expect(values.budget).toEqual([
      { item: "First", amount: "10" },
      { item: "Second", amount: "" },
    ]);
    expect(values.summary).toBe("");
  });

  it("gain one blank row for 'Add another line', up to the limit", () => {
    const values = emptyFormValues();
    expect(withExtraRow(values).budget).toHaveLength(values.budget.length + 1);
    const full = { ...values, budget: Array.from({ length: MAX_BUDGET_LINES }, () => ({ item: "a", amount: "1" })) };
    expect(withExtraRow(full).budget).toHaveLength(MAX_BUDGET_LINES);
  });

  const stored = {
    reference: "PD-2027-0001",
    groupName: "G",
    groupType: "COMPANY" as const,
    charityNumber: null,
    companyNumber: "SC123456",
    parentOrgName: null,
    area: "BS35",
    projectTitle: "T",
    summary: "S",
    difference: "D",
    beneficiaries: "B",
    beneficiaryCount: 40,
    amountRequestedPence: 120_050,
    startDate: new Date("2027-03-01T00:00:00Z"),
    endDate: new Date("2027-04-01T00:00:00Z"),
    budgetLines: [{ item: "Kit", amountPence: 120_050 }],
    contact: { name: "Jo", email: "jo@example.org", phone: null },
  };

  it("round-trip a stored bid into the form", () => {
    const values = formValuesFromBid(stored);
    expect(values).toMatchObject({ amountRequested: "1200.50", startDate: "2027-03-01", contactEmail: "jo@example.org", beneficiaryCount: "40" });
    expect(values.budget).toHaveLength(5);
    expect(parse(values).amountRequestedPence).toBe(120_050);
  });

  it("snapshot a bid without any contact details", () => {
    const snapshot = bidSnapshot(stored, 2);
    expect(snapshot).toMatchObject({ reference: "PD-2027-0001", version: 2, startDate: "2027-03-01" });
    expect(JSON.stringify(snapshot)).not.toMatch(/jo@example.org|"Jo"/);
  });
});

describe("where a bid stands", () => {
  const round = { opensAt: new Date("2027-01-01T00:00:00Z"), closesAt: new Date("2027-02-01T17:00:00Z") };

  it("knows when a round is open", () => {
    expect(roundPhase(round, new Date("2026-12-31T23:59:59Z"))).toBe("upcoming");
    expect(roundPhase(round, NOW)).toBe("open");
    expect(roundPhase(round, new Date("2027-02-01T16:59:59Z"))).toBe("open");
    expect(roundPhase(round, new Date("2027-02-01T17:00:00Z"))).toBe("closed");
  });

  it("lets a draft be edited and submitted only while the round is open", () => {
    expect(bidAccess({ status: "DRAFT" }, round, NOW)).toEqual({ canEdit: true, canSubmit: true, canWithdraw: true, lockedKey: null });
    const late = bidAccess({ status: "DRAFT" }, round, new Date("2027-02-01T17:00:00Z"));
    expect(late).toMatchObject({ canEdit: false, canSubmit: false });
    expect(late.lockedKey).toBe("bid.locked.draftClosed");
  });

  it("locks a submitted bid at the deadline but still lets the group withdraw", () => {
    expect(bidAccess({ status: "SUBMITTED" }, round, NOW)).toMatchObject({ canEdit: true, canSubmit: false });
    const late = bidAccess({ status: "SUBMITTED" }, round, new Date("2027-02-02T00:00:00Z"));
    expect(late).toMatchObject({ canEdit: false, canWithdraw: true, lockedKey: "bid.locked.closed" });
  });

  it("never lets a withdrawn or decided bid change", () => {
    expect(bidAccess({ status: "WITHDRAWN" }, round, NOW)).toMatchObject({ canEdit: false, canWithdraw: false, lockedKey: "bid.locked.withdrawn" });
    expect(bidAccess({ status: "FUNDED" }, round, NOW)).toMatchObject({ canEdit: false, canWithdraw: false, lockedKey: "bid.locked.considered" });
    expect(bidAccess({ status: "SHORTLISTED" }, round, NOW)).toMatchObject({ canEdit: false, canWithdraw: true });
  });
});


describe("the messages in Welsh", () => {
  it("say each problem in Welsh on a Welsh page, with the same fields as in English", () => {
    const values = complete({ groupName: "", contactEmail: "jo@", amountRequested: "10", beneficiaryCount: "1000001" });
    const welsh = errorsOf(values, {}, "cy");
    expect(Object.keys(welsh)).toEqual(Object.keys(errorsOf(values)));
    expect(welsh.groupName).toBe("Rhowch enw eich grŵp");
    expect(welsh.contactEmail).toBe("Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com");
    expect(welsh.amountRequested).toBe("Rhaid i’r swm fod yn £200 neu fwy");
    expect(welsh.beneficiaryCount).toBe("Rhaid i nifer y bobl fod yn 1,000,000 neu lai");
  });

  it("say by how much a budget misses the request, in Welsh, with money in pounds", () => {
    const welsh = errorsOf(complete({ amountRequested: "1500", budget: [{ item: "Seeds", amount: "1300" }] }), {}, "cy");
    expect(welsh.budget).toBe("Mae llinellau’r gyllideb yn dod i £1,300, sef £200 yn llai na’r £1,500 rydych yn gofyn amdano");
  });
});

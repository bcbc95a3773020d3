import { bidFieldErrors } from "~/components/bid-form/bid-checks";
import { emptyFormValues, type BidFormValues, type BidRules } from "~/domain/bid";
import { bidErrors, bidSchema } from "~/domain/bid-schema";
import { translate } from "~/i18n/catalogue.server";
import { errorTexts } from "~/i18n/message-text";
import { completeBidValues as complete } from "~/testing/bid-values";

// The browser checks a bid with the same rules as the server, without zod: what a person sees
// on blur must be what the server would say on submit.

const RULES: BidRules = {
  minAwardPence: 20_000,
  maxAwardPence: 500_000,
  timeZone: "Europe/London",
  now: new Date("2026-11-20T12:00:00Z"),
  mode: "submit",
};

// Both say keys; the page says them in its language (English here, as a person reads them).
const english = (errors: Parameters<typeof errorTexts>[2]) => errorTexts((key, v) => translate("en", key, v), "en", errors);
const browser = (values: BidFormValues, rules: Partial<BidRules> = {}) => english(bidFieldErrors(values, { ...RULES, ...rules }));

function server(values: BidFormValues, rules: Partial<BidRules> = {}) {
  const result = bidSchema({ ...RULES, ...rules }).safeParse(values);
  return result.success ? {} : english(bidErrors(result.error.issues));
}

test("a complete bid has no messages", () => {
  expect(browser(complete())).toEqual({});
});

test("each problem sits at its field's name, with the server's message", () => {
  const values = complete({
    contactEmail: "jo at example",
    amountRequested: "99,000",
    budget: [
      { item: "Polytunnel kit", amount: "lots" },
      { item: "", amount: "300" },
    ],
  });
  expect(browser(values)).toEqual(server(values));
  expect(Object.keys(browser(values))).toEqual(expect.arrayContaining(["contactEmail", "amountRequested", "budget.0.amount", "budget.1.item"]));
});

test("the budget's own message sits under its name, beside its rows' messages", () => {
  const values = complete({ budget: [{ item: "", amount: "" }] });
  expect(browser(values).budget).toBe(server(values).budget);
  expect(browser(values).budget).toBeTruthy();
});

test("a draft is checked only for what is typed, and its name", () => {
  const values = { ...emptyFormValues(), contactEmail: "not-an-email" };
  expect(browser(values, { mode: "draft" })).toEqual(server(values, { mode: "draft" }));
  // why groupName: even a draft needs a name to be found again.
  expect(Object.keys(browser(values, { mode: "draft" }))).toEqual(["groupName", "contactEmail"]);
});

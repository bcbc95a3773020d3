import { bidResolver } from "~/components/bid-resolver";
import { emptyFormValues, type BidFormValues, type BidRules } from "~/domain/bid";
import { bidErrors, bidSchema } from "~/domain/bid-schema";
import { completeBidValues } from "~/testing/bid-values";

// The browser checks a bid with the same rules as the server, without zod: what a person sees
// on blur must be what the server would say on submit.

const RULES: BidRules = {
  minAwardPence: 20_000,
  maxAwardPence: 500_000,
  timeZone: "Europe/London",
  now: new Date("2026-11-20T12:00:00Z"),
  mode: "submit",
};

const complete = completeBidValues;

async function resolve(values: BidFormValues, rules: Partial<BidRules> = {}) {
  return bidResolver(() => ({ ...RULES, ...rules }))(values, undefined, { fields: {}, shouldUseNativeValidation: false });
}

/** The resolver's nested errors, flattened to the form's field names. */
function flat(errors: object, prefix = "", out: Record<string, string> = {}) {
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === "string") out[path] = (value as { message: string }).message;
    else flat(value, path, out);
  }
  return out;
}

function serverErrors(values: BidFormValues, rules: Partial<BidRules> = {}) {
  const result = bidSchema({ ...RULES, ...rules }).safeParse(values);
  return result.success ? {} : bidErrors(result.error.issues);
}

test("a complete bid passes with its values and no errors", async () => {
  const values = complete();
  expect(await resolve(values)).toEqual({ values, errors: {} });
});

test("each problem sits at its field's path, with the server's message", async () => {
  const values = complete({
    contactEmail: "jo at example",
    amountRequested: "99,000",
    budget: [
      { item: "Polytunnel kit", amount: "lots" },
      { item: "", amount: "300" },
    ],
  });
  const { values: passed, errors } = await resolve(values);
  expect(passed).toEqual({});
  expect(flat(errors)).toEqual(serverErrors(values));
  expect(Object.keys(flat(errors))).toEqual(expect.arrayContaining(["contactEmail", "amountRequested", "budget.0.amount", "budget.1.item"]));
});

test("the budget's own message sits beside its rows' messages, under root", async () => {
  const values = complete({ budget: [{ item: "", amount: "" }] });
  const { errors } = await resolve(values);
  expect(errors.budget?.root?.message).toBe(serverErrors(values).budget);
});

test("a draft is checked only for what is typed, and its name", async () => {
  const values = { ...emptyFormValues(), contactEmail: "not-an-email" };
  const { errors } = await resolve(values, { mode: "draft" });
  expect(flat(errors)).toEqual(serverErrors(values, { mode: "draft" }));
  // why groupName: even a draft needs a name to be found again.
  expect(Object.keys(flat(errors))).toEqual(["groupName", "contactEmail"]);
});

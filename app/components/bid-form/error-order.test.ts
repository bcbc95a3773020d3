import { flattenErrors, inPageOrder } from "~/components/bid-form/error-order";

// The error summary lists messages in the order a person meets the boxes, whichever order the
// checks (or react-hook-form's nested errors) produced them in.

test("budget messages sit after the amount, rows in order, the list's own message after its rows", () => {
  const ordered = inPageOrder({
    endDate: "End date must be after the start date",
    budget: "Budget lines add up to £1,200",
    "budget.10.amount": "Enter the cost of line 11",
    "budget.2.item": "Enter what line 3 is for",
    amountRequested: "Amount must be £5,000 or less",
    groupName: "Enter the name of your group",
  });
  expect(Object.keys(ordered)).toEqual(["groupName", "amountRequested", "budget.2.item", "budget.10.amount", "budget", "endDate"]);
});

test("react-hook-form's nested errors become the server's flat field names, the list's own under its name", () => {
  const flat = flattenErrors({
    contactEmail: { type: "custom", message: "Enter an email address", ref: { name: "contactEmail" } },
    budget: { root: { type: "custom", message: "Add at least one budget line" }, 1: { amount: { type: "custom", message: "Enter the cost of line 2" } } },
  });
  expect(flat).toEqual({
    contactEmail: "Enter an email address",
    budget: "Add at least one budget line",
    "budget.1.amount": "Enter the cost of line 2",
  });
});

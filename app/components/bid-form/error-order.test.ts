import { inPageOrder } from "~/components/bid-form/error-order";

// The error summary lists messages in the order a person meets the boxes, whichever order the
// checks produced them in.

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

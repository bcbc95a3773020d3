import { addDays, format } from "date-fns";
import { emptyFormValues, type BidFormValues } from "~/domain/bid";
import { parsePounds, penceToInput, sumPence } from "~/domain/money";
import { startBid, submitBid } from "~/models/bid.server";

// One demo bid is stated once, as what its group typed; this fills in the rest of the form the
// same way for every demo bid, and sends it through the bid model as a group's browser would.

/** The group, with the one registration detail the form asks of its kind (a draft may not say yet). */
export type DemoGroup =
  | { name: string; type: "REGISTERED_CHARITY"; charityNumber: string }
  | { name: string; type: "COMPANY"; companyNumber: string }
  | { name: string; type: "UNCONSTITUTED_GROUP"; parentOrgName: string }
  | { name: string; type: "CONSTITUTED_GROUP" }
  | { name: string; type?: undefined };

type Answers = Pick<BidFormValues, "area" | "projectTitle" | "summary" | "difference" | "beneficiaries" | "beneficiaryCount">;

export type DemoBid = Partial<Answers> & {
  group: DemoGroup;
  contact: { name?: string; email: string };
  /** Each line's item and its cost in pounds, as typed. */
  budget?: Record<string, string>;
};

/** When the project runs, counted from the day the bid was written. */
export interface DemoTiming {
  startsAfterDays: number;
  lastsDays: number;
}

function demoBidValues(demo: DemoBid, writtenAt: Date, timing: DemoTiming): BidFormValues {
  const { group, contact, budget, ...answers } = demo;
  const { name: groupName, type: groupType = "", ...registration } = group;
  const start = addDays(writtenAt, timing.startsAfterDays);
  const values: BidFormValues = {
    ...emptyFormValues(),
    ...registration,
    ...answers,
    groupName,
    groupType,
    contactName: contact.name ?? "",
    contactEmail: contact.email,
    startDate: format(start, "yyyy-MM-dd"),
    endDate: format(addDays(start, timing.lastsDays), "yyyy-MM-dd"),
  };
  if (!budget) return values;
  const rows = Object.entries(budget).map(([item, amount]) => ({ item, amount }));
  // The form refuses a bid whose lines do not add up to the amount asked for, so every demo
  // group asks for exactly its budget's total (a line that is not an amount is refused on its own).
  const total = sumPence(rows.map((row) => parsePounds(row.amount) ?? 0));
  return { ...values, budget: rows, amountRequested: penceToInput(total) };
}

/** Written on `sentAt` and sent the next day; the token is the group's private link. */
export async function sendDemoBid(slug: string, demo: DemoBid, sentAt: Date, timing: DemoTiming) {
  const started = await startBid({ slug, values: demoBidValues(demo, sentAt, timing), intent: "continue", now: sentAt });
  if (!started.ok) throw new Error(`Demo bid "${demo.group.name}" was refused: ${JSON.stringify(started)}`);
  const submitted = await submitBid({ token: started.token, now: addDays(sentAt, 1) });
  if (!submitted.ok) throw new Error(`Demo bid "${demo.group.name}" could not be sent: ${JSON.stringify(submitted)}`);
  return { bid: submitted.bid, token: started.token };
}

/** A draft begun on `now` and not sent. */
export async function startDemoDraft(slug: string, demo: DemoBid, now: Date, timing: DemoTiming) {
  const started = await startBid({ slug, values: demoBidValues(demo, now, timing), intent: "draft", now });
  if (!started.ok) throw new Error(`Demo draft "${demo.group.name}" was refused: ${JSON.stringify(started)}`);
  return started.bid;
}

import { MAX_TICKETS_PER_BATCH as MODEL_MAX } from "~/models/audience.server";
import { parseForm } from "~/utils/forms";
import { MAX_TICKETS_PER_BATCH, paperFormSchema, ticketBatchSchema } from "./audience-forms";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("printing a batch of tickets", () => {
  it("takes a whole number from 1 to the model's batch limit", () => {
    expect(MAX_TICKETS_PER_BATCH).toBe(MODEL_MAX);
    expect(parseForm(ticketBatchSchema, form({ count: " 60 " }))).toMatchObject({ ok: true, data: { count: 60 } });
    expect(parseForm(ticketBatchSchema, form({ count: "500" }))).toMatchObject({ ok: true, data: { count: 500 } });
  });

  it("refuses nothing, zero, fractions, words and too many, keeping what was typed", () => {
    const message = "Enter how many tickets to print, a whole number from 1 to 500.";
    for (const typed of ["", "0", "2.5", "sixty", "501", "-3"]) {
      expect(parseForm(ticketBatchSchema, form({ count: typed }))).toEqual({ ok: false, errors: { count: message }, values: { count: typed } });
    }
  });
});

describe("paper ballot counts", () => {
  it("takes a count for a pitch, zero included", () => {
    expect(parseForm(paperFormSchema, form({ intent: "enter", bidId: "b1", count: "0" }))).toMatchObject({ ok: true, data: { intent: "enter", bidId: "b1", count: 0 } });
  });

  it("needs a note to settle two counts that differ", () => {
    expect(parseForm(paperFormSchema, form({ intent: "resolve", bidId: "b1", count: "14", note: " " }))).toMatchObject({
      ok: false,
      errors: { note: "Add a note saying how the difference was settled (for example, a recount by whom)." },
    });
    expect(parseForm(paperFormSchema, form({ intent: "resolve", bidId: "b1", count: "14", note: "Recounted by A and B" }))).toMatchObject({
      ok: true,
      data: { count: 14, note: "Recounted by A and B" },
    });
  });

  it("refuses a count that is not a whole number", () => {
    expect(parseForm(paperFormSchema, form({ intent: "enter", bidId: "b1", count: "twelve" }))).toMatchObject({
      ok: false,
      errors: { count: "Enter the number of paper votes as a whole number, 0 or more." },
    });
  });
});

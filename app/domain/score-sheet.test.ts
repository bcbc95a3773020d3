import { translate } from "~/i18n/catalogue.server";
import type { Lang } from "~/i18n/lang";
import { errorTexts } from "~/i18n/message-text";
import { itemFieldName, scoreSheetSchema, sheetErrors, type SheetCriterion } from "./score-sheet";

const criteria: SheetCriterion[] = [
  { id: "crit_need", name: "Need", scaleMin: 1, scaleMax: 5 },
  { id: "crit_plan", name: "Plan", scaleMin: 0, scaleMax: 10 },
];
const schema = scoreSheetSchema(criteria);
const mutation = "5b0e3b5e-8a3b-4c4e-9d6f-1f2a3b4c5d6e";

/** What the panellist reads beside each field, in their language. */
function errors(input: unknown, lang: Lang = "en", checked = schema) {
  const result = checked.safeParse(input);
  if (result.success) throw new Error("expected the sheet to be refused");
  return errorTexts((key, values) => translate(lang, key, values), lang, sheetErrors(result.error));
}

describe("a panellist's score sheet", () => {
  it("accepts one whole number per criterion within its scale, in criteria order", () => {
    const result = schema.parse({ items: { crit_plan: 0, crit_need: 5 }, comment: "  Clear budget.  ", clientMutationId: mutation });
    expect(result).toEqual({
      items: [
        { criterionId: "crit_need", value: 5 },
        { criterionId: "crit_plan", value: 0 },
      ],
      comment: "Clear budget.",
      clientMutationId: mutation,
    });
  });

  it("reads the plain form too (no JavaScript): flat item fields and text values", () => {
    const form = new FormData();
    form.set(itemFieldName("crit_need"), "3");
    form.set(itemFieldName("crit_plan"), "10");
    form.set("clientMutationId", mutation);
    const values = Object.fromEntries(form.entries());
    expect(schema.parse(values)).toEqual({
      items: [
        { criterionId: "crit_need", value: 3 },
        { criterionId: "crit_plan", value: 10 },
      ],
      comment: "",
      clientMutationId: mutation,
    });
  });

  it("takes a sheet already in its own output shape (items listed), and checks it the same way", () => {
    const listed = { items: [{ criterionId: "crit_plan", value: 7 }, { criterionId: "crit_need", value: 2 }], clientMutationId: mutation };
    expect(schema.parse(listed).items).toEqual([
      { criterionId: "crit_need", value: 2 },
      { criterionId: "crit_plan", value: 7 },
    ]);
    expect(errors({ items: [{ criterionId: "crit_need", value: 9 }], clientMutationId: mutation })).toEqual({
      "items.crit_need": "The score for Need must be a whole number from 1 to 5.",
      "items.crit_plan": "Choose a score for Plan, from 0 to 10.",
    });
    expect(errors({ items: [{ value: 3 }], clientMutationId: mutation })).toHaveProperty("items");
  });

  it("names each missing criterion next to its field", () => {
    expect(errors({ items: { crit_plan: 4 }, clientMutationId: mutation })).toEqual({
      "items.crit_need": "Choose a score for Need, from 1 to 5.",
    });
    expect(errors({ clientMutationId: mutation, "items.crit_need": "" })).toMatchObject({
      "items.crit_need": "Choose a score for Need, from 1 to 5.",
      "items.crit_plan": "Choose a score for Plan, from 0 to 10.",
    });
  });

  it("refuses scores outside the scale or not whole numbers", () => {
    expect(errors({ items: { crit_need: 6, crit_plan: -1 }, clientMutationId: mutation })).toEqual({
      "items.crit_need": "The score for Need must be a whole number from 1 to 5.",
      "items.crit_plan": "The score for Plan must be a whole number from 0 to 10.",
    });
    expect(errors({ items: { crit_need: 2.5, crit_plan: "3x" }, clientMutationId: mutation })).toEqual({
      "items.crit_need": "The score for Need must be a whole number from 1 to 5.",
      "items.crit_plan": "The score for Plan must be a whole number from 0 to 10.",
    });
    expect(errors({ items: { crit_need: 0, crit_plan: 11 }, clientMutationId: mutation })).toHaveProperty(["items.crit_plan"]);
  });

  it("refuses a sheet made for criteria the round no longer has", () => {
    expect(errors({ items: { crit_need: 2, crit_plan: 2, crit_old: 3 }, clientMutationId: mutation })).toEqual({
      items: "The criteria for this round have changed since the page was opened. Reload the page and score again.",
    });
  });

  it("limits the comment to 1,000 characters", () => {
    expect(schema.safeParse({ items: { crit_need: 1, crit_plan: 1 }, comment: "x".repeat(1000), clientMutationId: mutation }).success).toBe(true);
    expect(errors({ items: { crit_need: 1, crit_plan: 1 }, comment: "x".repeat(1001), clientMutationId: mutation })).toEqual({
      comment: "Your comment must be 1,000 characters or fewer.",
    });
  });

  it("needs the device's submission id, a UUID, so a retry can be recognised", () => {
    expect(errors({ items: { crit_need: 1, crit_plan: 1 } })).toEqual({
      clientMutationId: "This score could not be matched to your phone's submission. Reload the page and send it again.",
    });
    expect(errors({ items: { crit_need: 1, crit_plan: 1 }, clientMutationId: "retry-1" })).toHaveProperty("clientMutationId");
  });

  it("checks against the criteria as they are now, when a scale or a name changes during the evening", () => {
    const widened = scoreSheetSchema([{ ...criteria[0], scaleMax: 10, name: "Need in the area" }, criteria[1]]);
    expect(widened.safeParse({ items: { crit_need: 8, crit_plan: 3 }, clientMutationId: mutation }).success).toBe(true);
    expect(schema.safeParse({ items: { crit_need: 8, crit_plan: 3 }, clientMutationId: mutation }).success).toBe(false);
    const again = scoreSheetSchema(criteria.map((c) => ({ ...c })));
    expect(errors({ items: { crit_plan: 3 }, clientMutationId: mutation }, "en", again)).toEqual({ "items.crit_need": "Choose a score for Need, from 1 to 5." });
  });

  it("says each problem in Welsh to a Welsh panellist, beside its field", () => {
    expect(errors({ items: { crit_need: 7 }, clientMutationId: mutation, comment: "x".repeat(1001) }, "cy")).toEqual({
      "items.crit_need": "Rhaid i’r sgôr ar gyfer Need fod yn rhif cyfan o 1 i 5.",
      "items.crit_plan": "Dewiswch sgôr ar gyfer Plan, o 0 i 10.",
      comment: "Rhaid i’ch sylw fod yn 1,000 nod neu lai.",
    });
    expect(errors({ items: { crit_need: 2, crit_plan: 2, crit_old: 3 }, clientMutationId: mutation }, "cy").items).toMatch(/^Mae meini prawf y cylch hwn wedi newid/);
  });
});

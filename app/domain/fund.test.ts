import {
  addCriterionRow,
  changedFields,
  criteriaRowCount,
  criteriaStep,
  criteriaRowsFrom,
  fundFormSchema,
  newRoundValues,
  removeCriterionRow,
  roundFieldLabel,
  roundFormSchema,
  roundFormValues,
  ruleIsLocked,
} from "~/domain/fund";
import { utcToLocalInput } from "~/domain/zoned-time";
import { parseForm } from "~/utils/forms";

const goodFund = {
  name: "Thornbury Community Chest",
  pot: "10,000",
  currency: "GBP",
  minAward: "200",
  maxAward: "5000",
  funderName: "Thornbury Town Council",
  funderOrgId: "GB-LAE-THB",
  grantIdPrefix: "360G-thornburytc",
  timeZone: "Europe/London",
  reportDueMonths: "12",
};

describe("fund form", () => {
  it("turns pounds into pence and keeps everything else", () => {
    const result = parseForm(fundFormSchema, goodFund);
    expect(result).toMatchObject({
      ok: true,
      data: {
        name: "Thornbury Community Chest",
        potPence: 1_000_000,
        minAwardPence: 20_000,
        maxAwardPence: 500_000,
        currency: "GBP",
        funderOrgId: "GB-LAE-THB",
        grantIdPrefix: "360G-thornburytc",
        timeZone: "Europe/London",
        reportDueMonths: 12,
      },
    });
  });

  it("asks when the end-of-grant report is due, in whole months from 1 to 60", () => {
    expect(parseForm(fundFormSchema, { ...goodFund, reportDueMonths: "6" })).toMatchObject({ ok: true, data: { reportDueMonths: 6 } });
    for (const bad of ["0", "61", "six", "1.5"]) {
      expect(parseForm(fundFormSchema, { ...goodFund, reportDueMonths: bad })).toMatchObject({
        ok: false,
        errors: { reportDueMonths: "The months until the end-of-grant report is due must be a whole number from 1 to 60" },
      });
    }
    expect(parseForm(fundFormSchema, { ...goodFund, reportDueMonths: "" })).toMatchObject({
      ok: false,
      errors: { reportDueMonths: "Enter the months until the end-of-grant report is due" },
    });
  });

  it("defaults to pounds sterling and London time when those are left blank", () => {
    const result = parseForm(fundFormSchema, { ...goodFund, currency: "", timeZone: "" });
    expect(result.ok && result.data).toMatchObject({ currency: "GBP", timeZone: "Europe/London" });
  });

  it("says which field is wrong and keeps what was typed", () => {
    const result = parseForm(fundFormSchema, { ...goodFund, name: " ", pot: "ten thousand", funderOrgId: "1234567" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe("Enter the fund's name");
    expect(result.errors.pot).toMatch(/in pounds/);
    expect(result.errors.funderOrgId).toMatch(/GB-CHC-1234567/);
    expect(result.values.pot).toBe("ten thousand");
  });

  it.each(["GB-CHC-1234567", "GB-COH-09876543", "GB-LAE-THB", "US-EIN-12-3456789"])("accepts the organisation id %p", (id) => {
    expect(parseForm(fundFormSchema, { ...goodFund, funderOrgId: id }).ok).toBe(true);
  });

  it.each(["gb-chc-1234567", "GB-C-1", "GBCHC1234567", "GB-CHC-"])("refuses the organisation id %p", (id) => {
    const result = parseForm(fundFormSchema, { ...goodFund, funderOrgId: id });
    expect(!result.ok && result.errors.funderOrgId).toBeTruthy();
  });

  it.each(["360g-abc", "360G-", "360G-with space", "GB-360G-abc"])("refuses the grant prefix %p", (prefix) => {
    const result = parseForm(fundFormSchema, { ...goodFund, grantIdPrefix: prefix });
    expect(!result.ok && result.errors.grantIdPrefix).toMatch(/360G-/);
  });

  it("needs the smallest award to be no more than the largest, and the largest no more than the pot", () => {
    const swapped = parseForm(fundFormSchema, { ...goodFund, minAward: "6000", maxAward: "5000" });
    expect(!swapped.ok && swapped.errors.minAward).toBe("The smallest award must not be more than the largest award (£5,000)");
    const tooBig = parseForm(fundFormSchema, { ...goodFund, maxAward: "20000" });
    expect(!tooBig.ok && tooBig.errors.maxAward).toBe("The largest award must not be more than the pot (£10,000)");
    expect(parseForm(fundFormSchema, { ...goodFund, minAward: "5000", maxAward: "10000" }).ok).toBe(true);
  });

  it("refuses a zero pot, an unknown currency and an unknown time zone", () => {
    const result = parseForm(fundFormSchema, { ...goodFund, pot: "0", currency: "XYZ", timeZone: "Mars/Olympus" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.pot).toBe("The size of the pot must be more than £0");
    expect(result.errors.currency).toMatch(/three-letter/);
    expect(result.errors.timeZone).toMatch(/Europe\/London/);
  });
});

const goodRound: Record<string, string> = {
  title: "Spring 2027 community pitches",
  slug: "spring-2027",
  opensAt: "2027-03-01T09:00",
  closesAt: "2027-04-30T17:00",
  description: "Up to £5,000 for local groups.",
  eligibility: "Groups in Thornbury.",
  "criteria.0.name": "Need",
  "criteria.0.guidance": "Is there a clear local need?",
  "criteria.0.weight": "3",
  "criteria.0.scaleMin": "1",
  "criteria.0.scaleMax": "5",
  "criteria.1.name": "",
  "criteria.1.guidance": "",
  "criteria.1.weight": "1",
  "criteria.1.scaleMin": "1",
  "criteria.1.scaleMax": "5",
  "criteria.2.name": "Value for money",
  "criteria.2.guidance": "",
  "criteria.2.weight": "1",
  "criteria.2.scaleMin": "0",
  "criteria.2.scaleMax": "10",
  panelWeightPercent: "70",
  audienceWeightPercent: "30",
  normaliseScores: "no",
  quorum: "3",
  partFundingAllowed: "yes",
  partFundingMinPercent: "50",
  tieBreak: "HIGHER_PANEL_SCORE",
  audienceMode: "OPEN",
  audienceVotesPerPerson: "3",
};

const london = roundFormSchema("Europe/London");

describe("round form", () => {
  it("reads opening and closing times as London wall-clock times", () => {
    const result = parseForm(london, goodRound);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.opensAt.toISOString()).toBe("2027-03-01T09:00:00.000Z");
    expect(result.data.closesAt.toISOString()).toBe("2027-04-30T16:00:00.000Z");
  });

  it("reads the same form in another fund's zone differently", () => {
    const result = parseForm(roundFormSchema("America/New_York"), goodRound);
    expect(result.ok && result.data.opensAt.toISOString()).toBe("2027-03-01T14:00:00.000Z");
  });

  it("drops unused criterion rows and keeps the order of the rest", () => {
    const result = parseForm(london, goodRound);
    expect(result.ok && result.data.criteria).toEqual([
      { name: "Need", guidance: "Is there a clear local need?", weight: 3, scaleMin: 1, scaleMax: 5 },
      { name: "Value for money", guidance: "", weight: 1, scaleMin: 0, scaleMax: 10 },
    ]);
  });

  it("keeps the decision rule", () => {
    const result = parseForm(london, goodRound);
    expect(result.ok && result.data).toMatchObject({
      panelWeightPercent: 70,
      audienceWeightPercent: 30,
      normaliseScores: false,
      quorum: 3,
      partFundingAllowed: true,
      partFundingMinPercent: 50,
      tieBreak: "HIGHER_PANEL_SCORE",
      audienceMode: "OPEN",
      audienceVotesPerPerson: 3,
    });
  });

  it("needs at least one criterion, pointing at the first row", () => {
    const result = parseForm(london, { ...goodRound, "criteria.0.name": "", "criteria.0.guidance": "", "criteria.2.name": "" });
    expect(!result.ok && result.errors["criteria.0.name"]).toBe("Add at least one assessment criterion");
  });

  it("puts a criterion's mistakes next to that row's fields", () => {
    const result = parseForm(london, {
      ...goodRound,
      "criteria.2.weight": "11",
      "criteria.2.scaleMin": "5",
      "criteria.2.scaleMax": "5",
      "criteria.1.guidance": "Guidance but no name",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors["criteria.2.weight"]).toBe("The weight must be a whole number from 1 to 10");
    expect(result.errors["criteria.2.scaleMax"]).toBe("The highest score must be more than the lowest score (5)");
    expect(result.errors["criteria.1.name"]).toMatch(/Enter a name for this criterion/);
  });

  it("refuses two criteria with the same name", () => {
    const result = parseForm(london, { ...goodRound, "criteria.2.name": "need" });
    expect(!result.ok && result.errors["criteria.2.name"]).toBe('There is already a criterion called "need"');
  });

  it("needs the round to close after it opens", () => {
    const result = parseForm(london, { ...goodRound, closesAt: "2027-03-01T09:00" });
    expect(!result.ok && result.errors.closesAt).toBe("The closing time must be after the opening time");
  });

  it("explains a time that does not exist because the clocks go forward", () => {
    const result = parseForm(london, { ...goodRound, opensAt: "2027-03-28T01:30" });
    expect(!result.ok && result.errors.opensAt).toMatch(/does not exist in Europe\/London/);
  });

  it.each(["Spring 2027", "spring_2027", "-spring", "spring--2027", "SPRING"])("refuses the web address name %p", (slug) => {
    const result = parseForm(london, { ...goodRound, slug });
    expect(!result.ok && result.errors.slug).toMatch(/lowercase letters, numbers and single hyphens/);
  });

  it("needs the panel's and audience's weights to add up to 100", () => {
    const result = parseForm(london, { ...goodRound, panelWeightPercent: "60", audienceWeightPercent: "30" });
    expect(!result.ok && result.errors.audienceWeightPercent).toBe(
      "The panel's and the audience's weights must add up to 100 (now 90)",
    );
  });

  it("refuses an audience weight when there is no audience vote", () => {
    const result = parseForm(london, { ...goodRound, audienceMode: "NONE" });
    expect(!result.ok && result.errors.audienceWeightPercent).toMatch(/no audience vote/);
    const fixed = parseForm(london, { ...goodRound, audienceMode: "NONE", panelWeightPercent: "100", audienceWeightPercent: "0", audienceVotesPerPerson: "" });
    expect(fixed.ok && fixed.data).toMatchObject({ audienceMode: "NONE", audienceVotesPerPerson: 3 });
  });

  it("asks for the smallest share only when part-funding is allowed", () => {
    const missing = parseForm(london, { ...goodRound, partFundingMinPercent: "" });
    expect(!missing.ok && missing.errors.partFundingMinPercent).toMatch(/from 1 to 99/);
    const off = parseForm(london, { ...goodRound, partFundingAllowed: "no", partFundingMinPercent: "" });
    expect(off.ok && off.data).toMatchObject({ partFundingAllowed: false, partFundingMinPercent: 50 });
  });

  it("asks for votes per person when the audience votes", () => {
    const result = parseForm(london, { ...goodRound, audienceVotesPerPerson: "0" });
    expect(!result.ok && result.errors.audienceVotesPerPerson).toMatch(/from 1 to 20/);
  });

  it("asks for every choice when nothing was chosen", () => {
    const { normaliseScores: _n, partFundingAllowed: _p, tieBreak: _t, audienceMode: _a, ...rest } = goodRound;
    const result = parseForm(london, rest);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.normaliseScores).toMatch(/Choose/);
    expect(result.errors.partFundingAllowed).toMatch(/Choose/);
    expect(result.errors.tieBreak).toMatch(/Choose/);
    expect(result.errors.audienceMode).toMatch(/Choose/);
  });
});

describe("criteria rows", () => {
  it("reads criteria fields into rows by their number and ignores anything else", () => {
    expect(criteriaRowsFrom({ "criteria.1.name": "B", "criteria.0.name": "A", "criteria.0.evil": "x", other: "y" })).toEqual([
      { name: "A" },
      { name: "B" },
    ]);
  });

  it("labels each row's fields for the error summary", () => {
    expect(roundFieldLabel("criteria.2.scaleMax")).toBe("Criterion 3 highest score");
    expect(roundFieldLabel("slug")).toBe("Web address name");
  });
});

describe("ruleIsLocked", () => {
  it("locks criteria once any event of the round has gone live", () => {
    expect(ruleIsLocked([])).toBe(false);
    expect(ruleIsLocked(["DRAFT", "READY"])).toBe(false);
    expect(ruleIsLocked(["DRAFT", "LIVE"])).toBe(true);
    expect(ruleIsLocked(["DECIDED"])).toBe(true);
  });
});

describe("changedFields", () => {
  it("lists only the named fields that changed, with their new values", () => {
    const before = { name: "Chest", potPence: 100, opensAt: new Date("2027-01-01T00:00:00Z"), secret: "a" };
    const after = { name: "Chest", potPence: 200, opensAt: new Date("2027-01-02T00:00:00Z"), secret: "b" };
    expect(changedFields(before, after, ["name", "potPence", "opensAt"])).toEqual({
      potPence: 200,
      opensAt: "2027-01-02T00:00:00.000Z",
    });
  });

  it("compares lists by their contents", () => {
    const rows = [{ name: "Need", weight: 1 }];
    expect(changedFields({ criteria: rows }, { criteria: [{ name: "Need", weight: 1 }] }, ["criteria"])).toEqual({});
    expect(changedFields({ criteria: rows }, { criteria: [{ name: "Need", weight: 2 }] }, ["criteria"])).toEqual({
      criteria: [{ name: "Need", weight: 2 }],
    });
  });
});

describe("round form values", () => {
  it("starts a new round with empty criterion rows and a panel-only rule", () => {
    const values = newRoundValues();
    expect(criteriaRowCount(values)).toBe(3);
    expect(values).toMatchObject({ panelWeightPercent: "100", audienceWeightPercent: "0", audienceMode: "NONE", "criteria.2.weight": "1" });
    // Saving the untouched new form asks for a criterion rather than failing on the empty rows.
    const result = parseForm(london, { ...values, title: "T", slug: "t", opensAt: "2027-01-01T09:00", closesAt: "2027-02-01T09:00" });
    expect(!result.ok && Object.keys(result.errors)).toEqual(["criteria.0.name"]);
  });

  it("adds and removes rows, moving later rows up and keeping what was typed", () => {
    let values = addCriterionRow({ ...newRoundValues(), "criteria.0.name": "Need", "criteria.2.name": "Fit" });
    expect(criteriaRowCount(values)).toBe(4);
    values = removeCriterionRow(values, 1);
    expect(criteriaRowCount(values)).toBe(3);
    expect(values["criteria.0.name"]).toBe("Need");
    expect(values["criteria.1.name"]).toBe("Fit");
    expect(values["criteria.3.name"]).toBeUndefined();
  });

  it("shows a saved round in the fund's zone, round-trips through the schema unchanged, with a spare row", () => {
    const round = {
      title: "Spring",
      slug: "spring",
      opensAt: new Date("2027-07-01T08:00:00Z"),
      closesAt: new Date("2027-07-31T16:00:00Z"),
      description: "",
      eligibility: "",
      bilingual: true,
      titleCy: "Gwanwyn",
      descriptionCy: "",
      eligibilityCy: "",
      panelWeightPercent: 70,
      audienceWeightPercent: 30,
      normaliseScores: true,
      quorum: 3,
      partFundingAllowed: false,
      partFundingMinPercent: 50,
      tieBreak: "LOWER_AMOUNT",
      audienceMode: "TICKETS",
      audienceVotesPerPerson: 2,
      criteria: [{ id: "c1", name: "Need", guidance: "", weight: 2, scaleMin: 1, scaleMax: 5 }],
    };
    const values = roundFormValues(round, (at) => utcToLocalInput(at, "Europe/London"));
    expect(values.opensAt).toBe("2027-07-01T09:00");
    expect(criteriaRowCount(values)).toBe(2);
    const parsed = parseForm(london, values);
    expect(parsed.ok && parsed.data).toEqual({ ...round, criteria: [{ id: "c1", name: "Need", guidance: "", weight: 2, scaleMin: 1, scaleMax: 5 }] });
  });

  it("needs the Welsh words of a bilingual round beside each English one it has, each message at its Welsh box", () => {
    const english = { ...roundFormValues({ title: "Spring", slug: "spring", opensAt: new Date("2027-07-01T08:00:00Z"), closesAt: new Date("2027-07-31T16:00:00Z"), description: "Small grants", eligibility: "", panelWeightPercent: 100, audienceWeightPercent: 0, normaliseScores: false, quorum: 3, partFundingAllowed: false, partFundingMinPercent: 50, tieBreak: "LOWER_AMOUNT", audienceMode: "NONE", audienceVotesPerPerson: 3, criteria: [{ id: "c1", name: "Need", guidance: "", weight: 1, scaleMin: 1, scaleMax: 5 }] }, (at) => utcToLocalInput(at, "Europe/London")) };
    const ticked = parseForm(london, { ...english, bilingual: "yes" });
    expect(ticked.ok ? {} : ticked.errors).toEqual({
      titleCy: 'Enter the round\'s name in Welsh, or untick "Bilingual round"',
      descriptionCy: "Enter the description in Welsh too, as the round is bilingual",
    });
    const welsh = parseForm(london, { ...english, bilingual: "yes", titleCy: " Gwanwyn ", descriptionCy: "Grantiau bach" });
    expect(welsh.ok && welsh.data).toMatchObject({ bilingual: true, titleCy: "Gwanwyn", descriptionCy: "Grantiau bach", eligibilityCy: "" });
    expect(parseForm(london, english).ok).toBe(true);
  });
});

describe("criteriaStep", () => {
  it("adds a row and points at it, removes a row, or leaves saving to the schema", () => {
    const values = { ...newRoundValues(), title: "Kept", intent: "add-criterion" };
    const added = criteriaStep("add-criterion", values);
    expect(added?.focusRow).toBe(3);
    expect(added && criteriaRowCount(added.values)).toBe(4);
    expect(added?.values.title).toBe("Kept");
    expect(added?.values).not.toHaveProperty("intent");
    const removed = criteriaStep("remove-criterion-0", values);
    expect(removed && criteriaRowCount(removed.values)).toBe(2);
    expect(criteriaStep("save", values)).toBeNull();
    expect(criteriaStep(null, values)).toBeNull();
  });
});

import { describeRoundRule, type RoundRuleInput } from "~/domain/rule-summary";
import { roundRuleMessages } from "~/domain/rule-summary-messages";
import { translate } from "~/i18n/catalogue.server";
import { messageText } from "~/i18n/message-text";

// The public round page says the rule from keys; staff pages read describeRoundRule's English.
// The two must say the same in English, whatever the rule, and the Welsh must be whole.

const base: RoundRuleInput = {
  panelWeightPercent: 70,
  audienceWeightPercent: 30,
  normaliseScores: true,
  quorum: 3,
  partFundingAllowed: true,
  partFundingMinPercent: 50,
  tieBreak: "HIGHER_PANEL_SCORE",
  audienceMode: "TICKETS",
  audienceVotesPerPerson: 2,
  criteria: [
    { name: "Impact", weight: 2, scaleMin: 1, scaleMax: 5 },
    { name: "Value", weight: 1, scaleMin: 1, scaleMax: 5 },
    { name: "Idea", weight: 1, scaleMin: 1, scaleMax: 5 },
  ],
  fund: { minAwardPence: 50_000, maxAwardPence: 500_000, currency: "GBP" },
};

const said = (lang: "en" | "cy", round: RoundRuleInput) =>
  roundRuleMessages(round).map((line) => messageText((key, values) => translate(lang, key, values), lang, line, round.fund.currency));

const variants: RoundRuleInput[] = [
  base,
  { ...base, audienceMode: "NONE", audienceWeightPercent: 0, panelWeightPercent: 100, normaliseScores: false, quorum: 1, partFundingAllowed: false, tieBreak: "LOWER_AMOUNT" },
  { ...base, audienceMode: "JOIN_CODE", audienceVotesPerPerson: 1, tieBreak: "EARLIER_SUBMISSION", criteria: [{ name: "Impact", weight: 1, scaleMin: 0, scaleMax: 10 }] },
  { ...base, criteria: [] },
  { ...base, tieBreak: "UNKNOWN", criteria: [{ name: "A", weight: 1, scaleMin: 1, scaleMax: 5 }, { name: "B", weight: 1, scaleMin: 0, scaleMax: 3 }] },
];

describe("the round's rule as message keys", () => {
  it.each(variants.map((v, i) => [i, v] as const))("says in English exactly what staff read (variant %i)", (_, round) => {
    expect(said("en", round)).toEqual(describeRoundRule(round));
  });

  it("says the rule in Welsh, joining the criteria with ‘a’ or ‘ac’ and the money in pounds", () => {
    const welsh = said("cy", base);
    expect(welsh[0]).toBe(
      "Mae pob panelydd yn sgorio pob cyflwyniad, o 1 i 5, ar 3 maen prawf: Impact (pwysiad 2), Value (pwysiad 1) ac Idea (pwysiad 1). Mae maen prawf â phwysiad uwch yn cyfrif am fwy: mae pwysiad 2 yn cyfrif ddwywaith cymaint â phwysiad 1.",
    );
    expect(welsh).toContain("Caiff ceisiadau eu rhestru ar sgorau’r panel (70%) a phleidlais y gynulleidfa (30%).");
    expect(welsh.at(-1)).toBe("Mae’r arian yn mynd i geisiadau yn nhrefn eu safle tra bo’r gronfa’n para. Ni fydd unrhyw ddyfarniad yn llai na £500 nac yn fwy na £5,000.");
    expect(welsh.join(" ")).not.toMatch(/round\.rule|panel's|Bids are/);
  });
});

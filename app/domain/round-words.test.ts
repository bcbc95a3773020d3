import { roundVersions, roundWords } from "~/domain/round-words";

const round = { title: "Thornbury Community Grants", description: "Small grants.", eligibility: "Groups in Thornbury.", bilingual: false, titleCy: "", descriptionCy: "", eligibilityCy: "" };
const welsh = { ...round, titleCy: "Grantiau Cymunedol Thornbury", descriptionCy: "Grantiau bach.", eligibilityCy: "Grwpiau yn Thornbury." };

describe("a round's own words", () => {
  it("are the English ones when no Welsh version was written, whatever the reader's language", () => {
    expect(roundWords(round, "cy")).toEqual({ lang: "en", title: round.title, description: "Small grants.", eligibility: "Groups in Thornbury." });
    expect(roundVersions(round, "cy").map((v) => v.lang)).toEqual(["en"]);
  });

  it("are the Welsh ones for a Welsh reader when the organiser wrote them", () => {
    expect(roundWords(welsh, "cy")).toEqual({ lang: "cy", title: "Grantiau Cymunedol Thornbury", description: "Grantiau bach.", eligibility: "Grwpiau yn Thornbury." });
    expect(roundWords(welsh, "en").lang).toBe("en");
  });

  it("are both on a bilingual round, Welsh first, in either language", () => {
    for (const lang of ["cy", "en"] as const) {
      expect(roundVersions({ ...welsh, bilingual: true }, lang).map((v) => [v.lang, v.title])).toEqual([
        ["cy", "Grantiau Cymunedol Thornbury"],
        ["en", "Thornbury Community Grants"],
      ]);
    }
  });
});

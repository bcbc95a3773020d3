import type { ThreeSixtyAward } from "~/domain/three-sixty";
import { fundPackage, openDataFileName } from "~/domain/three-sixty-fund";
import { threeSixtyPackageValidator } from "~/testing/three-sixty-schema";

const fund = {
  id: "cmfund0001",
  name: "Thornbury Community Chest",
  funderName: "Thornbury Town Council",
  funderOrgId: "GB-LAE-THB",
  grantIdPrefix: "360G-thornburytc",
  currency: "GBP",
  timeZone: "Europe/London",
};
const now = new Date("2027-06-03T09:00:00Z");

function award(reference: string, modifiedAt: string): ThreeSixtyAward {
  return {
    bidReference: reference,
    pseudonymId: `p-${reference}`,
    projectTitle: `Project ${reference}`,
    summary: "A summary.",
    groupName: "A group",
    charityNumber: null,
    companyNumber: null,
    paidToParent: null,
    area: "",
    amountRequestedPence: 100_000,
    amountAwardedPence: 100_000,
    amountDisbursedPence: 0,
    awardedAt: new Date("2027-05-14T20:00:00Z"),
    modifiedAt: new Date(modifiedAt),
  };
}

describe("a fund's 360Giving package", () => {
  it("gathers every round's grants under the fund, each in its own grant programme, and validates", () => {
    const pkg = fundPackage({
      fund,
      now,
      rounds: [
        { round: { title: "Spring 2027", slug: "spring-2027" }, awards: [award("PD-2027-0003", "2027-05-20T10:00:00Z")] },
        { round: { title: "Autumn 2026", slug: "autumn-2026" }, awards: [award("PD-2026-0009", "2026-11-02T10:00:00Z")] },
        { round: { title: "Empty", slug: "empty" }, awards: [] },
      ],
    });
    expect(pkg).toMatchObject({
      title: "Thornbury Town Council: Thornbury Community Chest grants",
      identifier: "360G-thornburytc-fund-cmfund0001",
      issued: "2027-06-03T09:00:00.000Z",
      modified: "2027-05-20T10:00:00.000Z",
    });
    expect(pkg.grants.map((g) => [g.id, g.grantProgramme[0].code])).toEqual([
      ["360G-thornburytc-PD-2026-0009", "autumn-2026"],
      ["360G-thornburytc-PD-2027-0003", "spring-2027"],
    ]);
    const validate = threeSixtyPackageValidator();
    expect(validate(pkg)).toBe(true);
  });

  it("is an empty package, modified now, when nothing has been awarded", () => {
    const pkg = fundPackage({ fund, now, rounds: [{ round: { title: "Empty", slug: "empty" }, awards: [] }] });
    expect(pkg.grants).toEqual([]);
    expect(pkg.modified).toBe("2027-06-03T09:00:00.000Z");
  });

  it("refuses two rounds' awards with the same grant identifier", () => {
    const twice = [award("PD-2027-0003", "2027-05-20T10:00:00Z")];
    expect(() =>
      fundPackage({ fund, now, rounds: [{ round: { title: "A", slug: "a" }, awards: twice }, { round: { title: "B", slug: "b" }, awards: twice }] }),
    ).toThrow("Two awards share the grant identifier 360G-thornburytc-PD-2027-0003.");
  });

  it("names download files after the fund", () => {
    expect(openDataFileName("Zoë's Fund: 2027!", "2027-06-03", "json")).toBe("360giving-zoe-s-fund-2027-2027-06-03.json");
    expect(openDataFileName("***", "2027-06-03", "csv")).toBe("360giving-grants-2027-06-03.csv");
  });
});

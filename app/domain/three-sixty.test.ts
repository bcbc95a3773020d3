import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import {
  buildThreeSixtyPackage,
  charityOrgId,
  companyOrgId,
  recipientOrganization,
  THREE_SIXTY_CSV_COLUMNS,
  toThreeSixtyCsv,
  type ThreeSixtyAward,
  type ThreeSixtyFund,
} from "~/domain/three-sixty";

// The official schemas live beside the clone (CI checks out shared/ next to it).
const repoRoot = path.resolve(__dirname, "../..");
const standards = path.resolve(repoRoot, "app/standards/360giving");
const GRANT_1_4_2 = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

function packageValidator() {
  const read = (file: string) => JSON.parse(readFileSync(path.join(standards, file), "utf8"));
  // The schemas name draft 2020-12 by its http:// URL and carry 360Giving's own annotation
  // keywords; Ajv knows the draft by its https:// URL and is told about the annotations.
  // strictRequired is off because the grant schema lists required fields inside oneOf
  // branches (valid JSON Schema that Ajv's strict mode would reject); the rest stays strict.
  const withoutMeta = ({ $schema: _meta, ...schema }: Record<string, unknown>) => schema;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  ajv.addVocabulary(["codelist", "openCodelist", "rollUp"]);
  addFormats(ajv);
  const grant = withoutMeta(read("360-giving-schema.json"));
  // The package schema points at the 1.4.2 URL while the grant schema says 1.4.3: register both.
  ajv.addSchema(grant);
  ajv.addSchema({ ...grant, $id: GRANT_1_4_2 });
  return ajv.compile(withoutMeta(read("360-giving-package-schema.json")));
}

const fund: ThreeSixtyFund = {
  funderName: "Thornbury Community Chest",
  funderOrgId: "GB-CHC-1000001",
  grantIdPrefix: "360G-thornburytc",
  currency: "GBP",
  timeZone: "Europe/London",
};
const round = { title: "Spring 2027", slug: "spring-2027" };

function award(overrides: Partial<ThreeSixtyAward> = {}): ThreeSixtyAward {
  return {
    bidReference: "PD-2027-0001",
    pseudonymId: "cm0pseudo0001",
    projectTitle: "Riverside litter pick",
    summary: "Monthly litter picks along the river with kit for 40 volunteers.",
    groupName: "Friends of Thornbury River",
    charityNumber: null,
    companyNumber: null,
    paidToParent: null,
    area: "Thornbury",
    amountRequestedPence: 150_000,
    amountAwardedPence: 120_000,
    amountDisbursedPence: 0,
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time).
    awardedAt: new Date("2027-05-31T23:30:00Z"),
    modifiedAt: new Date("2027-06-02T10:15:00Z"),
    ...overrides,
  };
}

const now = new Date("2027-06-03T09:00:00Z");

describe("360Giving package", () => {
  const validate = packageValidator();

  it("validates against the official 360Giving schemas", () => {
    const pkg = buildThreeSixtyPackage({
      fund,
      round,
      now,
      license: "https://creativecommons.org/licenses/by/4.0/",
      awards: [
        award(),
        award({ bidReference: "PD-2027-0002", pseudonymId: "cm0pseudo0002", charityNumber: "1 234 567", area: "", amountRequestedPence: null }),
        award({ bidReference: "PD-2027-0003", pseudonymId: "cm0pseudo0003", companyNumber: "123456", amountDisbursedPence: 60_050 }),
      ],
    });
    const valid = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("fails validation when a required field is missing, so the check above can fail", () => {
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [award()] });
    const { awardDate: _dropped, ...broken } = pkg.grants[0];
    expect(validate({ ...pkg, grants: [broken] })).toBe(false);
    expect(validate({ ...pkg, grants: [{ ...pkg.grants[0], fromOpenCall: "Maybe" }] })).toBe(false);
  });

  it("describes each grant with the fields 360Giving asks for", () => {
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [award()] });
    expect(pkg.grants[0]).toEqual({
      id: "360G-thornburytc-PD-2027-0001",
      title: "Riverside litter pick",
      description: "Monthly litter picks along the river with kit for 40 volunteers.",
      currency: "GBP",
      amountAppliedFor: 1500,
      amountAwarded: 1200,
      amountDisbursed: 0,
      awardDate: "2027-06-01",
      recipientOrganization: [{ id: "360G-thornburytc-ORG-cm0pseudo0001", name: "Friends of Thornbury River" }],
      fundingOrganization: [{ id: "GB-CHC-1000001", name: "Thornbury Community Chest" }],
      grantProgramme: [{ code: "spring-2027", title: "Spring 2027" }],
      beneficiaryLocation: [{ name: "Thornbury" }],
      fromOpenCall: "Yes",
      dateModified: "2027-06-02T10:15:00.000Z",
    });
    expect(pkg).toMatchObject({
      version: "1.4",
      identifier: "360G-thornburytc-spring-2027",
      issued: "2027-06-03T09:00:00.000Z",
      modified: "2027-06-02T10:15:00.000Z",
      publisher: { name: "Thornbury Community Chest", identifier: "GB-CHC-1000001" },
    });
  });

  it("keeps amounts exact in pounds", () => {
    const pkg = buildThreeSixtyPackage({
      fund,
      round,
      now,
      awards: [award({ amountRequestedPence: 123_457, amountAwardedPence: 100_001, amountDisbursedPence: 29 })],
    });
    expect(pkg.grants[0]).toMatchObject({ amountAppliedFor: 1234.57, amountAwarded: 1000.01, amountDisbursed: 0.29 });
  });

  it("publishes nothing personal: no contact details and no id derived from a person", () => {
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [award()] });
    const text = JSON.stringify(pkg);
    expect(text).not.toMatch(/@|contact|email|phone|telephone|streetAddress|postalCode/i);
    expect(pkg.grants[0].recipientOrganization[0].id).toBe("360G-thornburytc-ORG-cm0pseudo0001");
  });

  it("refuses a grant with nothing awarded and two awards with the same identifier", () => {
    expect(() => buildThreeSixtyPackage({ fund, round, now, awards: [award({ amountAwardedPence: 0 })] })).toThrow(
      /no award to publish/,
    );
    expect(() => buildThreeSixtyPackage({ fund, round, now, awards: [award(), award()] })).toThrow(/share the grant identifier/);
  });

  it("falls back to a title and description a reader can follow when the bid left them blank", () => {
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [award({ projectTitle: " ", summary: "" })] });
    expect(pkg.grants[0]).toMatchObject({
      title: "Grant to Friends of Thornbury River",
      description: "Grant to Friends of Thornbury River",
    });
  });
});

describe("a group paid through its parent organisation (fiscal host)", () => {
  const hosted = award({ paidToParent: " Thornbury  Community Action ", groupName: "Riverside Pickers" });

  it("publishes the parent as the recipient and names the group as the beneficiary, and still validates", () => {
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [hosted, award({ bidReference: "PD-2027-0002", pseudonymId: "cm0pseudo0002" })] });
    const validate = packageValidator();
    expect(validate(pkg)).toBe(true);
    const [grant, own] = pkg.grants;
    expect(grant.recipientOrganization).toEqual([{ id: "360G-thornburytc-ORG-HOST-THORNBURY-COMMUNITY-ACTION", name: "Thornbury Community Action" }]);
    expect(grant.beneficiaryOrganization).toEqual([{ id: "360G-thornburytc-ORG-cm0pseudo0001", name: "Riverside Pickers" }]);
    expect(grant.description).toBe(
      "Monthly litter picks along the river with kit for 40 volunteers. Paid to Thornbury Community Action on behalf of Riverside Pickers, the group the grant is for.",
    );
    // A group paid itself is its own recipient, with no beneficiary organisation.
    expect(own.recipientOrganization[0]).toEqual({ id: "360G-thornburytc-ORG-cm0pseudo0002", name: "Friends of Thornbury River" });
    expect(own).not.toHaveProperty("beneficiaryOrganization");
  });

  it("gives one host the same identifier for every group it is paid for", () => {
    const other = award({ bidReference: "PD-2027-0009", pseudonymId: "cm0other", paidToParent: "Thornbury community action", groupName: "Bowls club" });
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [hosted, other] });
    expect(pkg.grants[0].recipientOrganization[0].id).toBe(pkg.grants[1].recipientOrganization[0].id);
    expect(pkg.grants[1].beneficiaryOrganization![0]).toEqual({ id: "360G-thornburytc-ORG-cm0other", name: "Bowls club" });
  });

  it("puts the beneficiary group in the CSV's additional columns", () => {
    const lines = toThreeSixtyCsv(buildThreeSixtyPackage({ fund, round, now, awards: [hosted] })).split("\r\n");
    expect(lines[1]).toContain(",360G-thornburytc-ORG-HOST-THORNBURY-COMMUNITY-ACTION,Thornbury Community Action,,,");
    expect(lines[1]).toMatch(/,2027-06-02T10:15:00.000Z,360G-thornburytc-ORG-cm0pseudo0001,Riverside Pickers,{8}$/);
  });
});

describe("recipient identifiers", () => {
  it.each([
    ["1234567", "GB-CHC-1234567"],
    [" 1 234 567 ", "GB-CHC-1234567"],
    ["1234567-1", "GB-CHC-1234567"],
    ["sc012345", "GB-SC-SC012345"],
    ["NIC100012", "GB-NIC-100012"],
  ])("charity number %p is %p", (number, id) => {
    expect(charityOrgId(number)).toBe(id);
  });

  it.each([
    ["123456", "GB-COH-00123456"],
    ["01234567", "GB-COH-01234567"],
    ["sc123456", "GB-COH-SC123456"],
  ])("company number %p is %p", (number, id) => {
    expect(companyOrgId(number)).toBe(id);
  });

  it("prefers the charity number for a charitable company and lists both numbers", () => {
    expect(
      recipientOrganization(
        { groupName: "Thornbury Pantry", charityNumber: "1234567", companyNumber: "7654321", pseudonymId: "x" },
        "360G-thornburytc",
      ),
    ).toEqual({ id: "GB-CHC-1234567", name: "Thornbury Pantry", charityNumber: "1234567", companyNumber: "07654321" });
  });
});

describe("360Giving CSV", () => {
  it("uses 360Giving's column titles and one row per grant", () => {
    const pkg = buildThreeSixtyPackage({
      fund,
      round,
      now,
      awards: [award(), award({ bidReference: "PD-2027-0002", charityNumber: "1234567", amountDisbursedPence: 120_050, area: "" })],
    });
    const lines = toThreeSixtyCsv(pkg).split("\r\n");
    expect(lines[0]).toBe(THREE_SIXTY_CSV_COLUMNS.join(","));
    expect(lines[0]).toBe(
      "Identifier,Title,Description,Currency,Amount Applied For,Amount Awarded,Amount Disbursed,Award Date," +
        "Recipient Org:Identifier,Recipient Org:Name,Recipient Org:Charity Number,Recipient Org:Company Number," +
        "Funding Org:Identifier,Funding Org:Name,Grant Programme:Code,Grant Programme:Title,From An Open Call?," +
        "Beneficiary Location:Name,Last modified,Beneficiary Org:Identifier,Beneficiary Org:Name," +
        "Planned Dates:Start Date,Planned Dates:End Date,Planned Dates:Duration (months),Planned Dates:Description," +
        "Grant Outcome:State,Grant Outcome:Description,Grant Outcome:End Of Grant Report Accepted,Grant Outcome:Amount Returned",
    );
    expect(lines[1]).toBe(
      "360G-thornburytc-PD-2027-0001,Riverside litter pick,Monthly litter picks along the river with kit for 40 volunteers.," +
        "GBP,1500.00,1200.00,0.00,2027-06-01,360G-thornburytc-ORG-cm0pseudo0001,Friends of Thornbury River,,," +
        "GB-CHC-1000001,Thornbury Community Chest,spring-2027,Spring 2027,Yes,Thornbury,2027-06-02T10:15:00.000Z,,,,,,,,,,",
    );
    expect(lines[2]).toContain(",1500.00,1200.00,1200.50,2027-06-01,GB-CHC-1234567,Friends of Thornbury River,1234567,,");
    expect(lines[2]).toMatch(/,Yes,,2027-06-02T10:15:00.000Z,,,{8}$/);
    expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
  });

  it("quotes commas and quotes, and never lets a title run as a spreadsheet formula", () => {
    const pkg = buildThreeSixtyPackage({
      fund,
      round,
      now,
      awards: [award({ projectTitle: '=HYPERLINK("http://x")', summary: "Tea, cake and \"chat\"" })],
    });
    const row = toThreeSixtyCsv(pkg).split("\r\n")[1];
    expect(row).toContain(`,"'=HYPERLINK(""http://x"")","Tea, cake and ""chat""",`);
  });
});

describe("the months after the award", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const inInstalments = award({
    amountDisbursedPence: 50_000,
    planned: { startDate: "2027-06-10", endDate: "2028-06-10", duration: 12, instalments: "2 instalments: £500 on acceptance (paid 10 Jun 2027); £700 on 1 Sept 2027" },
    disbursements: [{ day: day("2027-06-10"), pence: 50_000 }],
    outcome: { state: "part_paid", label: "Part paid", reportAccepted: false, returnedPence: 0 },
  });

  it("publishes plannedDates, each payment as a disbursement, and the outcome as additional data, and still validates", () => {
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [inInstalments] });
    const [grant] = pkg.grants;
    expect(grant.plannedDates).toEqual([
      { startDate: "2027-06-10", endDate: "2028-06-10", duration: 12, description: "2 instalments: £500 on acceptance (paid 10 Jun 2027); £700 on 1 Sept 2027" },
    ]);
    expect(grant.amountDisbursed).toBe(500);
    expect(grant.disbursementTransaction).toEqual([{ id: "360G-thornburytc-PD-2027-0001-DISB-1", transactionDate: "2027-06-10", value: 500, currency: "GBP" }]);
    expect(grant.grantOutcome).toEqual({ state: "part_paid", description: "Part paid", endOfGrantReportAccepted: false, amountReturned: 0 });
    const validate = packageValidator();
    expect(validate(pkg)).toBe(true);
    // why: the check can fail: plannedDates must be a list of dated events.
    expect(validate({ ...pkg, grants: [{ ...grant, plannedDates: [{ ...grant.plannedDates![0], startDate: "June 2027" }] }] })).toBe(false);
  });

  it("says a closed grant's report was accepted and what came back, in the CSV too", () => {
    const closed = award({
      ...inInstalments,
      amountDisbursedPence: 100_000,
      outcome: { state: "closed", label: "Closed", reportAccepted: true, returnedPence: 20_000 },
    });
    const pkg = buildThreeSixtyPackage({ fund, round, now, awards: [closed] });
    expect(pkg.grants[0].grantOutcome).toMatchObject({ endOfGrantReportAccepted: true, amountReturned: 200 });
    const row = toThreeSixtyCsv(pkg).split("\r\n")[1];
    expect(row).toMatch(/,2027-06-10,2028-06-10,12,2 instalments: £500 on acceptance \(paid 10 Jun 2027\); £700 on 1 Sept 2027,closed,Closed,Yes,200\.00$/);
  });
});

import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { THREE_SIXTY_CSV_COLUMNS } from "~/domain/three-sixty";
import { cancelAward } from "~/models/award.server";
import { fundOpenData, openDataFunds, roundOpenData } from "~/models/three-sixty.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { threeSixtyPackageValidator } from "~/testing/three-sixty-schema";
import { seedPastEvent, type PastEvent } from "../../prisma/seed/past-event";
import { seedStaff } from "../../prisma/seed/staff";

// The demo's completed event published as 360Giving open data: valid against the official
// schemas, amounts awarded and paid, and nothing personal.

useTestDatabase();
afterAll(() => closeLiveBus());

const validate = threeSixtyPackageValidator();
const now = new Date("2030-01-02T09:00:00Z");
let past: PastEvent;

beforeAll(async () => {
  past = await seedPastEvent(await seedStaff(), new Date());
});

describe("a fund's open data", () => {
  it("validates against the official 360Giving package and grant schemas", async () => {
    const data = (await fundOpenData(past.fund.id, { now, license: "https://creativecommons.org/licenses/by/4.0/" }))!;
    const valid = validate(data.package);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The check above can fail: the same package without a grant's award date does not validate.
    const { awardDate: _dropped, ...broken } = data.package.grants[0];
    expect(validate({ ...data.package, grants: [broken] })).toBe(false);
  });

  it("publishes the three awards with what was awarded and what has been paid", async () => {
    const data = (await fundOpenData(past.fund.id, { now }))!;
    expect(data).toMatchObject({ name: "Thornbury Summer Fund 2026", grants: 3, awardedPence: 530_000, disbursedPence: 330_000 });
    expect(data.package).toMatchObject({
      title: "Thornbury Town Council: Thornbury Summer Fund 2026 grants",
      identifier: `360G-thornburytc-fund-${past.fund.id}`,
      issued: "2030-01-02T09:00:00.000Z",
      publisher: { name: "Thornbury Town Council", identifier: "GB-LAE-THB" },
    });
    const byRef = Object.fromEntries(data.package.grants.map((g) => [g.id, g]));
    expect(byRef[`360G-thornburytc-${past.bids.larder.reference}`]).toMatchObject({
      title: "A fridge and freezer for the larder",
      amountAppliedFor: 1500,
      amountAwarded: 1500,
      amountDisbursed: 1500,
      recipientOrganization: [{ id: "GB-COH-11234567", name: "Thornbury Community Larder", companyNumber: "11234567" }],
      grantProgramme: [{ code: "summer-2026", title: "Summer 2026 community pitches" }],
      fromOpenCall: "Yes",
    });
    expect(byRef[`360G-thornburytc-${past.bids.hall.reference}`].recipientOrganization[0]).toMatchObject({ id: "GB-CHC-1043210", charityNumber: "1043210" });
    expect(byRef[`360G-thornburytc-${past.bids.shed.reference}`]).toMatchObject({ amountAppliedFor: 2400, amountAwarded: 2000, amountDisbursed: 0 });
    // A constituted group with no registered number is named from the funder's own namespace.
    expect(byRef[`360G-thornburytc-${past.bids.shed.reference}`].recipientOrganization[0].id).toMatch(/^360G-thornburytc-ORG-/);
    expect(data.package.grants.map((g) => g.id)).not.toContain(`360G-thornburytc-${past.bids.wildlife.reference}`);
  });

  it("gives the same grants as 360Giving's spreadsheet columns", async () => {
    const data = (await fundOpenData(past.fund.id, { now }))!;
    const lines = data.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(THREE_SIXTY_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes(past.bids.hall.reference))).toContain(",1800.00,1800.00,1800.00,");
  });

  it("holds nothing personal: no contact names, emails or signed names", async () => {
    const data = (await fundOpenData(past.fund.id, { now }))!;
    const text = JSON.stringify(data.package) + data.csv;
    expect(text).not.toMatch(/@|\.example|Joanne Price|Susan Reed|Keith Morgan|Ruth Evans|Fran Funder/);
  });
});

describe("a round's open data and the list of funds", () => {
  it("publishes one round as its own valid package", async () => {
    const data = (await roundOpenData(past.round.id, { now }))!;
    expect(validate(data.package)).toBe(true);
    expect(data.package.identifier).toBe("360G-thornburytc-summer-2026");
    expect(data.grants).toBe(3);
    expect(await roundOpenData("no-such-round", { now })).toBeNull();
  });

  it("counts each fund's publishable grants", async () => {
    expect(await openDataFunds()).toContainEqual({ id: past.fund.id, name: "Thornbury Summer Fund 2026", grants: 3 });
  });
});

// Last: it cancels an award for the rest of this file.
describe("a cancelled award", () => {
  it("is left out, and a fund that does not exist has no open data", async () => {
    const funder = await db().user.findUniqueOrThrow({ where: { email: "funder@pitchday.test" }, select: { id: true, roles: true } });
    const cancelled = await cancelAward(past.awards.shed, { reason: "The group has folded and cannot use the grant." }, funder);
    expect(cancelled.ok).toBe(true);
    const data = (await fundOpenData(past.fund.id, { now }))!;
    expect(data.grants).toBe(2);
    expect(data.package.grants.map((g) => g.id)).not.toContain(`360G-thornburytc-${past.bids.shed.reference}`);
    expect(validate(data.package)).toBe(true);
    expect(await fundOpenData("no-such-fund", { now })).toBeNull();
  });
});

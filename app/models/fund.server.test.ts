import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { verifyAuditLog } from "~/models/audit.server";
import { getFund, listFunds, updateFund, type FundInput } from "~/models/fund.server";
import { auditFor, makeBid, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";

useTestDatabase();

function inputFrom(fund: FundInput & { timeZone: string }): FundInput {
  const { name, potPence, currency, minAwardPence, maxAwardPence, funderName, funderOrgId, grantIdPrefix, timeZone } = fund;
  return { name, potPence, currency, minAwardPence, maxAwardPence, funderName, funderOrgId, grantIdPrefix, timeZone };
}

describe("funds", () => {
  it("records the new fund in the audit log", async () => {
    const { actor } = await makeOrganiser();
    const fund = await makeFund(actor, { name: "Audit Chest" });
    const [entry] = await auditFor("fund", fund.id);
    expect(entry).toMatchObject({ action: "fund.created", actorId: actor.id });
    expect(entry.payload).toEqual({ name: "Audit Chest", potPence: 1_000_000, minAwardPence: 20_000, maxAwardPence: 500_000, currency: "GBP" });
  });

  it("lists funds with their rounds and opens one with its rounds, newest first", async () => {
    const { actor } = await makeOrganiser();
    const fund = await makeFund(actor, { name: "Listed Chest" });
    await makeRound(fund.id, actor, { title: "Older", opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2026-02-01T00:00:00Z") });
    await makeRound(fund.id, actor, { title: "Newer", opensAt: new Date("2026-06-01T00:00:00Z"), closesAt: new Date("2026-07-01T00:00:00Z") });
    const listed = (await listFunds()).find((f) => f.id === fund.id);
    expect(listed?.rounds.map((r) => r.title)).toEqual(["Newer", "Older"]);
    const opened = await getFund(fund.id);
    expect(opened?.rounds.map((r) => r.title)).toEqual(["Newer", "Older"]);
    expect(await getFund("no-such-fund")).toBeNull();
  });

  it("saves an edit and audits only the fields that changed, with their new values", async () => {
    const { actor } = await makeOrganiser();
    const fund = await makeFund(actor);
    const result = await updateFund(fund.id, { ...inputFrom(fund), name: "Renamed Chest", potPence: 1_500_000 }, actor);
    expect(result).toEqual({ ok: true, value: { id: fund.id }, changed: ["name", "potPence"] });
    expect(await db().fund.findUnique({ where: { id: fund.id } })).toMatchObject({ name: "Renamed Chest", potPence: 1_500_000 });
    const entries = await auditFor("fund", fund.id);
    expect(entries.map((e) => e.action)).toEqual(["fund.created", "fund.updated"]);
    expect(entries[1].payload).toEqual({ changes: { name: "Renamed Chest", potPence: 1_500_000 } });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("writes nothing when nothing changed", async () => {
    const { actor } = await makeOrganiser();
    const fund = await makeFund(actor);
    const result = await updateFund(fund.id, inputFrom(fund), actor);
    expect(result).toEqual({ ok: true, value: { id: fund.id }, changed: [] });
    expect((await auditFor("fund", fund.id)).map((e) => e.action)).toEqual(["fund.created"]);
  });

  it("refuses to shrink the pot below what has been awarded, or to change its currency", async () => {
    const { actor, user } = await makeOrganiser();
    const fund = await makeFund(actor);
    const round = await makeRound(fund.id, actor);
    const bid = await makeBid(round.id, { status: "FUNDED" });
    const decision = await db().decision.create({
      data: {
        bidId: bid.id,
        proposedOutcome: "FUNDED",
        proposedAmountPence: 400_000,
        proposalReason: "Ranked first",
        outcome: "FUNDED",
        amountPence: 400_000,
        decidedById: user.id,
      },
    });
    await db().award.create({ data: { decisionId: decision.id, bidId: bid.id, amountPence: 400_000, createdById: user.id } });

    const result = await updateFund(fund.id, { ...inputFrom(fund), potPence: 300_000, maxAwardPence: 300_000, currency: "EUR" }, actor);
    expect(result).toEqual({
      ok: false,
      errors: {
        pot: `The pot cannot be less than the £4,000 already promised from it, to ${bid.reference} (£4,000). Cancel an award first if the pot must shrink`,
        currency: "The currency cannot change: 1 award has been made in GBP",
      },
    });
    expect((await db().fund.findUnique({ where: { id: fund.id } }))?.potPence).toBe(1_000_000);
    expect((await auditFor("fund", fund.id)).map((e) => e.action)).toEqual(["fund.created"]);

    expect(await updateFund(fund.id, { ...inputFrom(fund), potPence: 400_000, maxAwardPence: 400_000 }, actor)).toMatchObject({ ok: true });
  });

  it("counts funded decisions still waiting for their award, names them, and leaves out cancelled awards", async () => {
    const { actor, user } = await makeOrganiser();
    const fund = await makeFund(actor);
    const round = await makeRound(fund.id, actor);
    const decide = async (amountPence: number, award?: "OFFERED" | "CANCELLED") => {
      const bid = await makeBid(round.id, { status: "FUNDED" });
      const decision = await db().decision.create({
        data: { bidId: bid.id, proposedOutcome: "FUNDED", proposedAmountPence: amountPence, proposalReason: "Ranked", outcome: "FUNDED", amountPence, decidedById: user.id },
      });
      if (award) await db().award.create({ data: { decisionId: decision.id, bidId: bid.id, amountPence, status: award, createdById: user.id } });
      return bid.reference;
    };
    // Confirmed decisions, their groups told, and no award made yet: the money is promised.
    const first = await decide(300_000);
    const second = await decide(200_000, "OFFERED");
    await decide(400_000, "CANCELLED");

    const result = await updateFund(fund.id, { ...inputFrom(fund), potPence: 100_000, maxAwardPence: 100_000, minAwardPence: 10_000 }, actor);
    const [a, b] = [first, second].sort();
    const amount = (ref: string) => (ref === first ? "£3,000" : "£2,000");
    expect(result).toEqual({
      ok: false,
      errors: {
        pot: `The pot cannot be less than the £5,000 already promised from it, to ${a} (${amount(a)}) and ${b} (${amount(b)}). Cancel an award first if the pot must shrink`,
      },
    });
    expect((await db().fund.findUnique({ where: { id: fund.id } }))?.potPence).toBe(1_000_000);
    expect((await auditFor("fund", fund.id)).map((e) => e.action)).toEqual(["fund.created"]);

    // Exactly what is promised is allowed, and the change is in the audit log.
    expect(await updateFund(fund.id, { ...inputFrom(fund), potPence: 500_000 }, actor)).toMatchObject({ ok: true, changed: ["potPence"] });
    expect((await auditFor("fund", fund.id)).map((e) => e.payload)).toContainEqual({ changes: { potPence: 500_000 } });
  });

  it("says so when the fund does not exist", async () => {
    const { actor } = await makeOrganiser();
    const fund = await makeFund(actor);
    expect(await updateFund("no-such-fund", inputFrom(fund), actor)).toBeNull();
  });
});

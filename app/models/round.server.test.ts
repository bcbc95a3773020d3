import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import type { RoundFormData } from "~/domain/fund";
import { appendAudit, verifyAuditLog } from "~/models/audit.server";
import { addRound, createRound, getRound, roundBidCounts, RoundSlugTakenError, updateRound } from "~/models/round.server";
import { auditFor, CRITERIA, makeBid, makeEvent, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";

useTestDatabase();

async function setup() {
  const { actor } = await makeOrganiser();
  const fund = await makeFund(actor);
  const round = await makeRound(fund.id, actor, { title: "Spring", description: "Old description" });
  const loaded = (await getRound(round.id))!;
  return { actor, fund, round: loaded };
}

/** The form data that would save the round exactly as it is. */
function formOf(round: NonNullable<Awaited<ReturnType<typeof getRound>>>): RoundFormData {
  return {
    title: round.title,
    slug: round.slug,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    description: round.description,
    eligibility: round.eligibility,
    bilingual: round.bilingual,
    titleCy: round.titleCy,
    descriptionCy: round.descriptionCy,
    eligibilityCy: round.eligibilityCy,
    criteria: round.criteria.map(({ id, name, guidance, weight, scaleMin, scaleMax }) => ({ id, name, guidance, weight, scaleMin, scaleMax })),
    panelWeightPercent: round.panelWeightPercent,
    audienceWeightPercent: round.audienceWeightPercent,
    normaliseScores: round.normaliseScores,
    quorum: round.quorum,
    partFundingAllowed: round.partFundingAllowed,
    partFundingMinPercent: round.partFundingMinPercent,
    tieBreak: round.tieBreak,
    audienceMode: round.audienceMode,
    audienceVotesPerPerson: round.audienceVotesPerPerson,
  };
}

describe("creating rounds", () => {
  it("creates a round with its criteria in order and audits it", async () => {
    const { round } = await setup();
    expect(round.criteria.map((c) => [c.position, c.name, c.weight])).toEqual([
      [0, "Need", 3],
      [1, "Difference", 2],
    ]);
    const [entry] = await auditFor("round", round.id);
    expect(entry).toMatchObject({ action: "round.created" });
    expect(entry.payload).toMatchObject({ slug: round.slug, title: "Spring", opensAt: "2026-09-01T08:00:00.000Z" });
  });

  it("records what a bilingual round says in each language, and the log written before it still verifies", async () => {
    const { actor, fund } = await setup();
    // why: an entry as written before rounds recorded their words must still prove the chain.
    await db().$transaction((tx) =>
      appendAudit(tx, {
        actor,
        action: "round.created",
        subject: { type: "round", id: "round-from-before" },
        payload: { fundId: fund.id, title: "Old round", slug: "old-round", opensAt: "2026-01-01T09:00:00.000Z", closesAt: "2026-02-01T17:00:00.000Z" },
      }),
    );
    const wording = {
      description: "Small grants for green spaces.",
      eligibility: "Groups in Llanfair",
      bilingual: true,
      titleCy: "Mannau gwyrdd",
      descriptionCy: "Grantiau bach ar gyfer mannau gwyrdd.",
      eligibilityCy: "Grwpiau yn Llanfair",
    };
    const round = await makeRound(fund.id, actor, { title: "Green spaces", ...wording });
    const [entry] = await auditFor("round", round.id);
    expect(entry.payload).toEqual({
      fundId: fund.id,
      title: "Green spaces",
      slug: round.slug,
      opensAt: "2026-09-01T08:00:00.000Z",
      closesAt: "2026-10-31T17:00:00.000Z",
      ...wording,
    });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("gives a clear error when the web address name is taken, and writes nothing", async () => {
    const { actor, fund, round } = await setup();
    const form = { ...formOf(round), title: "Copy" };
    const before = await db().auditEntry.count();
    expect(await addRound(fund.id, form, actor)).toEqual({
      ok: false,
      errors: { slug: `Another round already uses "${round.slug}": choose a different web address name` },
    });
    await expect(makeRound(fund.id, actor, { slug: round.slug })).rejects.toBeInstanceOf(RoundSlugTakenError);
    expect(await db().auditEntry.count()).toBe(before);
    expect(await db().round.count({ where: { title: "Copy" } })).toBe(0);
  });

  it("lets only one of two rounds racing for the same slug have it", async () => {
    const { actor, fund } = await setup();
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) => makeRound(fund.id, actor, { title: `Racer ${i}`, slug: "the-same-slug" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RoundSlugTakenError);
    }
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("creates a round from the form without criterion ids", async () => {
    const { actor, fund, round } = await setup();
    const result = await addRound(fund.id, { ...formOf(round), slug: "from-the-form" }, actor);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const created = await getRound(result.value.id);
    expect(created?.criteria.map((c) => c.name)).toEqual(["Need", "Difference"]);
    expect(created?.criteria.some((c) => round.criteria.some((o) => o.id === c.id))).toBe(false);
  });
});

describe("editing rounds", () => {
  it("audits the changed fields with their new values, dates as ISO text", async () => {
    const { actor, round } = await setup();
    const result = await updateRound(
      round.id,
      { ...formOf(round), title: "Spring 2027", closesAt: new Date("2026-11-15T17:00:00Z"), quorum: 4 },
      actor,
    );
    expect(result).toEqual({ ok: true, value: { id: round.id }, changed: ["title", "closesAt", "quorum"] });
    const entries = await auditFor("round", round.id);
    expect(entries.at(-1)).toMatchObject({ action: "round.updated", actorId: actor.id });
    expect(entries.at(-1)?.payload).toEqual({
      changes: { title: "Spring 2027", closesAt: "2026-11-15T17:00:00.000Z", quorum: 4 },
    });
  });

  it("audits turning a round bilingual with its Welsh words, then changing one of them", async () => {
    const { actor, round } = await setup();
    const welsh = { bilingual: true, titleCy: "Gwanwyn", descriptionCy: "Hen ddisgrifiad", eligibilityCy: "" };
    expect(await updateRound(round.id, { ...formOf(round), ...welsh }, actor)).toMatchObject({ ok: true, changed: ["bilingual", "titleCy", "descriptionCy"] });
    const changed = (await getRound(round.id))!;
    expect(await updateRound(round.id, { ...formOf(changed), descriptionCy: "Disgrifiad newydd" }, actor)).toMatchObject({ ok: true, changed: ["descriptionCy"] });
    const entries = await auditFor("round", round.id);
    expect(entries.slice(-2).map((e) => e.payload)).toEqual([
      { changes: { bilingual: true, titleCy: "Gwanwyn", descriptionCy: "Hen ddisgrifiad" } },
      { changes: { descriptionCy: "Disgrifiad newydd" } },
    ]);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("treats a time shown to the minute as unchanged when the stored one has seconds", async () => {
    const { actor, fund } = await setup();
    const round = (await getRound(
      (await makeRound(fund.id, actor, { opensAt: new Date("2026-09-01T08:00:41.500Z"), closesAt: new Date("2026-10-31T17:00:05Z") })).id,
    ))!;
    const shown = { ...formOf(round), opensAt: new Date("2026-09-01T08:00:00Z"), closesAt: new Date("2026-10-31T17:00:00Z") };
    expect(await updateRound(round.id, shown, actor)).toMatchObject({ ok: true, changed: [] });
    expect((await getRound(round.id))!.opensAt.toISOString()).toBe("2026-09-01T08:00:41.500Z");
    expect(await updateRound(round.id, { ...shown, opensAt: new Date("2026-09-01T08:01:00Z") }, actor)).toMatchObject({
      ok: true,
      changed: ["opensAt"],
    });
  });

  it("writes nothing when nothing changed", async () => {
    const { actor, round } = await setup();
    expect(await updateRound(round.id, formOf(round), actor)).toMatchObject({ ok: true, changed: [] });
    expect((await auditFor("round", round.id)).map((e) => e.action)).toEqual(["round.created"]);
  });

  it("edits criteria in place, adds new ones and removes cleared ones, keeping ids of the kept ones", async () => {
    const { actor, round } = await setup();
    const [need, difference] = round.criteria;
    const form = formOf(round);
    const result = await updateRound(
      round.id,
      {
        ...form,
        criteria: [
          { ...form.criteria[0], weight: 5, guidance: "Evidence of need" },
          { name: "Value for money", guidance: "", weight: 1, scaleMin: 0, scaleMax: 10 },
        ],
      },
      actor,
    );
    expect(result).toMatchObject({ ok: true, changed: ["criteria"] });
    const after = (await getRound(round.id))!.criteria;
    expect(after.map((c) => [c.position, c.name, c.weight, c.scaleMin, c.scaleMax])).toEqual([
      [0, "Need", 5, 1, 5],
      [1, "Value for money", 1, 0, 10],
    ]);
    expect(after[0].id).toBe(need.id);
    expect(await db().criterion.findUnique({ where: { id: difference.id } })).toBeNull();
    expect((await auditFor("round", round.id)).at(-1)?.payload).toEqual({
      changes: {
        criteria: [
          { name: "Need", guidance: "Evidence of need", weight: 5, scaleMin: 1, scaleMax: 5 },
          { name: "Value for money", guidance: "", weight: 1, scaleMin: 0, scaleMax: 10 },
        ],
      },
    });
  });

  it("does not let a criterion id from another round be hijacked", async () => {
    const { actor, fund, round } = await setup();
    const other = (await getRound((await makeRound(fund.id, actor)).id))!;
    const form = formOf(round);
    await updateRound(round.id, { ...form, criteria: [{ ...form.criteria[0], id: other.criteria[0].id, name: "Stolen" }] }, actor);
    expect((await getRound(other.id))!.criteria[0].name).toBe("Need");
    expect((await getRound(round.id))!.criteria.map((c) => c.name)).toEqual(["Stolen"]);
  });

  it("refuses a web address name another round has", async () => {
    const { actor, fund, round } = await setup();
    const other = await makeRound(fund.id, actor);
    expect(await updateRound(round.id, { ...formOf(round), slug: other.slug }, actor)).toEqual({
      ok: false,
      errors: { slug: `Another round already uses "${other.slug}": choose a different web address name` },
    });
  });

  it("still allows criteria changes while the event is being prepared", async () => {
    const { actor, round } = await setup();
    await makeEvent(round.id, "READY");
    const form = formOf(round);
    const result = await updateRound(round.id, { ...form, criteria: [{ ...form.criteria[0], weight: 1 }] }, actor);
    expect(result).toMatchObject({ ok: true, changed: ["criteria"] });
  });

  it.each(["LIVE", "SCORING_CLOSED", "DECIDED"] as const)(
    "fixes the criteria and the decision rule once an event is %s, but not the round's details",
    async (state) => {
      const { actor, round } = await setup();
      await makeEvent(round.id, state, "Autumn pitch night");
      const form = formOf(round);
      const result = await updateRound(
        round.id,
        { ...form, criteria: [{ ...form.criteria[0], weight: 1 }], quorum: 1 },
        actor,
      );
      expect(result).toEqual({
        ok: false,
        errors: {
          criteria: expect.stringContaining('The assessment criteria cannot change now: the event "Autumn pitch night" has started'),
          rule: expect.stringContaining("The decision rule cannot change now"),
        },
      });
      expect((await getRound(round.id))!.criteria.map((c) => c.weight)).toEqual([3, 2]);
      expect(await updateRound(round.id, { ...form, description: "New words" }, actor)).toMatchObject({
        ok: true,
        changed: ["description"],
      });
      expect((await getRound(round.id))!.ruleLocked).toBe(true);
    },
  );

  it("will not remove a criterion that already has scores", async () => {
    const { actor, round } = await setup();
    const event = await makeEvent(round.id, "READY");
    const bid = await makeBid(round.id, { status: "SHORTLISTED" });
    const panellist = await db().panellist.create({ data: { eventId: event.id, name: "P", inviteTokenHash: `hash-${round.id}` } });
    await db().scoreSheet.create({
      data: {
        panellistId: panellist.id,
        bidId: bid.id,
        version: 1,
        clientMutationId: `m-${round.id}`,
        items: { create: [{ criterionId: round.criteria[1].id, value: 4 }] },
      },
    });
    const form = formOf(round);
    expect(await updateRound(round.id, { ...form, criteria: [form.criteria[0]] }, actor)).toEqual({
      ok: false,
      errors: { criteria: 'The criterion "Difference" has scores against it, so it cannot be removed' },
    });
    expect((await getRound(round.id))!.criteria).toHaveLength(2);
  });

  it("says so when the round does not exist", async () => {
    const { actor, round } = await setup();
    expect(await updateRound("no-such-round", formOf(round), actor)).toBeNull();
    expect(await getRound("no-such-round")).toBeNull();
  });
});

describe("bid counts", () => {
  it("counts a round's bids by status and by list tab, and no other round's", async () => {
    const { actor, fund, round } = await setup();
    const other = await createRound({ fundId: fund.id, title: "Other", slug: `other-${round.id}`, opensAt: round.opensAt, closesAt: round.closesAt, criteria: CRITERIA }, actor);
    for (const status of ["DRAFT", "SUBMITTED", "SUBMITTED", "SHORTLISTED", "DECLINED", "WITHDRAWN"] as const) {
      await makeBid(round.id, { status });
    }
    await makeBid(other.id, { status: "SUBMITTED" });
    const counts = await roundBidCounts(round.id);
    expect(counts.byStatus).toEqual({ DRAFT: 1, SUBMITTED: 2, SHORTLISTED: 1, DECLINED: 1, WITHDRAWN: 1 });
    expect(counts.byFilter).toMatchObject({ all: 5, submitted: 2, shortlisted: 1, declined: 1, withdrawn: 1, draft: 1 });
  });
});

import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import type { RoundFormData } from "~/domain/fund";
import { auditEntriesFor, verifyAuditLog } from "~/models/audit.server";
import { bidAnswers, findBidByToken, saveBid, startBid, submitBid } from "~/models/bid.server";
import { getRound, updateRound } from "~/models/round.server";
import { completeBidValues } from "~/testing/bid-values";
import { auditFor, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";

// Cymraeg (issue 14): a bid keeps the language it is written in, through start, edit and
// submission, with each step's audit entry saying it; a round keeps its organiser's Welsh words
// and whether it is bilingual, audited like its other details.

useTestDatabase();

const NOW = new Date("2027-01-15T10:00:00Z");

async function openRound() {
  const { actor } = await makeOrganiser();
  const fund = await makeFund(actor);
  const round = await makeRound(fund.id, actor, { opensAt: new Date("2027-01-01T00:00:00Z"), closesAt: new Date("2027-02-12T17:00:00Z") });
  return { actor, round: (await getRound(round.id))! };
}

describe("a bid's language", () => {
  it("is saved as the group chose it, changed with the bid, and named in each audit entry", async () => {
    const { round } = await openRound();
    const started = await startBid({ slug: round.slug, values: completeBidValues({ language: "cy", groupName: "Cymdeithas Rhandiroedd" }), intent: "draft", now: NOW });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect((await db().bid.findUniqueOrThrow({ where: { id: started.bid.id } })).language).toBe("cy");

    await submitBid({ token: started.token, now: NOW });
    const edited = await saveBid({ token: started.token, values: completeBidValues({ language: "en" }), intent: "save", now: NOW });
    expect(edited.ok).toBe(true);
    expect((await findBidByToken(started.token))!.language).toBe("en");

    const audit = await auditEntriesFor("bid", started.bid.id);
    expect(audit.map((e) => [e.action, (e.payload as { language?: string }).language])).toEqual([
      ["bid.draft_saved", "cy"],
      ["bid.submitted", "cy"],
      ["bid.edited", "en"],
    ]);
    expect((await verifyAuditLog()).ok).toBe(true);
  });

  it("is English when the form did not say, and a language we do not speak is refused beside its box", async () => {
    const { round } = await openRound();
    const plain = await startBid({ slug: round.slug, values: completeBidValues({ language: "" }), intent: "draft", now: NOW });
    expect(plain.ok && plain.bid.language).toBe("en");
    const odd = await startBid({ slug: round.slug, values: completeBidValues({ language: "fr" }), intent: "draft", now: NOW });
    expect(odd).toEqual({ ok: false, kind: "invalid", errors: { language: { key: "apply.error.language" } } });
  });

  it("gives the check-answers page its answers in Welsh", async () => {
    const { round } = await openRound();
    const started = await startBid({ slug: round.slug, values: completeBidValues({ language: "cy" }), intent: "draft", now: NOW });
    if (!started.ok) throw new Error("not started");
    const answers = bidAnswers((await findBidByToken(started.token))!, "cy");
    expect(answers.find((a) => a.field === "amountRequested")).toEqual({ field: "amountRequested", label: "Swm y gofynnwyd amdano", value: "£1,500" });
    expect(answers.find((a) => a.field === "startDate")?.value).toBe("1 Mawrth 2027");
    expect(answers.find((a) => a.field === "contactPhone")).toMatchObject({ value: "Heb ei roi", missing: true });
  });
});

describe("a bilingual round", () => {
  it("keeps the organiser's Welsh words and audits the change like its other details", async () => {
    const { actor, round } = await openRound();
    const form: RoundFormData = {
      title: round.title,
      slug: round.slug,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      description: round.description,
      eligibility: round.eligibility,
      bilingual: true,
      titleCy: "Cylch prawf",
      descriptionCy: "",
      eligibilityCy: "Grwpiau yn Thornbury",
      criteria: round.criteria.map(({ id, name, guidance, weight, scaleMin, scaleMax }) => ({ id, name, guidance, weight, scaleMin, scaleMax })),
      panelWeightPercent: round.panelWeightPercent,
      audienceWeightPercent: round.audienceWeightPercent,
      normaliseScores: round.normaliseScores,
      quorum: round.quorum,
      partFundingAllowed: round.partFundingAllowed,
      partFundingMinPercent: round.partFundingMinPercent,
      tieBreak: round.tieBreak as RoundFormData["tieBreak"],
      audienceMode: round.audienceMode as RoundFormData["audienceMode"],
      audienceVotesPerPerson: round.audienceVotesPerPerson,
    };
    const saved = await updateRound(round.id, form, actor);
    expect(saved).toMatchObject({ ok: true, changed: ["bilingual", "titleCy", "eligibilityCy"] });
    expect(await db().round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ bilingual: true, titleCy: "Cylch prawf", eligibilityCy: "Grwpiau yn Thornbury" });
    const entries = await auditFor("round", round.id);
    expect(entries.at(-1)).toMatchObject({ action: "round.updated" });
    expect(entries.at(-1)!.payload).toMatchObject({ changes: { bilingual: true, titleCy: "Cylch prawf", eligibilityCy: "Grwpiau yn Thornbury" } });
    expect((await verifyAuditLog()).ok).toBe(true);
  });
});

import { randomUUID } from "node:crypto";
import { addDays, format, subDays, subHours } from "date-fns";
import type { ChairCommand } from "~/domain/event-machine";
import type { Actor } from "~/domain/permissions";
import { castBallot } from "~/models/audience.server";
import { acceptAward, acceptAwardForGroup } from "~/models/award.server";
import { offerAward } from "~/coordinators/payments/awards.server";
import { revealAwards } from "~/models/award-reveal.server";
import { confirmDecisions, decisionBoard, decisionsForEvent, recordDecision } from "~/models/decision.server";
import { createEvent, getEvent, revealResults, runChairCommand } from "~/models/event.server";
import { createFund } from "~/models/fund.server";
import { claimInvite, declareConflict, invitePanellist } from "~/models/panel.server";
import { recordManualPayment } from "~/models/payment.server";
import { approvePayment, requestPayment } from "~/coordinators/payments/payments.server";
import { createRound, type CriterionInput } from "~/models/round.server";
import { submitScore } from "~/models/score.server";
import { shortlistBid } from "~/models/shortlist.server";
import { sendDemoBid, type DemoBid, type DemoTiming } from "./demo-bid";
import type { Staff } from "./staff";

// A pitch event that has already happened, from the first bid to the money in the bank, so a
// newcomer (and an auditor) can see the whole chain on first start. Everything is written
// through the same model functions the pages use, so every step has its audit entry and the
// chain verifies. The bids were sent months ago (their own dates); from the shortlist on, the
// seed plays the evening through at the time it runs, so the audit log's times stay in order.
//
// What it shows: five pitches, four panellists, one recusal (a trustee of the village hall),
// one score changed after the questions (version 2), twelve audience ballots, a proposal the
// funder departed from with a reason, three awards accepted (one through the group's private
// link, one on the organiser's laptop), two payments each asked for by one funder and approved
// by another (a bank transfer and a cheque, both recorded as paid), and the results and awards
// revealed.
//
// It has its own fund so that the demo's other rounds keep their whole pot.

export const PAST_FUND_NAME = "Thornbury Summer Fund 2026";
export const PAST_ROUND_SLUG = "summer-2026";
export const PAST_EVENT_TITLE = "Summer pitch night";

const CRITERIA: CriterionInput[] = [
  { name: "Need", guidance: "Is there a clear local need, in the group's own evidence?", weight: 3, scaleMin: 1, scaleMax: 5 },
  { name: "Difference", guidance: "How much difference will the money make, and for how many people?", weight: 2, scaleMin: 1, scaleMax: 5 },
  { name: "Deliverability", guidance: "Can the group do what it says, on time and on budget?", weight: 2, scaleMin: 1, scaleMax: 5 },
  { name: "Value for money", guidance: "Is the budget realistic and good value?", weight: 1, scaleMin: 1, scaleMax: 5 },
];

type Key = "larder" | "hall" | "shed" | "wildlife" | "choir";
type Demo = DemoBid & { key: Key };

const TIMING: DemoTiming = { startsAfterDays: 40, lastsDays: 300 };

const BIDS: Demo[] = [
  {
    key: "shed",
    group: { name: "Thornbury Men's Shed", type: "CONSTITUTED_GROUP" },
    contact: { name: "Keith Morgan", email: "shed@thornburymensshed.example" },
    area: "Unit 4, Midland Way, Thornbury",
    projectTitle: "Tools for the Shed workshop",
    summary: "A bench saw, a pillar drill and dust extraction so members can take on repairs and build planters for the town.",
    difference: "Men who live alone get a place to make things together. With the tools we can say yes to the school and the care home.",
    beneficiaries: "Around 30 members, mostly retired men, and the groups we build for.",
    beneficiaryCount: "30",
    budget: { "Bench saw": "1,150", "Pillar drill": "450", "Dust extraction": "600", "Timber for the first planters": "200" },
  },
  {
    key: "hall",
    group: { name: "Alveston Village Hall Trust", type: "REGISTERED_CHARITY", charityNumber: "1043210" },
    contact: { name: "Susan Reed", email: "bookings@alvestonhall.example" },
    area: "Alveston Village Hall, BS35 3LD",
    projectTitle: "A hearing loop for the main hall",
    summary: "Fit an induction hearing loop in the main hall so people with hearing aids can follow talks, films and meetings.",
    difference: "Hearing-aid users, many of them older, can take part in everything the hall hosts instead of sitting out.",
    beneficiaries: "The 40 groups that use the hall, and anyone in the village with a hearing aid.",
    beneficiaryCount: "400",
    budget: { "Loop amplifier and cable": "1,100", "Installation": "550", "Signs and a portable loop": "150" },
  },
  {
    key: "wildlife",
    group: { name: "Oldbury Wildlife Watch", type: "UNCONSTITUTED_GROUP", parentOrgName: "Oldbury-on-Severn Parish Council" },
    contact: { name: "Nadia Flores", email: "wildlifewatch@oldbury.example" },
    area: "Oldbury-on-Severn",
    projectTitle: "Kit for a children's wildlife club",
    summary: "Nets, magnifiers, field guides and a moth trap for a monthly wildlife club for children aged 8 to 12.",
    difference: "Children in the village get out on the riverbank with people who know what they are looking at.",
    beneficiaries: "Children aged 8 to 12 in Oldbury and Shepperdine.",
    beneficiaryCount: "24",
    budget: { "Pond nets, trays and magnifiers": "240", "Field guides": "160", "Moth trap": "250" },
  },
  {
    key: "larder",
    group: { name: "Thornbury Community Larder", type: "COMPANY", companyNumber: "11234567" },
    contact: { name: "Joanne Price", email: "hello@thornburylarder.example" },
    area: "St Mary Street, Thornbury",
    projectTitle: "A fridge and freezer for the larder",
    summary: "Commercial fridge and freezer so the larder can take chilled and frozen food from supermarkets instead of turning it away.",
    difference: "Families using the larder get fresh food, and about two tonnes a year stays out of the bin.",
    beneficiaries: "About 120 households a week, many with young children.",
    beneficiaryCount: "120",
    budget: { "Commercial fridge": "750", "Chest freezer": "450", "Temperature logger and electrics": "300" },
  },
  {
    key: "choir",
    group: { name: "Severn Singers Community Choir", type: "CONSTITUTED_GROUP" },
    contact: { name: "Owen Hughes", email: "severnsingers@choir.example" },
    area: "Thornbury and the Severn villages",
    projectTitle: "Sheet music and a portable keyboard",
    summary: "A portable keyboard and a library of sheet music so the choir can rehearse in care homes as well as the church hall.",
    difference: "Care-home residents hear and join in live music every month.",
    beneficiaries: "Choir members and residents of three care homes.",
    beneficiaryCount: "90",
    budget: { "Portable keyboard and stand": "600", "Sheet music": "300" },
  },
];

const PANEL = ["Ruth Evans", "Malik Hussain", "Jo Carter", "Grace Lin"] as const;

// Criterion values (Need, Difference, Deliverability, Value for money) per panellist, in PANEL
// order; null: that panellist declared a conflict with the pitch and did not score it.
const SCORES: Record<Key, ([number, number, number, number] | null)[]> = {
  shed: [[4, 4, 4, 3], [4, 4, 3, 4], [4, 3, 4, 4], [3, 4, 4, 3]],
  hall: [[5, 4, 4, 4], [4, 4, 5, 4], [4, 4, 4, 4], null],
  wildlife: [[3, 3, 4, 4], [3, 4, 3, 3], [4, 3, 3, 3], [3, 3, 3, 4]],
  larder: [[5, 5, 4, 4], [5, 4, 5, 4], [4, 5, 4, 5], [5, 4, 4, 4]],
  choir: [[2, 3, 3, 3], [3, 2, 3, 2], [3, 3, 2, 3], [2, 3, 3, 3]],
};
// Malik scored the Shed during its questions, then changed his mind once it answered them.
const FIRST_THOUGHTS: [number, number, number, number] = [3, 3, 3, 3];

// Twelve phones, two votes each.
const BALLOTS: [Key, Key][] = [
  ["larder", "shed"],
  ["larder", "shed"],
  ["larder", "hall"],
  ["larder", "hall"],
  ["larder", "wildlife"],
  ["larder", "wildlife"],
  ["larder", "choir"],
  ["larder", "shed"],
  ["shed", "hall"],
  ["shed", "wildlife"],
  ["hall", "choir"],
  ["wildlife", "choir"],
];

export const SHED_OVERRIDE_REASON =
  "The group told the panel that a local merchant will donate the timber and the dust extraction can be bought second-hand, so £400 of the budget is no longer needed.";

function must<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Seeding the past event: ${what} was refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

export type PastEvent = Awaited<ReturnType<typeof seedPastEvent>>;

export async function seedPastEvent(staff: Staff, now: Date) {
  const organiser = staff.byKey.organiser as Actor;
  const funder = staff.byKey.funder as Actor;
  const secondFunder = staff.byKey.funder2 as Actor;
  const asOrganiser = { type: "user" as const, id: organiser.id };

  const fund = await createFund(
    {
      name: PAST_FUND_NAME,
      potPence: 600_000,
      currency: "GBP",
      minAwardPence: 20_000,
      maxAwardPence: 250_000,
      funderName: "Thornbury Town Council",
      funderOrgId: "GB-LAE-THB",
      grantIdPrefix: "360G-thornburytc",
    },
    asOrganiser,
  );
  // why closed so long ago: the public rounds page lists rounds closed in the last 120 days,
  // and this one is history, found through its results page instead.
  const opensAt = subDays(now, 200);
  const closesAt = subDays(now, 140);
  const round = await createRound(
    {
      fundId: fund.id,
      title: "Summer 2026 community pitches",
      slug: PAST_ROUND_SLUG,
      description: "Up to £2,500 for local groups, decided live at Thornbury Town Hall.",
      eligibility: "Groups working in Thornbury and the surrounding parishes.",
      opensAt,
      closesAt,
      panelWeightPercent: 70,
      audienceWeightPercent: 30,
      normaliseScores: false,
      quorum: 3,
      partFundingAllowed: true,
      partFundingMinPercent: 50,
      tieBreak: "HIGHER_PANEL_SCORE",
      audienceMode: "OPEN",
      audienceVotesPerPerson: 2,
      criteria: CRITERIA,
    },
    asOrganiser,
  );

  // The bids, sent while the round was open.
  const bids = {} as Record<Key, { id: string; reference: string; token: string }>;
  for (const [index, demo] of BIDS.entries()) {
    const sentAt = addDays(opensAt, 5 + index * 9);
    const { bid, token } = await sendDemoBid(round.slug, demo, sentAt, TIMING);
    bids[demo.key] = { id: bid.id, reference: bid.reference, token };
  }
  for (const demo of BIDS) {
    must(`shortlisting ${demo.group.name}`, await shortlistBid(bids[demo.key].id, "Clear need, well costed, ready to pitch.", asOrganiser));
  }

  // The evening: the running order is the shortlist in reference order.
  const created = must(
    "the event",
    await createEvent(
      {
        roundId: round.id,
        title: PAST_EVENT_TITLE,
        startsAt: subHours(now, 3),
        venue: "Thornbury Town Hall",
        pitchSeconds: 180,
        questionSeconds: 120,
      },
      asOrganiser,
    ),
  );
  const eventId = created.event.id;
  const panel: { id: string; name: string }[] = [];
  for (const name of PANEL) {
    const invited = must(`inviting ${name}`, await invitePanellist({ eventId, name }, asOrganiser));
    must(`${name} joining`, await claimInvite(invited.inviteToken, null));
    panel.push(invited.panellist);
  }
  const chair = async (command: ChairCommand) => must(`the chair's ${command.type}`, await runChairCommand(eventId, command, asOrganiser));
  await chair({ type: "MARK_READY" });
  await chair({ type: "START" });

  // Grace is a trustee of the village hall: she says so before its pitch and does not score it.
  const grace = panel[3];
  must(
    "Grace's conflict",
    await declareConflict({ panellistId: grace.id, bidId: bids.hall.id, reason: "I am a trustee of Alveston Village Hall Trust." }, { type: "panellist", id: grace.id }),
  );

  const event = await getEvent(eventId);
  if (!event) throw new Error("Seeding the past event: the event could not be read back.");
  const criteria = event.round.criteria;
  const score = async (panellist: { id: string; name: string }, key: Key, given: number[], comment = "") =>
    must(
      `${panellist.name}'s score for ${key}`,
      await submitScore({
        panellistId: panellist.id,
        bidId: bids[key].id,
        sheet: {
          items: criteria.map((c, i) => ({ criterionId: c.id, value: given[i] })),
          comment,
          clientMutationId: randomUUID(),
        },
      }),
    );

  const order = [...BIDS].sort((a, b) => bids[a.key].reference.localeCompare(bids[b.key].reference));
  for (const demo of order) {
    const slot = event.slots.find((s) => s.bidId === bids[demo.key].id)!;
    await chair({ type: "NEXT" }); // pitching
    await chair({ type: "NEXT" }); // questions: scoring opens
    if (demo.key === "shed") await score(panel[1], "shed", FIRST_THOUGHTS, "Not sure the group can run the machines safely.");
    await chair({ type: "NEXT" }); // scoring
    for (const [i, given] of SCORES[demo.key].entries()) {
      if (!given) continue;
      const comment = demo.key === "shed" && i === 1 ? "Changed after the questions: two members are qualified instructors." : "";
      await score(panel[i], demo.key, given, comment);
    }
    await chair({ type: "LOCK", slotId: slot.id });
  }

  for (const [i, picks] of BALLOTS.entries()) {
    must(
      `ballot ${i + 1}`,
      await castBallot({ eventId, voterKey: `demo-voter-${randomUUID()}`, bidIds: picks.map((key) => bids[key].id), clientMutationId: randomUUID() }),
    );
  }
  await chair({ type: "CLOSE_SCORING" });
  must("revealing the results", await revealResults(eventId, asOrganiser));

  // The funder's decisions: the proposal for every pitch, except the Shed's.
  const board = await decisionBoard(eventId);
  if (!board) throw new Error("Seeding the past event: the decision board could not be read.");
  const feedback: Record<Key, string> = {
    larder: "The panel was impressed by the evidence of food turned away.",
    hall: "A simple change that opens the hall to more people.",
    shed: "Please send photos of the first planters.",
    wildlife: "A strong, low-cost idea that the pot could not stretch to this time. Please apply again.",
    choir: "The panel would like to see the care homes' own support in a future bid.",
  };
  for (const row of board.rows) {
    const key = BIDS.find((b) => bids[b.key].id === row.bid.id)!.key;
    const choice =
      key === "shed"
        ? { outcome: "PART_FUNDED" as const, amountPence: 200_000, overrideReason: SHED_OVERRIDE_REASON }
        : { outcome: row.proposal.outcome, amountPence: row.proposal.amountPence, overrideReason: "" };
    must(`the decision on ${key}`, await recordDecision({ eventId, bidId: row.bid.id, ...choice, feedback: feedback[key] }, funder));
  }
  must("confirming the decisions", await confirmDecisions(eventId, funder));
  // The chair reveals the first award on the big screen, then the rest and the totals.
  must("revealing the first award", await revealAwards(eventId, "next", organiser, { fromStep: 0 }));
  must("revealing every award", await revealAwards(eventId, "all", organiser));

  // Awards, accepted, and two of them paid (four eyes: asked for by Fran, approved by Frank).
  const decisions = await decisionsForEvent(eventId);
  const awards = {} as Record<"larder" | "hall" | "shed", string>;
  for (const key of ["larder", "hall", "shed"] as const) {
    const decision = decisions.find((d) => d.bidId === bids[key].id)!;
    const issued = must(
      `the award to ${key}`,
      await offerAward(decision.id, { conditions: "Spend the grant on the items in the bid within a year, and send a short report with receipts." }, funder),
    );
    awards[key] = issued.award.id;
  }
  must("the larder accepting", await acceptAward(bids.larder.token, { signedName: "Joanne Price", agree: "yes" }));
  must("the hall accepting at the event", await acceptAwardForGroup(awards.hall, { signedName: "Susan Reed", agree: "yes" }, organiser));
  must("the shed accepting", await acceptAward(bids.shed.token, { signedName: "Keith Morgan", agree: "yes" }));

  const today = format(now, "yyyy-MM-dd");
  const paid: Record<string, { method: "BANK_TRANSFER" | "CHEQUE"; reference: string }> = {
    larder: { method: "BANK_TRANSFER", reference: "TTC-SUMMER26-01" },
    hall: { method: "CHEQUE", reference: "004217" },
  };
  for (const key of ["larder", "hall"] as const) {
    const { method, reference } = paid[key];
    const requested = must(`asking to pay ${key}`, await requestPayment(awards[key], { method }, funder));
    must(`approving the payment to ${key}`, await approvePayment(awards[key], requested.payment.id, secondFunder));
    must(`recording the payment to ${key}`, await recordManualPayment(awards[key], requested.payment.id, { reference, paidOn: today }, funder, today));
  }

  return { fund, round, eventId, bids, awards, panel };
}

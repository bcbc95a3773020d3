import { useTestDatabase } from "~/testing/database";
import { database, db } from "~/db.server";
import { verifyAgainstCheckpoint } from "~/domain/checkpoint";
import { PART_REVEAL_WAIT_MS } from "~/domain/checkpoint-auto";
import type { Actor } from "~/domain/permissions";
import { readChain } from "~/models/audit.server";
import { listCheckpoints } from "~/models/checkpoint.server";
import { confirmDecisions, recordDecision } from "~/models/decision.server";
import { confirmBulkPayments, confirmEventDecisions, recordPaymentMade, revealEventAwards, takeOwedCheckpoint } from "~/coordinators/checkpoints.server";
import { savePayeeDetails } from "~/models/payee-details.server";
import { createBatch } from "~/models/payment-batch.server";
import { approvePayment, requestPayment } from "~/coordinators/payments/payments.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeAcceptedAward, makeFunder, makeScoredEvent, onboardRecipient, scores, startStripeHarness, type StripeHarness } from "~/testing/payments-fixtures";
import { makeStaff } from "~/testing/live-fixtures";

// Checkpoints Pitchday takes by itself: after decisions are confirmed, awards revealed and a
// payment made, each covering the change that called for it, emailed once to each auditor.

useTestDatabase();

let stripe: StripeHarness;
const auditors: { email: string; name: string }[] = [
  { email: "ada.auditor@example.test", name: "Ada Auditor" },
  { email: "bo.auditor@example.test", name: "Bo Auditor" },
];

beforeAll(async () => {
  stripe = await startStripeHarness({ balance: 100_000_000 });
  for (const a of auditors) await db().user.create({ data: { ...a, roles: ["AUDITOR"] } });
  await db().user.create({ data: { email: "gone.auditor@example.test", name: "Gone Auditor", roles: ["AUDITOR"], disabledAt: new Date() } });
});
afterAll(async () => {
  await stripe.stop();
  await closeLiveBus();
});

beforeEach(async () => {
  // why: fixtures confirm and reveal through the models, which leave requests; start each test owing none.
  await takeOwedCheckpoint(new Date(Date.now() + 2 * PART_REVEAL_WAIT_MS));
});

async function newestCheckpoint() {
  return db().auditCheckpoint.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

function checkpointMails(seq: number) {
  return db().mailMessage.findMany({ where: { subject: `Audit checkpoint #${seq}: keep this email` }, orderBy: { to: "asc" } });
}

/** The checkpoint names a committed head at or after the entry, and the log verifies against it. */
async function expectCovers(checkpoint: { seq: number; hash: string }, entrySeq: number) {
  expect(checkpoint.seq).toBeGreaterThan(entrySeq);
  const verdict = verifyAgainstCheckpoint(await readChain(), checkpoint);
  expect(verdict.ok).toBe(true);
}

async function decidedEvent(title: string, bids = 1) {
  const setup = await makeScoredEvent({ bids: Array.from({ length: bids }, () => ({ amountPence: 100_000, scores: scores([5, 5]) })) });
  await db().event.update({ where: { id: setup.event.id }, data: { title } });
  const funder = await makeFunder();
  for (const bid of setup.bids) {
    const decided = await recordDecision({ eventId: setup.event.id, bidId: bid.id, outcome: "FUNDED", amountPence: 100_000, overrideReason: "", feedback: "" }, funder);
    if (!decided.ok) throw new Error(decided.message);
  }
  return { ...setup, funder };
}

async function chair(): Promise<Actor> {
  const staff = await makeStaff();
  return { id: staff.user.id, roles: ["ORGANISER"] };
}

describe("confirming an event's decisions", () => {
  it("leaves a checkpoint whose head covers the confirmation, emailed once to each active auditor", async () => {
    const { event, funder } = await decidedEvent("Harvest pitch night");
    const before = await db().auditCheckpoint.count();
    expect(await confirmEventDecisions(event.id, funder)).toMatchObject({ ok: true, funded: 1 });

    const decided = await db().auditEntry.findFirstOrThrow({ where: { action: "event.decided", subjectId: event.id } });
    const checkpoint = await newestCheckpoint();
    expect(await db().auditCheckpoint.count()).toBe(before + 1);
    await expectCovers(checkpoint, decided.seq);
    expect(checkpoint.triggers).toEqual(["decisions_confirmed"]);
    expect(checkpoint.note).toBe('Taken automatically after the decisions of "Harvest pitch night" were confirmed.');
    const own = await db().auditEntry.findFirstOrThrow({ where: { seq: checkpoint.seq } });
    expect(own).toMatchObject({ action: "audit.checkpoint_created", actorType: "system", hash: checkpoint.hash });
    expect(own.payload).toEqual({ checkpointId: checkpoint.id, via: "auto", triggers: ["decisions_confirmed"], auditorsMailed: 2 });

    const mails = await checkpointMails(checkpoint.seq);
    expect(mails.map((m) => m.to)).toEqual(auditors.map((a) => a.email));
    expect(mails[0].text).toContain(`npm run audit:verify -- --expect-head ${checkpoint.seq}:${checkpoint.hash}`);
    expect(mails[0].text).toContain('the decisions of "Harvest pitch night" were confirmed');
    expect(mails[0].text).toContain("Hello Ada Auditor,");
    expect(await db().checkpointRequest.count()).toBe(0);
    expect((await listCheckpoints()).find((c) => c.id === checkpoint.id)).toMatchObject({ takenBy: "Pitchday, automatically" });

    // Nothing owed: a later call takes nothing and mails nobody.
    expect(await takeOwedCheckpoint()).toBeNull();
    expect(await db().auditCheckpoint.count()).toBe(before + 1);
  });

  it("after a crash between the confirmation and its checkpoint, the owed checkpoint is taken by the next call", async () => {
    const { event, funder } = await decidedEvent("Crash night");
    const before = await db().auditCheckpoint.count();
    // The model alone: the process dies before the coordinator takes the checkpoint.
    expect(await confirmDecisions(event.id, funder)).toMatchObject({ ok: true });
    expect(await db().auditCheckpoint.count()).toBe(before);
    expect(await db().checkpointRequest.count()).toBe(1);

    const taken = await takeOwedCheckpoint();
    const decided = await db().auditEntry.findFirstOrThrow({ where: { action: "event.decided", subjectId: event.id } });
    await expectCovers(taken!, decided.seq);
    expect(await checkpointMails(taken!.seq)).toHaveLength(2);
    expect(await db().checkpointRequest.count()).toBe(0);
  });
});

describe("revealing the awards", () => {
  it("waits while the chair reveals one award at a time, and the press that shows the totals covers them all with one checkpoint", async () => {
    const { event, funder } = await decidedEvent("Reveal night", 2);
    await confirmEventDecisions(event.id, funder);
    const afterConfirm = await db().auditCheckpoint.count();
    const by = await chair();

    expect(await revealEventAwards(event.id, "next", by)).toMatchObject({ ok: true, step: 1 });
    expect(await db().auditCheckpoint.count()).toBe(afterConfirm);
    expect(await revealEventAwards(event.id, "all", by)).toMatchObject({ ok: true, step: 3 });

    const checkpoint = await newestCheckpoint();
    expect(await db().auditCheckpoint.count()).toBe(afterConfirm + 1);
    const presses = await db().auditEntry.findMany({ where: { action: "event.awards_revealed", subjectId: event.id }, orderBy: { seq: "asc" } });
    expect(presses).toHaveLength(2);
    await expectCovers(checkpoint, presses[1].seq);
    expect(checkpoint.triggers).toEqual(["awards_revealed"]);
    expect(checkpoint.note).toBe('Taken automatically after the awards of "Reveal night" were revealed.');
    expect(await checkpointMails(checkpoint.seq)).toHaveLength(2);
    expect(await db().checkpointRequest.count()).toBe(0);
  });

  it("a reveal left part-way is covered by the sweep once the wait has passed", async () => {
    const { event, funder } = await decidedEvent("Unfinished night", 2);
    await confirmEventDecisions(event.id, funder);
    const count = await db().auditCheckpoint.count();
    const now = new Date();
    await revealEventAwards(event.id, "next", await chair(), { now });
    expect(await takeOwedCheckpoint(new Date(now.getTime() + PART_REVEAL_WAIT_MS - 1_000))).toBeNull();
    const taken = await takeOwedCheckpoint(new Date(now.getTime() + PART_REVEAL_WAIT_MS));
    const press = await db().auditEntry.findFirstOrThrow({ where: { action: "event.awards_revealed", subjectId: event.id } });
    await expectCovers(taken!, press.seq);
    expect(await db().auditCheckpoint.count()).toBe(count + 1);
  });
});

describe("a payment made", () => {
  it("by bank transfer, recorded by the funder, leaves a checkpoint covering it", async () => {
    const A = await makeFunder("Ayo");
    const B = await makeFunder("Bea");
    const { awardId, bid } = await makeAcceptedAward({ decider: A });
    await takeOwedCheckpoint(new Date(Date.now() + 2 * PART_REVEAL_WAIT_MS));
    const asked = await requestPayment(awardId, { method: "BANK_TRANSFER" }, A);
    if (!asked.ok) throw new Error(asked.message);
    await approvePayment(awardId, asked.payment.id, B);
    const count = await db().auditCheckpoint.count();
    expect(await recordPaymentMade(awardId, asked.payment.id, { reference: "BT-42", paidOn: "2027-05-20" }, A, "2027-05-21")).toMatchObject({ ok: true });

    const recorded = await db().auditEntry.findFirstOrThrow({ where: { action: "payment.manual_recorded", subjectId: asked.payment.id } });
    const checkpoint = await newestCheckpoint();
    expect(await db().auditCheckpoint.count()).toBe(count + 1);
    await expectCovers(checkpoint, recorded.seq);
    expect(checkpoint.triggers).toEqual(["payment_made"]);
    expect(checkpoint.note).toBe(`Taken automatically after a payment of £1,000 for ${bid.reference} was made by bank transfer.`);
  });

  it("by a bank bulk-payment file, once the funder confirms the bank took it, leaves one checkpoint covering it", async () => {
    const A = await makeFunder("Ayo");
    const B = await makeFunder("Bea");
    const { awardId, bid } = await makeAcceptedAward({ decider: A });
    const details = { kind: "BANK" as const, party: "GROUP" as const, accountName: "Hill St Gardeners", sortCode: "089999", accountNumber: "66374958", chequePayee: null };
    expect(await savePayeeDetails(bid.id, details, { type: "group", id: bid.id })).toMatchObject({ ok: true });
    const asked = await requestPayment(awardId, { method: "BANK_TRANSFER" }, A);
    if (!asked.ok) throw new Error(asked.message);
    await approvePayment(awardId, asked.payment.id, B);
    const day = new Date().toISOString().slice(0, 10);
    const origin = { name: "Thornbury Town Council", sortCode: "309457", accountNumber: "12345678" };
    const made = await createBatch({ paymentIds: [asked.payment.id], origin, processingDay: day }, A);
    if (!made.ok) throw new Error(made.message);
    await takeOwedCheckpoint(new Date(Date.now() + 2 * PART_REVEAL_WAIT_MS));
    const count = await db().auditCheckpoint.count();

    expect(await confirmBulkPayments(made.batchId, { paidOn: day }, B)).toMatchObject({ ok: true });
    const recorded = await db().auditEntry.findFirstOrThrow({ where: { action: "payment.manual_recorded", subjectId: asked.payment.id } });
    const checkpoint = await newestCheckpoint();
    expect(await db().auditCheckpoint.count()).toBe(count + 1);
    await expectCovers(checkpoint, recorded.seq);
    expect(checkpoint.triggers).toEqual(["payment_made"]);
  });

  it("through Stripe, once the transfer is made, leaves a checkpoint covering it", async () => {
    const A = await makeFunder("Ayo");
    const B = await makeFunder("Bea");
    const { awardId, bid } = await makeAcceptedAward({ decider: A });
    await onboardRecipient(stripe.fake, bid.id);
    await takeOwedCheckpoint(new Date(Date.now() + 2 * PART_REVEAL_WAIT_MS));
    const asked = await requestPayment(awardId, { method: "STRIPE" }, A);
    if (!asked.ok) throw new Error(asked.message);
    const count = await db().auditCheckpoint.count();
    expect(await approvePayment(awardId, asked.payment.id, B)).toMatchObject({ ok: true, payment: { status: "PAID" } });
    await stripe.fake.webhooksSettled();

    const paid = await db().auditEntry.findFirstOrThrow({ where: { action: "payment.paid", subjectId: asked.payment.id } });
    const checkpoint = await newestCheckpoint();
    // The webhook that follows changes nothing, so it calls for no second checkpoint.
    expect(await db().auditCheckpoint.count()).toBe(count + 1);
    await expectCovers(checkpoint, paid.seq);
    expect(checkpoint.note).toBe(`Taken automatically after a payment of £1,000 for ${bid.reference} was made through Stripe.`);
  });
});

describe("at the same time", () => {
  it("two events confirmed at once: every confirmation is covered, each checkpoint mailed once, none empty", async () => {
    const one = await decidedEvent("North hall");
    const two = await decidedEvent("South hall");
    const before = await db().auditCheckpoint.findMany({ select: { id: true } });
    const results = await Promise.all([confirmEventDecisions(one.event.id, one.funder), confirmEventDecisions(two.event.id, two.funder)]);
    expect(results.every((r) => r.ok)).toBe(true);

    const taken = await db().auditCheckpoint.findMany({ where: { id: { notIn: before.map((c) => c.id) } }, orderBy: { seq: "asc" } });
    expect(taken.length).toBeGreaterThanOrEqual(1);
    expect(taken.length).toBeLessThanOrEqual(2);
    const decided = await db().auditEntry.findMany({ where: { action: "event.decided", subjectId: { in: [one.event.id, two.event.id] } } });
    await expectCovers(taken.at(-1)!, Math.max(...decided.map((d) => d.seq)));
    // Both notes together name both events, each exactly once.
    const notes = taken.map((c) => c.note).join(" ");
    expect(notes.match(/North hall/g)).toHaveLength(1);
    expect(notes.match(/South hall/g)).toHaveLength(1);
    for (const checkpoint of taken) expect(await checkpointMails(checkpoint.seq)).toHaveLength(2);
    expect(await db().checkpointRequest.count()).toBe(0);
  });

  it("many takers at once for one owed checkpoint take exactly one", async () => {
    const { event, funder } = await decidedEvent("Busy night");
    await confirmDecisions(event.id, funder);
    const before = await db().auditCheckpoint.count();
    const results = await Promise.all(Array.from({ length: 6 }, () => takeOwedCheckpoint()));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db().auditCheckpoint.count()).toBe(before + 1);
    expect(await checkpointMails(results.find(Boolean)!.seq)).toHaveLength(2);
  });
});

describe("a log that cannot be vouched for", () => {
  it("takes no checkpoint and keeps the request, so nothing is mailed for a tampered log", async () => {
    const { event, funder } = await decidedEvent("Tampered night");
    await confirmDecisions(event.id, funder);
    const decided = await db().auditEntry.findFirstOrThrow({ where: { action: "event.decided", subjectId: event.id } });
    const before = await db().auditCheckpoint.count();
    const mails = await db().mailMessage.count();
    await database().sql.exec(`UPDATE "AuditEntry" SET payload = '{"from":"LIVE"}' WHERE seq = ${decided.seq}`);
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await takeOwedCheckpoint()).toBeNull();
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(`The audit chain is broken at entry #${decided.seq}`));
    } finally {
      errors.mockRestore();
    }
    expect(await db().auditCheckpoint.count()).toBe(before);
    expect(await db().mailMessage.count()).toBe(mails);
    expect(await db().checkpointRequest.count()).toBe(1);
    // Put the entry back: the log verifies again, and the owed checkpoint is taken.
    await db().auditEntry.update({ where: { seq: decided.seq }, data: { payload: decided.payload! } });
    const taken = await takeOwedCheckpoint();
    await expectCovers(taken!, decided.seq);
  });
});

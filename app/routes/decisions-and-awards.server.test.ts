import { useTestDatabase } from "~/testing/database";
import { createHash, randomBytes } from "node:crypto";
import { createCookie, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { PAYMENTS_NOT_CONFIGURED } from "~/domain/payment";
import { offerAward } from "~/coordinators/payments/awards.server";
import { revealAwards } from "~/models/award-reveal.server";
import { cancelAward } from "~/models/award.server";
import { confirmDecisions, recordDecision } from "~/models/decision.server";
import { requestPayment } from "~/coordinators/payments/payments.server";
import { createSession } from "~/models/session.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { configureStripe } from "~/services/payments/stripe.server";
import { confirmAndReveal, makeAcceptedAward, makeFunder, makeScoredEvent, scores, startStripeHarness } from "~/testing/payments-fixtures";
import { readPdfText } from "~/testing/pdf-text";
import { action as acceptAction, loader as acceptLoader } from "~/routes/bid.$token_.accept";
import { loader as payoutLoader } from "~/routes/bid.$token_.payout";
import { loader as groupLetter } from "~/routes/bid.$token.letter[.]pdf";
import { loader as bidLoader } from "~/routes/bid.$token";
import { action as awardAction, loader as awardLoader } from "~/routes/staff.awards.$awardId";
import { loader as staffLetter } from "~/routes/staff.awards.$awardId.letter[.]pdf";
import { loader as awardsLoader } from "~/routes/staff.awards._index";
import { action as decisionsAction, loader as decisionsLoader } from "~/routes/staff.events.$eventId.decisions";

// The funder's and the group's pages after the pitch, through their loaders and actions
// against a real database: who may see and do what, what a refusal keeps and says, the money
// typed in pounds, four eyes, payments without Stripe, the letter, and the private link's pages.

useTestDatabase();
afterAll(() => closeLiveBus());
afterEach(() => configureStripe(undefined));

const BASE = "http://localhost:3000";

async function signedIn(user: { id: string }) {
  const token = await createSession(user.id, {});
  return createCookie("pd_session").serialize(token);
}

async function staff(roles: ("ORGANISER" | "AUDITOR")[]) {
  const user = await db().user.create({ data: { email: `s-${randomBytes(4).toString("hex")}@example.test`, name: `Staff ${roles.join(" ")}`, roles } });
  return { user, cookie: await signedIn(user) };
}

function get(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`${BASE}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });
}

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as LoaderFunctionArgs & ActionFunctionArgs;

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("Expected the route to throw a Response");
}

function answer<T>(result: unknown): { status: number; data: T } {
  if (result instanceof Response) return { status: result.status, data: undefined as T };
  const wrapped = result as { data: T; init?: { status?: number } | null };
  return { status: wrapped.init?.status ?? 200, data: wrapped.data };
}

/** A 43-character private link for a bid (only its hash is stored, as the app does). */
async function giveLink(bidId: string) {
  const token = randomBytes(32).toString("base64url");
  await db().bid.update({ where: { id: bidId }, data: { editTokenHash: createHash("sha256").update(token).digest("hex") } });
  return token;
}

describe("the decisions page", () => {
  async function scored() {
    const setup = await makeScoredEvent({
      potPence: 400_000,
      partFundingAllowed: true,
      bids: [
        { amountPence: 150_000, scores: scores([5, 5]) },
        { amountPence: 200_000, scores: scores([4, 4]) },
      ],
    });
    const funder = await makeFunder();
    return { ...setup, funder, cookie: await signedIn(funder) };
  }

  it("shows every reader the ranking and the proposal, but the forms only to a funder", async () => {
    const { event, cookie } = await scored();
    const auditor = await staff(["AUDITOR"]);
    const path = `/staff/events/${event.id}/decisions`;
    const read = await decisionsLoader(args(get(path, auditor.cookie), { eventId: event.id }));
    expect(read.mayDecide).toBe(false);
    expect(read.ranking.map((r) => [r.place, r.groupName, r.panelRaw, r.panellists, r.quorumText])).toEqual([
      ["1st", "Group 1", "5.00", "2 counted", "Met"],
      ["2nd", "Group 2", "4.00", "2 counted", "Met"],
    ]);
    expect(read.allocation.rows.map((r) => [r.proposed, r.potBefore, r.potAfter])).toEqual([
      ["£1,500", "£4,000", "£2,500"],
      ["£2,000", "£2,500", "£500"],
    ]);
    expect(read.rows[0].explanation.figures).toContainEqual({ label: "Panel score (mean of 2 counted panellists)", value: "(5.00 + 5.00) ÷ 2 = 5.00 out of 5" });
    expect((await thrown(decisionsAction(args(post(path, { intent: "confirm" }, auditor.cookie), { eventId: event.id })))).status).toBe(403);

    const funderView = await decisionsLoader(args(get(path, cookie), { eventId: event.id }));
    expect(funderView.mayDecide).toBe(true);
    expect(funderView.rows[1].defaults).toEqual({ outcome: "FUNDED", amount: "", overrideReason: "", feedback: "", departsFromRule: false, ruleExceptionReason: "" });
    expect((await thrown(decisionsLoader(args(get("/staff/events/nope/decisions", cookie), { eventId: "nope" })))).status).toBe(404);
  });

  it("keeps what was typed and asks for a reason when the funder departs from the proposal; then shows it as an override", async () => {
    const { event, bids, cookie } = await scored();
    const path = `/staff/events/${event.id}/decisions`;
    const fields = { intent: "decide", bidId: bids[1].id, outcome: "PART_FUNDED", amount: "£1,250", overrideReason: "", feedback: "Come back with the coach's quote." };
    const refused = answer<{ form: string; errors: Record<string, string>; values: Record<string, string> }>(
      await decisionsAction(args(post(path, fields, cookie), { eventId: event.id })),
    );
    expect(refused.status).toBe(409);
    expect(refused.data.form).toBe(`decide-${bids[1].id}`);
    expect(refused.data.errors.overrideReason).toMatch(/^Explain why this differs from the proposal \(fund in full, £2,000\)/);
    expect(refused.data.values).toMatchObject({ amount: "£1,250", feedback: "Come back with the coach's quote." });

    const saved = await decisionsAction(args(post(path, { ...fields, overrideReason: "The kit line was already paid for by the league." }, cookie), { eventId: event.id }));
    expect((saved as Response).status).toBe(302);
    expect((saved as Response).headers.get("Location")).toBe(`${path}?notice=override&bid=${bids[1].id}#bid-${bids[1].id}`);
    const decision = await db().decision.findUniqueOrThrow({ where: { bidId: bids[1].id } });
    expect(decision).toMatchObject({ outcome: "PART_FUNDED", amountPence: 125_000, overrideReason: "The kit line was already paid for by the league." });

    const page = await decisionsLoader(args(get(`${path}?notice=override&bid=${bids[1].id}`, cookie), { eventId: event.id }));
    expect(page.notice).toBe("Decision saved for Group 2, as an override of the proposal, with your reason.");
    expect(page.rows[1].decision).toMatchObject({ text: "Part-funded: £1,250", override: true });
    expect(page.rows[1].defaults.amount).toBe("1250");
  });

  it("says which pitches still need a decision, then confirms them all and offers an award", async () => {
    const { event, bids, cookie } = await scored();
    const path = `/staff/events/${event.id}/decisions`;
    await decisionsAction(args(post(path, { intent: "decide", bidId: bids[0].id, outcome: "FUNDED" }, cookie), { eventId: event.id }));
    const early = answer<{ problem: string }>(await decisionsAction(args(post(path, { intent: "confirm" }, cookie), { eventId: event.id })));
    expect(early.status).toBe(409);
    expect(early.data.problem).toBe(`Record a decision for every pitch first. Still to decide: ${bids[1].reference}.`);

    await decisionsAction(args(post(path, { intent: "decide", bidId: bids[1].id, outcome: "FUNDED" }, cookie), { eventId: event.id }));
    const confirmed = (await decisionsAction(args(post(path, { intent: "confirm" }, cookie), { eventId: event.id }))) as Response;
    expect(confirmed.headers.get("Location")).toBe(`${path}?notice=confirmed&funded=2&notFunded=0#awards`);

    const page = await decisionsLoader(args(get(path, cookie), { eventId: event.id }));
    const offer = page.rows[0].award!;
    expect(offer.id).toBeNull();
    expect(offer.conditions).toContain(`bid ${bids[0].reference}`);
    const decisionId = page.rows[0].decision!.id;
    const short = answer<{ errors: Record<string, string> }>(await decisionsAction(args(post(path, { intent: "issue", decisionId, conditions: "Be good" }, cookie), { eventId: event.id })));
    expect(short.data.errors.conditions).toBe("Enter the conditions of the award, in at least 10 characters");
    // The offer would tell the group before the hall: it waits for the chair's reveal.
    const unrevealed = answer<{ problem: string }>(await decisionsAction(args(post(path, { intent: "issue", decisionId, conditions: offer.conditions }, cookie), { eventId: event.id })));
    expect(unrevealed.data.problem).toBe("The awards have not been revealed at the event yet. Once the chair has revealed this one, offer it here.");
    expect((await revealAwards(event.id, "all", (await staff(["ORGANISER"])).user)).ok).toBe(true);
    const issued = (await decisionsAction(args(post(path, { intent: "issue", decisionId, conditions: offer.conditions }, cookie), { eventId: event.id }))) as Response;
    const award = await db().award.findUniqueOrThrow({ where: { decisionId } });
    expect(issued.headers.get("Location")).toBe(`/staff/awards/${award.id}?notice=offered`);
  });
});

describe("the award page", () => {
  it("explains four eyes to the funder who decided, and lets a second funder approve", async () => {
    configureStripe(null);
    const decider = await makeFunder("Dee Decider");
    const setup = await makeAcceptedAward({ decider });
    const path = `/staff/awards/${setup.awardId}`;
    const deciderCookie = await signedIn(decider);
    await awardAction(args(post(path, { intent: "request", method: "CHEQUE" }, deciderCookie), { awardId: setup.awardId }));

    const own = await awardLoader(args(get(path, deciderCookie), { awardId: setup.awardId }));
    expect(own.payments[0].actions).toMatchObject({ approve: false, approveBlocked: "You made the funding decision on this award, so another funder must approve its payment." });
    const paymentId = own.payments[0].id;
    const selfApproval = answer<{ problem: string }>(await awardAction(args(post(path, { intent: "approve", paymentId }, deciderCookie), { awardId: setup.awardId })));
    expect(selfApproval.status).toBe(409);
    expect(selfApproval.data.problem).toBe("You made the funding decision on this award, so another funder must approve its payment.");

    const second = await makeFunder("Sam Second");
    const secondCookie = await signedIn(second);
    const list = await awardsLoader(args(get("/staff/awards", secondCookie), {}));
    expect(list.waiting.find((p) => p.id === paymentId)).toMatchObject({ youMayApprove: true, method: "Cheque" });
    const theirs = await awardLoader(args(get(path, secondCookie), { awardId: setup.awardId }));
    expect(theirs.payments[0].actions.approve).toBe(true);
    const approved = (await awardAction(args(post(path, { intent: "approve", paymentId }, secondCookie), { awardId: setup.awardId }))) as Response;
    expect(approved.headers.get("Location")).toBe(`${path}?notice=approved`);
  });

  it("offers cheque and bank transfer only, and says why, when Stripe is not set up; records a manual payment in pounds and a real date", async () => {
    configureStripe(null);
    const decider = await makeFunder();
    const setup = await makeAcceptedAward({ decider, amountPence: 123_450 });
    const path = `/staff/awards/${setup.awardId}`;
    const cookie = await signedIn(decider);
    const page = await awardLoader(args(get(path, cookie), { awardId: setup.awardId }));
    expect(page.stripe).toBe(false);
    expect(page.methods.map((m) => m.value)).toEqual(["CHEQUE", "BANK_TRANSFER"]);
    expect(page.can).toMatchObject({ request: true, onboard: false });
    const stripe = answer<{ problem: string }>(await awardAction(args(post(path, { intent: "request", method: "STRIPE" }, cookie), { awardId: setup.awardId })));
    expect(stripe.data.problem).toBe(PAYMENTS_NOT_CONFIGURED);

    await awardAction(args(post(path, { intent: "request", method: "BANK_TRANSFER" }, cookie), { awardId: setup.awardId }));
    const paymentId = (await db().payment.findFirstOrThrow({ where: { awardId: setup.awardId } })).id;
    const second = await makeFunder("Sam Second");
    await awardAction(args(post(path, { intent: "approve", paymentId }, await signedIn(second)), { awardId: setup.awardId }));
    const future = answer<{ form: string; errors: Record<string, string>; values: Record<string, string> }>(
      await awardAction(args(post(path, { intent: "manual", paymentId, reference: "BACS-77", paidOn: "31/02/2027" }, cookie), { awardId: setup.awardId })),
    );
    expect(future.status).toBe(400);
    expect(future.data).toMatchObject({ form: `manual:${paymentId}`, errors: { paidOn: "Enter a real date, for example 14/05/2027" }, values: { reference: "BACS-77" } });
    const paid = (await awardAction(args(post(path, { intent: "manual", paymentId, reference: "BACS-77", paidOn: "01/03/2026" }, cookie), { awardId: setup.awardId }))) as Response;
    expect(paid.headers.get("Location")).toBe(`${path}?notice=paid`);
    const after = await awardLoader(args(get(path, cookie), { awardId: setup.awardId }));
    expect(after.award.statusView.label).toBe("Paid");
    expect(after.payments[0]).toMatchObject({ amount: "£1,234.50", reference: "BACS-77", paid: "1 March 2026", statusKey: "PAID" });
  });

  it("refuses a payment from another award, and lets an auditor look but not act", async () => {
    configureStripe(null);
    const a = await makeAcceptedAward();
    const b = await makeAcceptedAward();
    const requested = await requestPayment(b.awardId, { method: "CHEQUE" }, b.decider);
    if (!requested.ok) throw new Error(requested.message);
    const cookie = await signedIn(a.decider);
    const stray = answer<{ problem: string }>(
      await awardAction(args(post(`/staff/awards/${a.awardId}`, { intent: "cancel-payment", paymentId: requested.payment.id, reason: "Wrong page entirely" }, cookie), { awardId: a.awardId })),
    );
    expect(stray.data.problem).toBe("That payment is not part of this award. Reload the page and try again.");

    const auditor = await staff(["AUDITOR"]);
    const view = await awardLoader(args(get(`/staff/awards/${a.awardId}`, auditor.cookie), { awardId: a.awardId }));
    expect(view.can).toEqual({ accept: false, onboard: false, check: false, request: false, schedule: false, cancelAward: false });
    const refused = answer<{ problem: string }>(await awardAction(args(post(`/staff/awards/${a.awardId}`, { intent: "request", method: "CHEQUE" }, auditor.cookie), { awardId: a.awardId })));
    expect(refused.data.problem).toBe("Only a funder can ask for a payment.");
    expect((await thrown(awardAction(args(post(`/staff/awards/${a.awardId}`, { intent: "onboarding-link" }, auditor.cookie), { awardId: a.awardId })))).status).toBe(403);
  });

  it("records an acceptance typed on the organiser's device", async () => {
    configureStripe(null);
    const setup = await makeScoredEvent({ bids: [{ amountPence: 80_000, scores: scores([5, 5]) }] });
    const funder = await makeFunder();
    const decided = await recordDecision({ eventId: setup.event.id, bidId: setup.bids[0].id, outcome: "FUNDED", amountPence: 0, overrideReason: "", feedback: "" }, funder);
    if (!decided.ok) throw new Error(decided.message);
    await confirmAndReveal(setup.event.id, funder);
    const issued = await offerAward(decided.decision.id, { conditions: "Report back within the year." }, funder);
    if (!issued.ok) throw new Error(issued.message);
    const organiser = await staff(["ORGANISER"]);
    const path = `/staff/awards/${issued.award.id}`;
    const missing = answer<{ errors: Record<string, string> }>(await awardAction(args(post(path, { intent: "accept", signedName: "" }, organiser.cookie), { awardId: issued.award.id })));
    expect(missing.data.errors).toEqual({ signedName: "Enter the full name of the person accepting for the group", agree: "Tick the box to confirm the group accepts the conditions" });
    const done = (await awardAction(args(post(path, { intent: "accept", signedName: "Jo Baker", agree: "yes" }, organiser.cookie), { awardId: issued.award.id }))) as Response;
    expect(done.headers.get("Location")).toBe(`${path}?notice=accepted`);
    const view = await awardLoader(args(get(path, organiser.cookie), { awardId: issued.award.id }));
    expect(view.award.accepted?.by).toBe("Jo Baker");
  });

  it("shows a QR code of a fresh Stripe set-up link, and follows the account to ready", async () => {
    const stripe = await startStripeHarness();
    try {
      const setup = await makeAcceptedAward();
      const cookie = await signedIn(setup.decider);
      const path = `/staff/awards/${setup.awardId}`;
      const made = answer<{ onboarding: { url: string; qr: string; until: string } }>(
        await awardAction(args(post(path, { intent: "onboarding-link" }, cookie), { awardId: setup.awardId })),
      );
      expect(made.data.onboarding.url).toMatch(new RegExp(`^${stripe.fake.url}/setup/e/acct_`));
      expect(made.data.onboarding.qr).toMatch(/^data:image\/svg\+xml/);
      expect(made.data.onboarding.until).toMatch(/^\d\d:\d\d$/);
      const account = stripe.fake.accounts()[0];
      stripe.fake.completeOnboarding(account.id);
      await stripe.fake.webhooksSettled();
      const view = await awardLoader(args(get(path, cookie), { awardId: setup.awardId }));
      expect(view.recipient).toMatchObject({ ready: true });
      expect(view.methods.map((m) => m.value)).toContain("STRIPE");
    } finally {
      await stripe.stop();
    }
  });
});

describe("the award letter", () => {
  it("downloads for staff and for the group through its private link, with the facts on it", async () => {
    configureStripe(null);
    const setup = await makeAcceptedAward({ amountPence: 245_000 });
    const auditor = await staff(["AUDITOR"]);
    const staffPdf = (await staffLetter(args(get(`/staff/awards/${setup.awardId}/letter.pdf`, auditor.cookie), { awardId: setup.awardId }))) as Response;
    expect(staffPdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(staffPdf.headers.get("Content-Disposition")).toBe(`attachment; filename="award-letter-${setup.bid.reference}.pdf"`);
    const pdf = await readPdfText(await staffPdf.arrayBuffer());
    for (const fact of ["Test Council", "Group 1", "Project 1", "£2,450", setup.bid.reference, "Spend it on the project described in the bid; report by March.", "accepted for Group 1 by Sam Treasurer"]) {
      expect(pdf.text).toContain(fact);
    }

    const token = await giveLink(setup.bid.id);
    const groupPdf = (await groupLetter(args(get(`/bid/${token}/letter.pdf`), { token }))) as Response;
    expect((await readPdfText(await groupPdf.arrayBuffer())).text).toContain("Award of £2,450 to Group 1");
    expect((await thrown(groupLetter(args(get("/bid/x/letter.pdf"), { token: "x".repeat(43) })))).status).toBe(404);
    expect((await thrown(staffLetter(args(get("/staff/awards/nope/letter.pdf"), { awardId: "nope" })))).status).toBe(302);
  });
});

describe("the group's pages", () => {
  async function confirmed() {
    const setup = await makeScoredEvent({ bids: [{ amountPence: 90_000, scores: scores([5, 5]) }] });
    const funder = await makeFunder();
    const decided = await recordDecision({ eventId: setup.event.id, bidId: setup.bids[0].id, outcome: "FUNDED", amountPence: 0, overrideReason: "", feedback: "Lovely idea." }, funder);
    if (!decided.ok) throw new Error(decided.message);
    await confirmDecisions(setup.event.id, funder);
    const chair = (await staff(["ORGANISER"])).user;
    return { ...setup, funder, chair, decisionId: decided.decision.id, bid: setup.bids[0], token: await giveLink(setup.bids[0].id) };
  }

  async function offered() {
    const setup = await confirmed();
    await revealAwards(setup.event.id, "all", setup.chair);
    const issued = await offerAward(setup.decisionId, { conditions: "Send photos of the finished mural." }, setup.funder);
    if (!issued.ok) throw new Error(issued.message);
    return { ...setup, awardId: issued.award.id };
  }

  it("keeps the outcome, even out of the page's data and the group's inbox, until the award is revealed in the hall", async () => {
    const { token, event, chair, funder, decisionId } = await confirmed();
    const before = await bidLoader(args(get(`/bid/${token}`), { token }));
    expect(before).toMatchObject({ award: null, pending: { eventTitle: "Pitch night" }, bid: { status: "SHORTLISTED", decisionMade: true, statusReason: null } });
    expect(JSON.stringify(before)).not.toMatch(/Awarded|Lovely idea|FUNDED|mural/);
    expect(await db().mailMessage.count({ where: { subject: { contains: "Funding decision" }, text: { contains: "Lovely idea" } } })).toBe(0);
    expect(await offerAward(decisionId, { conditions: "Send photos of the finished mural." }, funder)).toEqual({
      ok: false,
      message: "The awards have not been revealed at the event yet. Once the chair has revealed this one, offer it here.",
    });
    expect((await thrown(acceptLoader(args(get(`/bid/${token}/accept`), { token })))).status).toBe(404);

    expect((await revealAwards(event.id, "next", chair, { fromStep: 0 })).ok).toBe(true);
    const after = await bidLoader(args(get(`/bid/${token}`), { token }));
    expect(after).toMatchObject({ pending: null, bid: { status: "FUNDED", statusReason: "Awarded £900.\n\nLovely idea." } });
    expect(await db().mailMessage.count({ where: { subject: { contains: "Funding decision" }, text: { contains: "Lovely idea" } } })).toBe(1);
    expect((await offerAward(decisionId, { conditions: "Send photos of the finished mural." }, funder)).ok).toBe(true);
    expect(await bidLoader(args(get(`/bid/${token}`), { token }))).toMatchObject({ award: { amount: { pence: 90_000, currency: "GBP" } } });
  });

  it("shows the decision and the award, and accepts the conditions with the name typed", async () => {
    configureStripe(null);
    const { token } = await offered();
    const status = await bidLoader(args(get(`/bid/${token}`), { token }));
    expect(status.bid.statusReason).toBe("Awarded £900.\n\nLovely idea.");
    expect(status.award).toMatchObject({ amount: { pence: 90_000, currency: "GBP" }, canAccept: true, setup: null, conditions: "Send photos of the finished mural." });

    const page = await acceptLoader(args(get(`/bid/${token}/accept`), { token }));
    expect(page).toMatchObject({ amount: { pence: 90_000, currency: "GBP" }, accepted: null, funderName: "Test Council" });
    const missing = answer<{ errors: Record<string, string>; values: Record<string, string> }>(
      await acceptAction(args(post(`/bid/${token}/accept`, { signedName: "Ada Lovelace" }), { token })),
    );
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({ errors: { agree: "bid.accept.error.agree" }, values: { signedName: "Ada Lovelace" } });
    const done = (await acceptAction(args(post(`/bid/${token}/accept`, { signedName: "Ada Lovelace", agree: "yes" }), { token }))) as Response;
    expect(done.headers.get("Location")).toBe(`/bid/${token}?notice=accepted#award`);
    expect((await bidLoader(args(get(`/bid/${token}`), { token }))).award?.accepted).toMatchObject({ key: "bid.award.acceptedBy", values: { name: "Ada Lovelace" } });
  });

  it("refuses a Welsh group's acceptance of a cancelled award in Welsh, keeping the name typed", async () => {
    const { token, awardId, funder } = await offered();
    expect((await cancelAward(awardId, { reason: "The group has closed down." }, funder)).ok).toBe(true);
    const welsh = new Request(`${BASE}/bid/${token}/accept`, {
      method: "POST",
      body: new URLSearchParams({ signedName: "Siân Huws", agree: "yes" }),
      headers: { "Accept-Language": "cy" },
    });
    const refused = answer<{ problem: string; values: Record<string, string> }>(await acceptAction(args(welsh, { token })));
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ problem: "Mae’r dyfarniad hwn wedi’i ganslo, felly ni ellir ei dderbyn bellach.", values: { signedName: "Siân Huws" } });
  });

  it("sends the group to Stripe for set-up and says what happens when it comes back", async () => {
    const stripe = await startStripeHarness();
    try {
      const { token, bid } = await offered();
      const intro = await payoutLoader(args(get(`/bid/${token}/payout`), { token }));
      expect(intro.step).toEqual({ kind: "intro", started: false });
      const go = await thrown(payoutLoader(args(get(`/bid/${token}/payout?start=1`), { token })));
      expect(go.status).toBe(303);
      const onboarding = go.headers.get("Location")!;
      expect(onboarding).toMatch(new RegExp(`^${stripe.fake.url}/setup/e/acct_`));
      const recipient = await db().recipient.findUniqueOrThrow({ where: { bidId: bid.id } });

      const half = await payoutLoader(args(get(`/bid/${token}/payout?back=1`), { token }));
      expect(half.step).toEqual({ kind: "unfinished" });
      stripe.fake.completeOnboarding(recipient.stripeAccountId);
      const ready = await payoutLoader(args(get(`/bid/${token}/payout?back=1`), { token }));
      expect(ready.step).toEqual({ kind: "ready" });
      expect((await bidLoader(args(get(`/bid/${token}`), { token }))).award?.setup).toBe("ready");
    } finally {
      await stripe.stop();
    }
  });

  it("says plainly when Stripe is not set up, and has no payout page for a bid without an award", async () => {
    configureStripe(null);
    const { token } = await offered();
    const page = await payoutLoader(args(get(`/bid/${token}/payout?start=1`), { token }));
    expect(page.step).toEqual({ kind: "notConfigured" });
    const bare = await makeScoredEvent({ bids: [{ amountPence: 50_000, scores: scores([3, 3]) }] });
    const bareToken = await giveLink(bare.bids[0].id);
    expect((await thrown(payoutLoader(args(get(`/bid/${bareToken}/payout`), { token: bareToken })))).status).toBe(404);
    expect((await thrown(acceptLoader(args(get(`/bid/${bareToken}/accept`), { token: bareToken })))).status).toBe(404);
  });

  it("gives an unsuccessful group the feedback and no award, once the reveal is over", async () => {
    configureStripe(null);
    const setup = await makeScoredEvent({ bids: [{ amountPence: 90_000, scores: scores([2, 2]) }] });
    const funder = await makeFunder();
    await recordDecision(
      { eventId: setup.event.id, bidId: setup.bids[0].id, outcome: "NOT_FUNDED", amountPence: 0, overrideReason: "The budget did not add up.", feedback: "Cost the hall hire again." },
      funder,
    );
    await confirmDecisions(setup.event.id, funder);
    const token = await giveLink(setup.bids[0].id);
    // Not funded: nothing to reveal but the totals, and the page waits for them.
    expect(await bidLoader(args(get(`/bid/${token}`), { token }))).toMatchObject({ pending: { eventTitle: "Pitch night" }, bid: { statusReason: null } });
    expect((await revealAwards(setup.event.id, "next", (await staff(["ORGANISER"])).user, { fromStep: 0 })).ok).toBe(true);
    const status = await bidLoader(args(get(`/bid/${token}`), { token }));
    expect(status.pending).toBeNull();
    expect(status.award).toBeNull();
    expect(status.bid.statusReason).toBe("The funder decided not to fund this bid.\n\nCost the hall hire again.");
    expect(JSON.stringify(status)).not.toContain("The budget did not add up.");
  });
});

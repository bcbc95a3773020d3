import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import {
  bidAccess,
  bidSnapshot,
  formValuesFromBid,
  isoDate,
  roundPhase,
  type BidFormValues,
  type BidInput,
  type BidRules,
} from "~/domain/bid";
import { bidErrors, bidSchema } from "~/domain/bid-schema";
import { formatMoney } from "~/domain/money";
import { translate } from "~/i18n/catalogue.server";
import { formatCalendarDateIn } from "~/i18n/group-dates";
import type { Lang } from "~/i18n/lang";
import { formatMoneyIn } from "~/i18n/money";
import { formatReference, normaliseReference, referenceYear } from "~/domain/reference";
import { appendAudit, type Tx } from "~/models/audit.server";
import { queueMail } from "~/models/mail.server";
import { hit } from "~/models/rate-limit.server";
import {
  draftStartedMail,
  newLinkMail,
  submittedMail,
  withdrawnMail,
  type BidMailContext,
} from "~/domain/mail/bid-messages";
import { message, type MessageErrors, type PlainMessage } from "~/domain/message";
import { env } from "~/utils/env.server";
import { mailVoice } from "~/i18n/mail-voice.server";
import { hashSecretToken, newSecretToken } from "~/utils/secret-token.server";

// Bids from community groups: start (a draft), save, submit, change until the deadline,
// withdraw, and get a fresh private link. A group has no account: whoever holds the bid's
// private link (a random token; only its sha256 is stored) may act on it. Every change is one
// transaction with its audit entry and the email it sends.

// ---------- Private links ----------

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes in base64url are always 43 characters; anything else cannot be a link of ours. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN.test(token);
}


// ---------- Rounds as applicants see them ----------

const publicFund = {
  select: { name: true, minAwardPence: true, maxAwardPence: true, currency: true, timeZone: true, funderName: true },
} as const;

/** Rounds open now or opening soon, and those closed in the last `closedWithinDays`. */
export function listPublicRounds(now: Date, closedWithinDays = 120) {
  return db().round.findMany({
    where: { closesAt: { gte: new Date(now.getTime() - closedWithinDays * 86_400_000) } },
    include: { fund: publicFund },
    orderBy: [{ closesAt: "asc" }, { title: "asc" }],
  });
}

export function findPublicRound(slug: string) {
  if (slug.length > 200) return Promise.resolve(null);
  return db().round.findUnique({
    where: { slug },
    include: { fund: publicFund, criteria: { orderBy: { position: "asc" } } },
  });
}

export type PublicRound = NonNullable<Awaited<ReturnType<typeof findPublicRound>>>;

type RoundWithFund = { opensAt: Date; closesAt: Date; fund: { minAwardPence: number; maxAwardPence: number; currency: string; timeZone: string } };

/** The fund limits a bid form checks, without `now` or mode (the browser adds its own clock). */
export function fundRules(round: RoundWithFund) {
  const { minAwardPence, maxAwardPence, currency, timeZone } = round.fund;
  return { minAwardPence, maxAwardPence, currency, timeZone };
}

function rulesFor(round: RoundWithFund, now: Date, mode: BidRules["mode"], keepStartDate?: string | null): BidRules {
  return { ...fundRules(round), now, mode, keepStartDate };
}

// ---------- Reading a bid by its private link ----------

const bidView = {
  round: { include: { fund: publicFund } },
  contact: true,
  budgetLines: { orderBy: { position: "asc" } },
} satisfies Prisma.BidInclude;

export type BidView = Prisma.BidGetPayload<{ include: typeof bidView }>;

export function findBidByToken(token: string): Promise<BidView | null> {
  if (!isWellFormedToken(token)) return Promise.resolve(null);
  return db().bid.findUnique({ where: { editTokenHash: hashSecretToken(token) }, include: bidView });
}

/** The bid behind a link, locked for the rest of the transaction so two saves cannot interleave. */
async function lockBidByToken(tx: Tx, token: string): Promise<BidView | null> {
  if (!isWellFormedToken(token)) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Bid" WHERE "editTokenHash" = ${hashSecretToken(token)} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.bid.findUnique({ where: { id: rows[0].id }, include: bidView });
}

export function bidVersions(bidId: string) {
  return db().bidVersion.findMany({ where: { bidId }, orderBy: { version: "asc" } });
}

/** What still stops a draft being submitted now (empty when it can be). */
export function submissionProblems(bid: BidView, now: Date): MessageErrors {
  const result = bidSchema(rulesFor(bid.round, now, "submit")).safeParse(formValuesFromBid(bid));
  return result.success ? {} : bidErrors(result.error.issues);
}

// ---------- Changes ----------

export type IntakeResult<T> =
  | ({ ok: true } & T)
  | { ok: false; kind: "invalid"; errors: MessageErrors }
  /** The round is not open (the page says when it opens or closed). */
  | { ok: false; kind: "closed" }
  /** The bid can no longer change: `message` is a catalogue key (bid.locked.*) for the group's page to say. */
  | { ok: false; kind: "locked"; message: string }
  | { ok: false; kind: "not_found" };

// why: 20 groups pressing "Submit" in the last minute queue on the reference counter's row;
// Prisma's 5-second default would turn a short wait into a failed submission.
const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

/** The column is checked by the database ("cy" or "en"); the audit's schema wants it typed. */
const writtenIn = (language: string) => (language === "cy" ? "cy" : "en");

const ACTOR_OF = (bidId: string) => ({ type: "group" as const, id: bidId });

/** The next reference of the year. The counter row stays locked until the transaction ends. */
async function allocateReference(tx: Tx, year: number) {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  return formatReference(year, Number(rows[0].last));
}

function dbDate(iso: string | null) {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

function bidColumns(input: BidInput) {
  return {
    language: input.language,
    groupName: input.groupName,
    groupType: input.groupType,
    charityNumber: input.charityNumber,
    companyNumber: input.companyNumber,
    parentOrgName: input.parentOrgName,
    area: input.area,
    projectTitle: input.projectTitle,
    summary: input.summary,
    difference: input.difference,
    beneficiaries: input.beneficiaries,
    beneficiaryCount: input.beneficiaryCount,
    amountRequestedPence: input.amountRequestedPence,
    startDate: dbDate(input.startDate),
    endDate: dbDate(input.endDate),
  };
}

function contactColumns(input: BidInput) {
  return { name: input.contactName, email: input.contactEmail, phone: input.contactPhone };
}

function budgetLineRows(input: BidInput) {
  return input.budgetLines.map((line, position) => ({ position, item: line.item, amountPence: line.amountPence }));
}

function mailContext(bid: BidView, token: string): BidMailContext {
  return {
    to: bid.contact?.email ?? "",
    contactName: bid.contact?.name ?? "",
    reference: bid.reference,
    groupName: bid.groupName,
    roundTitle: bid.round.title,
    roundTitleCy: bid.round.titleCy,
    roundSlug: bid.round.slug,
    voice: mailVoice(bid.language, bid.round.bilingual),
    closesAt: bid.round.closesAt,
    timeZone: bid.round.fund.timeZone,
    token,
    baseUrl: env().APP_URL,
  };
}

/**
 * Starts a bid from the apply form: a draft with the next reference, the private link emailed
 * to the contact. `intent: "continue"` checks the answers strictly (the group is going on to
 * check and submit); "draft" needs only a group name and an email address.
 */
export async function startBid({
  slug,
  values,
  intent,
  now = new Date(),
}: {
  slug: string;
  values: BidFormValues;
  intent: "draft" | "continue";
  now?: Date;
}): Promise<IntakeResult<{ bid: BidView; token: string }>> {
  const round = await findPublicRound(slug);
  if (!round) return { ok: false, kind: "not_found" };
  if (roundPhase(round, now) !== "open") return { ok: false, kind: "closed" };
  const parsed = bidSchema(rulesFor(round, now, intent === "draft" ? "draft" : "submit")).safeParse(values);
  if (!parsed.success) return { ok: false, kind: "invalid", errors: bidErrors(parsed.error.issues) };
  const input = parsed.data;
  const { token, hash } = newSecretToken();
  const bid = await db().$transaction(async (tx) => {
    const reference = await allocateReference(tx, referenceYear(now, round.fund.timeZone));
    const created = await tx.bid.create({
      data: {
        roundId: round.id,
        reference,
        editTokenHash: hash,
        ...bidColumns(input),
        contact: { create: contactColumns(input) },
        budgetLines: { create: budgetLineRows(input) },
      },
      include: bidView,
    });
    await appendAudit(tx, {
      actor: ACTOR_OF(created.id),
      action: "bid.draft_saved",
      subject: { type: "bid", id: created.id },
      payload: { reference, version: created.version, language: writtenIn(created.language) },
    });
    await queueMail(tx, draftStartedMail(mailContext(created, token)));
    return created;
  }, TX_OPTIONS);
  return { ok: true, bid, token };
}

/**
 * Saves the form over a bid. A draft saves leniently ("draft") or strictly ("continue"); a
 * submitted bid always strictly, as a new version with a snapshot, until the round closes.
 */
export function saveBid({
  token,
  values,
  intent,
  now = new Date(),
}: {
  token: string;
  values: BidFormValues;
  intent: "draft" | "continue" | "save";
  now?: Date;
}): Promise<IntakeResult<{ bid: BidView; version: number }>> {
  return db().$transaction(async (tx) => {
    const bid = await lockBidByToken(tx, token);
    if (!bid) return { ok: false, kind: "not_found" } as const;
    const access = bidAccess(bid, bid.round, now);
    if (!access.canEdit) return { ok: false, kind: "locked", message: access.lockedKey ?? "bid.locked.closed" } as const;
    const submitted = bid.status === "SUBMITTED";
    const mode = submitted || intent !== "draft" ? "submit" : "draft";
    const parsed = bidSchema(rulesFor(bid.round, now, mode, submitted ? isoDate(bid.startDate) : null)).safeParse(values);
    if (!parsed.success) return { ok: false, kind: "invalid", errors: bidErrors(parsed.error.issues) } as const;
    const input = parsed.data;
    const version = submitted ? bid.version + 1 : bid.version;
    await tx.budgetLine.deleteMany({ where: { bidId: bid.id } });
    const updated = await tx.bid.update({
      where: { id: bid.id },
      data: {
        ...bidColumns(input),
        version,
        budgetLines: { create: budgetLineRows(input) },
        contact: { upsert: { create: contactColumns(input), update: contactColumns(input) } },
      },
      include: bidView,
    });
    if (submitted) {
      await tx.bidVersion.create({
        data: { bidId: bid.id, version, snapshot: bidSnapshot(updated, version) as Prisma.InputJsonValue },
      });
      await appendAudit(tx, {
        actor: ACTOR_OF(bid.id),
        action: "bid.edited",
        subject: { type: "bid", id: bid.id },
        payload: { reference: bid.reference, version, amountRequestedPence: updated.amountRequestedPence ?? 0, language: writtenIn(updated.language) },
      });
    } else {
      await appendAudit(tx, {
        actor: ACTOR_OF(bid.id),
        action: "bid.draft_saved",
        subject: { type: "bid", id: bid.id },
        payload: { reference: bid.reference, version, language: writtenIn(updated.language) },
      });
    }
    return { ok: true, bid: updated, version } as const;
  }, TX_OPTIONS);
}

/**
 * Submits a draft with the group's declaration: the stored answers must pass every rule now.
 * Submitting twice (a double tap, a retry) is harmless: the second finds it already submitted.
 */
export function submitBid({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<IntakeResult<{ bid: BidView; alreadySubmitted: boolean }>> {
  return db().$transaction(async (tx) => {
    const bid = await lockBidByToken(tx, token);
    if (!bid) return { ok: false, kind: "not_found" } as const;
    if (bid.status === "SUBMITTED") return { ok: true, bid, alreadySubmitted: true } as const;
    const access = bidAccess(bid, bid.round, now);
    if (!access.canSubmit) return { ok: false, kind: "locked", message: access.lockedKey ?? "bid.locked.closed" } as const;
    const problems = submissionProblems(bid, now);
    if (Object.keys(problems).length > 0) return { ok: false, kind: "invalid", errors: problems } as const;
    const version = 1;
    const updated = await tx.bid.update({
      where: { id: bid.id },
      data: { status: "SUBMITTED", submittedAt: now, declarationAt: now, version },
      include: bidView,
    });
    await tx.bidVersion.create({
      data: { bidId: bid.id, version, snapshot: bidSnapshot(updated, version) as Prisma.InputJsonValue },
    });
    const amount = updated.amountRequestedPence ?? 0;
    await appendAudit(tx, {
      actor: ACTOR_OF(bid.id),
      action: "bid.submitted",
      subject: { type: "bid", id: bid.id },
      payload: { reference: bid.reference, version, amountRequestedPence: amount, language: writtenIn(updated.language) },
    });
    await queueMail(tx, submittedMail({ ...mailContext(updated, token), amount: formatMoney(amount, bid.round.fund.currency) }));
    return { ok: true, bid: updated, alreadySubmitted: false } as const;
  }, TX_OPTIONS);
}

export function withdrawBid({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<IntakeResult<{ bid: BidView }>> {
  return db().$transaction(async (tx) => {
    const bid = await lockBidByToken(tx, token);
    if (!bid) return { ok: false, kind: "not_found" } as const;
    if (bid.status === "WITHDRAWN") return { ok: true, bid } as const;
    const access = bidAccess(bid, bid.round, now);
    if (!access.canWithdraw) return { ok: false, kind: "locked", message: access.lockedKey ?? "bid.locked.closed" } as const;
    const updated = await tx.bid.update({
      where: { id: bid.id },
      data: { status: "WITHDRAWN", withdrawnAt: now },
      include: bidView,
    });
    await appendAudit(tx, {
      actor: ACTOR_OF(bid.id),
      action: "bid.withdrawn",
      subject: { type: "bid", id: bid.id },
      payload: { reference: bid.reference },
    });
    if (updated.contact?.email) {
      await queueMail(tx, withdrawnMail(mailContext(updated, "")));
    }
    return { ok: true, bid: updated } as const;
  }, TX_OPTIONS);
}

/**
 * "Send me my link again": when the email and reference belong to a bid in this round, the
 * old link stops working and a new one is emailed. The caller learns nothing either way, so
 * the form cannot be used to find out who has applied.
 */
export async function reissueLink({ slug, email, reference }: { slug: string; email: string; reference: string }) {
  const canonical = normaliseReference(reference);
  const address = email.trim().toLowerCase();
  if (!canonical || !address || address.length > 254) return;
  await db().$transaction(async (tx) => {
    const found = await tx.bid.findFirst({
      where: { reference: canonical, round: { slug } },
      include: bidView,
    });
    if (!found?.contact || found.contact.erasedAt || found.contact.email.toLowerCase() !== address) return;
    const { token, hash } = newSecretToken();
    const bid = await tx.bid.update({ where: { id: found.id }, data: { editTokenHash: hash }, include: bidView });
    await appendAudit(tx, {
      actor: ACTOR_OF(bid.id),
      action: "bid.link_reissued",
      subject: { type: "bid", id: bid.id },
      payload: { reference: bid.reference },
    });
    await queueMail(tx, newLinkMail(mailContext(bid, token)));
  }, TX_OPTIONS);
}

// ---------- Spam ----------

export const INTAKE_LIMITS = {
  start: { max: 10, windowSeconds: 3_600 },
  submit: { max: 10, windowSeconds: 3_600 },
  link: { max: 5, windowSeconds: 3_600 },
} as const;

/**
 * Counts one bid started, submitted or link asked for from this address; returns what to tell
 * the person (apply.limit.<kind>, with the minutes to wait) when they have done too many this
 * hour, or null.
 */
export async function takeIntakeAttempt(kind: keyof typeof INTAKE_LIMITS, address: string, now = new Date()): Promise<PlainMessage | null> {
  const limit = INTAKE_LIMITS[kind];
  const result = await hit({ key: `bid:${kind}:${address}`, max: limit.max, windowSeconds: limit.windowSeconds }, now);
  if (result.allowed) return null;
  return message(`apply.limit.${kind}`, { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) });
}

// ---------- For the group's pages ----------

export interface Answer {
  /** The form field to change it (for "Change" links). */
  field: string;
  label: string;
  value: string;
  /** Not answered: the value says so, in the reader's language. */
  missing?: boolean;
}

/** A bid's answers for the check-answers page and the group's own page, in the reader's language (staff read English). */
export function bidAnswers(bid: BidView, lang: Lang = "en"): Answer[] {
  const currency = bid.round.fund.currency;
  const say = (key: string, values?: Record<string, string>) => translate(lang, `apply.answer.${key}`, values);
  const money = (pence: number) => formatMoneyIn(lang, pence, currency);
  const row = (field: string, value: string | null | undefined, label = field): Answer =>
    value && value.trim() ? { field, label: say(label), value } : { field, label: say(label), value: translate(lang, "apply.summary.notGiven"), missing: true };
  const answers: Answer[] = [
    row("groupName", bid.groupName),
    row("groupType", bid.groupType ? translate(lang, `apply.form.groupType.${bid.groupType}`) : null),
  ];
  if (bid.groupType === "REGISTERED_CHARITY") answers.push(row("charityNumber", bid.charityNumber));
  if (bid.groupType === "COMPANY") answers.push(row("companyNumber", bid.companyNumber));
  if (bid.groupType === "UNCONSTITUTED_GROUP") answers.push(row("parentOrgName", bid.parentOrgName));
  const total = bid.budgetLines.reduce((t, l) => t + l.amountPence, 0);
  answers.push(
    row("area", bid.area),
    row("contactName", bid.contact?.name),
    row("contactEmail", bid.contact?.email),
    row("contactPhone", bid.contact?.phone),
    row("projectTitle", bid.projectTitle),
    row("summary", bid.summary),
    row("difference", bid.difference),
    row("beneficiaries", bid.beneficiaries),
    row("beneficiaryCount", bid.beneficiaryCount === null ? null : new Intl.NumberFormat(lang === "cy" ? "cy-GB" : "en-GB").format(bid.beneficiaryCount)),
    row("amountRequested", bid.amountRequestedPence === null ? null : money(bid.amountRequestedPence)),
    row(
      "budget",
      bid.budgetLines.length === 0
        ? null
        : [...bid.budgetLines.map((line) => `${line.item}: ${money(line.amountPence)}`), say("budgetTotal", { total: money(total) })].join("\n"),
    ),
    row("startDate", bid.startDate ? formatCalendarDateIn(lang, bid.startDate) : null),
    row("endDate", bid.endDate ? formatCalendarDateIn(lang, bid.endDate) : null),
  );
  return answers;
}


import { createHash, randomBytes } from "node:crypto";
import { db } from "~/db.server";
import { makeAcceptedAward } from "~/testing/payments-fixtures";

/** An accepted award paid in full by bank transfer on `paidOn`, with budget lines and a private link we know. */
export async function makePaidGrant(options: { amountPence?: number; paidOn?: string; reportDueMonths?: number; email?: string | null } = {}) {
  const amountPence = options.amountPence ?? 100_000;
  const setup = await makeAcceptedAward({ amountPence, email: options.email });
  const token = randomBytes(32).toString("base64url");
  await db().bid.update({
    where: { id: setup.bid.id },
    data: {
      editTokenHash: createHash("sha256").update(token).digest("hex"),
      budgetLines: { create: [{ position: 0, item: "Hall hire", amountPence: 60_000 }, { position: 1, item: "Paint and brushes", amountPence: 40_000 }] },
    },
  });
  if (options.reportDueMonths) await db().fund.update({ where: { id: setup.fund.id }, data: { reportDueMonths: options.reportDueMonths } });
  await db().payment.create({
    data: {
      awardId: setup.awardId,
      method: "BANK_TRANSFER",
      amountPence,
      status: "PAID",
      idempotencyKey: `test-${randomBytes(8).toString("hex")}`,
      reference: "BACS-1",
      paidOn: new Date(`${options.paidOn ?? "2027-06-01"}T00:00:00Z`),
      requestedById: setup.decider.id,
    },
  });
  await db().award.update({ where: { id: setup.awardId }, data: { status: "PAID" } });
  const lines = await db().budgetLine.findMany({ where: { bidId: setup.bid.id }, orderBy: { position: "asc" } });
  return { ...setup, token, lines, amountPence };
}

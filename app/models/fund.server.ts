import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { appendAudit } from "~/models/audit.server";

export interface FundInput {
  name: string;
  potPence: number;
  currency: string;
  minAwardPence: number;
  maxAwardPence: number;
  funderName: string;
  funderOrgId: string;
  grantIdPrefix: string;
  timeZone?: string;
}

export function createFund(input: FundInput, actor: AuditActor) {
  return db().$transaction(async (tx) => {
    const fund = await tx.fund.create({ data: input });
    await appendAudit(tx, {
      actor,
      action: "fund.created",
      subject: { type: "fund", id: fund.id },
      payload: {
        name: fund.name,
        potPence: fund.potPence,
        minAwardPence: fund.minAwardPence,
        maxAwardPence: fund.maxAwardPence,
        currency: fund.currency,
      },
    });
    return fund;
  });
}

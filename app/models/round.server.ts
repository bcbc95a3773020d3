import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { appendAudit } from "~/models/audit.server";
import type { Prisma } from "~/generated/prisma/client";

export interface CriterionInput {
  name: string;
  guidance: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export type RoundInput = Omit<Prisma.RoundUncheckedCreateInput, "id" | "createdAt" | "updatedAt" | "criteria"> & {
  criteria: CriterionInput[];
};

export function createRound(input: RoundInput, actor: AuditActor) {
  const { criteria, ...round } = input;
  return db().$transaction(async (tx) => {
    const created = await tx.round.create({
      data: { ...round, criteria: { create: criteria.map((c, position) => ({ ...c, position })) } },
    });
    await appendAudit(tx, {
      actor,
      action: "round.created",
      subject: { type: "round", id: created.id },
      payload: {
        fundId: created.fundId,
        title: created.title,
        slug: created.slug,
        opensAt: created.opensAt.toISOString(),
        closesAt: created.closesAt.toISOString(),
      },
    });
    return created;
  });
}

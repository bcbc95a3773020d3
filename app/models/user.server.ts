import { db } from "~/db.server";
import type { Role } from "~/domain/permissions";
import { appendAudit } from "~/models/audit.server";
import type { AuditActor } from "~/domain/audit-events";
import { hashPassword } from "~/utils/password.server";

export async function createUser(
  input: { email: string; name: string; password: string; roles: Role[] },
  by: { actor: AuditActor; via: "cli" | "admin" | "invite" | "seed" },
) {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email.trim().toLowerCase(), name: input.name.trim(), passwordHash, roles: input.roles },
    });
    await appendAudit(tx, {
      actor: by.actor,
      action: "user.created",
      subject: { type: "user", id: user.id },
      payload: { roles: input.roles, via: by.via },
    });
    return user;
  });
}

export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export function countUsers() {
  return db().user.count();
}

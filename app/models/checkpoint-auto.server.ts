import { db } from "~/db.server";
import { automaticNote, checkpointDueAt, distinctTriggers, type CheckpointTrigger } from "~/domain/checkpoint-auto";
import { checkpointMail } from "~/domain/mail/checkpoint-messages";
import { formatDateTime } from "~/domain/zoned-time";
import type { Tx } from "~/models/audit.server";
import { checkpointIn, Refused } from "~/models/checkpoint.server";
import { queueMail } from "~/models/mail.server";
import { env } from "~/utils/env.server";

// Checkpoints Pitchday takes by itself (the rules are in app/domain/checkpoint-auto.ts).
//
// Interface:
//   requestCheckpoint(tx, { trigger, label, subject, now?, revealComplete? })
//       inside the transaction of the change that calls for a checkpoint: a CheckpointRequest row
//   takeDueCheckpoint(now?) -> { ok: true, checkpoint | null } | { ok: false, error }
//       after that transaction commits (app/coordinators/checkpoints.server.ts calls it): one
//       checkpoint covering every request, emailed to each active auditor, the requests deleted
//
// why a request row, and the checkpoint after the commit: a checkpoint must name a committed
// head, and its own audit entry goes on top of every committed entry, so it covers the change
// only once that has committed. The row commits with the change, so a crash before the
// checkpoint leaves it owed, and the next checkpoint (or the sweep) takes it.
// Several app instances: takers queue on one advisory lock; the first takes the checkpoint and
// deletes the requests, the next finds none due and takes nothing. The checkpoint, its emails and
// the deletion commit together, so each auditor gets each checkpoint exactly once.

const CHECKPOINT_LOCK = 7_240_614;

// why longer than Prisma's 5 s: the checkpoint verifies the whole log, which grows for years.
const CHECKPOINT_TX = { maxWait: 20_000, timeout: 120_000 } as const;

// why this zone: the audit pages show checkpoint times in it; the email gives UTC beside it.
const TIME_ZONE = "Europe/London";

export async function requestCheckpoint(
  tx: Tx,
  input: { trigger: CheckpointTrigger; label: string; subject: { type: string; id: string }; now?: Date; revealComplete?: boolean },
) {
  const now = input.now ?? new Date();
  await tx.checkpointRequest.create({
    data: {
      trigger: input.trigger,
      label: input.label,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      createdAt: now,
      dueAt: checkpointDueAt(input.trigger, now, { revealComplete: input.revealComplete }),
    },
  });
}

export interface AutoCheckpoint {
  id: string;
  seq: number;
  hash: string;
  createdAt: Date;
  note: string;
  triggers: string[];
  auditorsMailed: number;
}

export type TakeResult = { ok: true; checkpoint: AutoCheckpoint | null } | { ok: false; error: string };

/** Takes one checkpoint when any request is due, covering every request made so far. */
export async function takeDueCheckpoint(now = new Date()): Promise<TakeResult> {
  try {
    const checkpoint = await db().$transaction(async (tx): Promise<AutoCheckpoint | null> => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CHECKPOINT_LOCK}::bigint)`;
      if ((await tx.checkpointRequest.count({ where: { dueAt: { lte: now } } })) === 0) return null;
      const requests = await tx.checkpointRequest.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const auditors = await activeAuditors(tx);
      const triggers = distinctTriggers(requests);
      const labels = [...new Set(requests.map((r) => r.label))];
      const taken = await checkpointIn(tx, {
        note: automaticNote(labels),
        payload: { via: "auto", triggers: triggers as CheckpointTrigger[], auditorsMailed: auditors.length },
        triggers,
        actor: { type: "system" },
        now,
      });
      const at = `${formatDateTime(taken.createdAt, TIME_ZONE)} UK time (${taken.createdAt.toISOString()})`;
      for (const auditor of auditors) {
        await queueMail(tx, checkpointMail({ baseUrl: env().APP_URL, to: auditor.email, name: auditor.name, seq: taken.seq, hash: taken.hash, at, labels }));
      }
      await tx.checkpointRequest.deleteMany({ where: { id: { in: requests.map((r) => r.id) } } });
      return { ...taken, triggers, auditorsMailed: auditors.length };
    }, CHECKPOINT_TX);
    return { ok: true, checkpoint };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    throw error;
  }
}

// why every active auditor: an auditor's account is not tied to a fund (roles are global), so
// "the fund's auditors" are all of them; a disabled account gets nothing.
function activeAuditors(tx: Tx) {
  return tx.user.findMany({ where: { roles: { has: "AUDITOR" }, disabledAt: null }, select: { email: true, name: true }, orderBy: { email: "asc" } });
}

/** How many checkpoints are owed and not yet taken (for tests and the start-up note). */
export function pendingCheckpointRequests() {
  return db().checkpointRequest.count();
}

import type { RevealMode } from "~/domain/award-reveal";
import type { Actor } from "~/domain/permissions";
import { revealAwards } from "~/models/award-reveal.server";
import { takeDueCheckpoint } from "~/models/checkpoint-auto.server";
import { confirmDecisions } from "~/models/decision.server";
import { recordManualPayment } from "~/models/payment.server";
import { confirmBatch } from "~/models/payment-batch.server";

// Automatic checkpoints, after the change that called for one has committed (the models write
// the request in the change's own transaction; app/models/checkpoint-auto.server.ts says why).
//
// Interface:
//   takeOwedCheckpoint(now?)     takes the checkpoint owed, if any; never throws (the change it
//                                follows has been made; a failure leaves the request for the sweep)
//   startCheckpointSweep()       every minute, inside the app: a request left by a crash, or a
//                                reveal left part-way, is taken; returns { note, stop }
//   confirmEventDecisions, revealEventAwards, recordPaymentMade, confirmBulkPayments
//                                the models' changes, then the checkpoint
// Stripe payments take theirs in coordinators/payments (after the transfer's answer or webhook).

export async function takeOwedCheckpoint(now = new Date()) {
  try {
    const taken = await takeDueCheckpoint(now);
    if (!taken.ok) console.error(`Audit checkpoint: not taken: ${taken.error}`);
    return taken.ok ? taken.checkpoint : null;
  } catch (error) {
    console.error("Audit checkpoint: could not be taken now; the sweep tries again:", error instanceof Error ? error.message : error);
    return null;
  }
}

async function thenCheckpoint<T extends { ok: boolean }>(result: T, now?: Date): Promise<T> {
  if (result.ok) await takeOwedCheckpoint(now);
  return result;
}

export async function confirmEventDecisions(eventId: string, staff: Actor) {
  return thenCheckpoint(await confirmDecisions(eventId, staff));
}

export async function revealEventAwards(eventId: string, mode: RevealMode, staff: Actor, options: { fromStep?: number; now?: Date } = {}) {
  return thenCheckpoint(await revealAwards(eventId, mode, staff, options), options.now);
}

export async function recordPaymentMade(...args: Parameters<typeof recordManualPayment>) {
  return thenCheckpoint(await recordManualPayment(...args));
}

export async function confirmBulkPayments(...args: Parameters<typeof confirmBatch>) {
  return thenCheckpoint(await confirmBatch(...args));
}

export function startCheckpointSweep({ intervalMs = 60_000 }: { intervalMs?: number } = {}) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await takeOwedCheckpoint();
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const firstRun = tick();
  return { note: `Audit checkpoints: taken after decisions, reveals and payments; owed ones checked every ${Math.round(intervalMs / 1000)} s.`, stop: () => clearInterval(timer), firstRun };
}

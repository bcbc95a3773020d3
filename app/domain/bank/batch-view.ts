import { formatMoney } from "~/domain/money";
import { formatDate, formatDateTime } from "~/domain/zoned-time";

// What the bulk payments pages show of files and payments, formatted; never whole bank details
// (those leave only in the file itself). Dates are shown in UK time: Bacs is a UK scheme.

export const BACS_TIME_ZONE = "Europe/London";

export const BATCH_STATES = {
  open: { label: "Waiting for you to confirm the bank took it", tag: "tag tag--yellow" },
  confirmed: { label: "Confirmed: paid", tag: "tag tag--green" },
  cancelled: { label: "Cancelled", tag: "tag tag--grey" },
} as const;

export function batchState(batch: { confirmedAt: Date | null; cancelledAt: Date | null }) {
  return batch.cancelledAt ? BATCH_STATES.cancelled : batch.confirmedAt ? BATCH_STATES.confirmed : BATCH_STATES.open;
}

export const ITEM_OUTCOMES: Record<string, { label: string; tag: string }> = {
  PAID: { label: "Paid", tag: "tag tag--green" },
  PAYEE_CHANGED: { label: "Not paid: the bank details changed after the file was made. Check them with the group, then pay it in a new file", tag: "tag tag--red" },
  NOT_APPROVED: { label: "Not paid: it was no longer an approved payment when the file was confirmed", tag: "tag tag--red" },
};

export function batchRow(batch: { id: string; createdAt: Date; processingDate: Date; totalPence: number; confirmedAt: Date | null; cancelledAt: Date | null; _count: { items: number } }) {
  return {
    id: batch.id,
    made: formatDateTime(batch.createdAt, BACS_TIME_ZONE),
    payDay: formatDate(batch.processingDate, "UTC"),
    payments: batch._count.items,
    total: formatMoney(batch.totalPence, "GBP"),
    state: batchState(batch),
  };
}

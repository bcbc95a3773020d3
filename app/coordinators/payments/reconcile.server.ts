import type Stripe from "stripe";
import { describeDiscrepancy, reconcile, type Discrepancy, type TransferRecord } from "~/domain/payment";
import { paymentsForReconcile } from "~/models/payment.server";
import { listAllTransfers } from "~/services/payments/stripe.server";

// Our payment records against Stripe's transfers (every page of them), for
// `npm run payments:reconcile` and for anyone who wants to check the money by hand.
//
// Interface:
//   reconcilePayments() -> { payments, transfers, discrepancies: Discrepancy[], lines: string[] }
//   toTransferRecord(transfer)   the fields the comparison uses

export function toTransferRecord(transfer: Stripe.Transfer): TransferRecord {
  const destination = typeof transfer.destination === "string" ? transfer.destination : (transfer.destination?.id ?? null);
  return {
    id: transfer.id,
    amount: transfer.amount,
    currency: transfer.currency,
    amountReversed: transfer.amount_reversed,
    reversed: transfer.reversed,
    destination,
    paymentId: transfer.metadata?.pitchday_payment_id ?? null,
  };
}

export async function reconcilePayments(): Promise<{ payments: number; transfers: number; discrepancies: Discrepancy[]; lines: string[] }> {
  const [payments, transfers] = await Promise.all([paymentsForReconcile(), listAllTransfers()]);
  const discrepancies = reconcile(payments, transfers.map(toTransferRecord));
  return { payments: payments.length, transfers: transfers.length, discrepancies, lines: discrepancies.map(describeDiscrepancy) };
}

// What the app reads of a payment, wherever it shows one: on the award page (through the award)
// and on the payment's own pages. One list, so both show the same facts.
export const paymentFields = {
  id: true,
  method: true,
  amountPence: true,
  status: true,
  idempotencyKey: true,
  providerId: true,
  reference: true,
  paidOn: true,
  failureReason: true,
  requestedById: true,
  approvedById: true,
  approvedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

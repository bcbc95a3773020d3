import type { DemoFunds } from "./funds";
import type { Staff } from "./staff";

// Demo bids for the closed round are written by the bid model (see app/models/bid.server.ts).
export async function seedBids(_funds: DemoFunds, _staff: Staff, _now: Date) {
  return [];
}

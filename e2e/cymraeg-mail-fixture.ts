import { tmpdir } from "node:os";
import path from "node:path";

// What e2e/seed-cymraeg-mail.ts (run with e2e/seed-cymraeg-after.ts) hands to its spec.

export interface CymraegMailFixture {
  /** A bilingual round open for bids, for a group to apply to in Welsh. */
  openRound: { slug: string; titleCy: string; title: string };
  /** A bilingual round's event, decided and revealed: a bid written in Welsh funded, one in English not. */
  eventId: string;
  roundId: string;
  welsh: { bidId: string; reference: string; group: string; project: string; email: string; feedback: string };
  english: { bidId: string; reference: string; group: string; email: string };
}

/** Where the seeding leaves the fixture for the server on this port. */
export function cymraegMailFixturePath(port: string | number) {
  return path.join(tmpdir(), `pitchday-e2e-cymraeg-mail-${port}.json`);
}

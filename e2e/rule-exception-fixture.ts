import { tmpdir } from "node:os";
import path from "node:path";

// What e2e/seed-rule-exception.ts (run by e2e/server.ts before the app starts) hands to its spec.

export interface RuleExceptionFixture {
  /** Scoring closed; a fund that allows exceptions; part-funding no less than 50 % of the ask. */
  eventId: string;
  /** Its pot is £10,000 and nothing else is promised from it. */
  fundId: string;
  /** Asks for £4,800: part-funding it at £1,000 breaks the round's minimum share. */
  breaking: { group: string; reference: string };
  /** Asks for £1,500, funded in full as proposed. */
  other: { group: string; reference: string };
}

/** Where the seeding leaves the fixture for the server on this port. */
export function ruleExceptionFixturePath(port: string | number) {
  return path.join(tmpdir(), `pitchday-e2e-rule-exception-${port}.json`);
}

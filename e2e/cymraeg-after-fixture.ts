import { tmpdir } from "node:os";
import path from "node:path";

// What e2e/seed-cymraeg-after.ts (run by e2e/server.ts before the app starts) hands to its spec.

export interface CymraegAfterFixture {
  /** The group's private page, /bid/<token>: a bid written in Welsh, funded, its award offered. */
  link: string;
  reference: string;
  group: string;
  /** The funder's feedback, in Welsh as the funder wrote it. */
  feedback: string;
}

/** Where the seeding leaves the fixture for the server on this port. */
export function cymraegAfterFixturePath(port: string | number) {
  return path.join(tmpdir(), `pitchday-e2e-cymraeg-after-${port}.json`);
}

import { tmpdir } from "node:os";
import path from "node:path";

// What the big screen's seeding (e2e/seed-big-screen.ts, run by e2e/server.ts before the app
// starts) hands to its spec: events whose bids are at the bid form's limits.

export interface BigScreenFixture {
  /** Ready to start: 13 pitches, the audience votes with the join code. The spec runs it. */
  eventId: string;
  /** Pitch `latePitch` ran out of time minutes ago (the chair's commands were given in the past). */
  overtimeEventId: string;
  /** Decided, with all 13 pitches funded (every third in part) and every award revealed. */
  awardsEventId: string;
  overtimeJoinCode: string;
  /** An invite to the over-time event's panel, not yet opened on any phone. */
  panelInvitePath: string;
  /** A second invite to the over-time event's panel, for the keyboard-only journey. */
  keyboardPanelInvitePath: string;
  /** A third invite to the over-time event's panel, for a panellist who reads Welsh. */
  welshPanelInvitePath: string;
  /** A fourth, for a panellist who reads Welsh on a phone running JavaScript. */
  welshJsPanelInvitePath: string;
  pitches: number;
  latePitch: number;
}

/** Where the seeding leaves the fixture for the server on this port. */
export function bigScreenFixturePath(port: string | number) {
  return path.join(tmpdir(), `pitchday-e2e-big-screen-${port}.json`);
}

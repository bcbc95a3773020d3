// What the benchmark's seeding process prepares and hands to the runner (as a JSON file):
// a live event mid-evening, with panellists bound to their phones and a chair who can sign in.

export interface BenchFixture {
  eventId: string;
  joinCode: string;
  /** A staff account with the organiser role; the runner signs in through /login. */
  chair: { email: string; password: string };
  criteria: { id: string; scaleMin: number; scaleMax: number }[];
  /** Pitches whose scoring is open (SCORING), where panellists' scores land. */
  scoring: { slotId: string; bidId: string }[];
  /** The pitch on stage (PITCHING): the chair pauses and resumes its timer. */
  currentSlotId: string;
  /** Bids whose pitch has started, so the audience can vote for them. */
  startedBidIds: string[];
  /** Panellists for the app, each with the Cookie header their phone sends. */
  panellists: { id: string; cookie: string }[];
  /** Other panellists, written to only by the bare-insert yardstick. */
  barePanellists: { id: string }[];
}

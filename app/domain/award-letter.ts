// What an award letter says, already formatted for the group: the model gathers it
// (funder-views.server.ts) and the PDF adapter draws it (services/pdf/award-letter.server.ts).

export interface AwardLetter {
  funderName: string;
  fundName: string;
  roundTitle: string;
  groupName: string;
  /** The parent organisation the group asked to be paid through (a fiscal host); null: the group. */
  paidToParent: string | null;
  projectTitle: string;
  /** The bid's reference, e.g. PD-2026-0001. */
  reference: string;
  /** The 360Giving grant identifier the award is published under. */
  grantId: string;
  /** Already formatted, e.g. "£2,450". */
  amount: string;
  /** The amount asked for, when the award is part of it. */
  partOf: string | null;
  conditions: string;
  /** The date of the offer, in the fund's time zone: "14 May 2027". */
  date: string;
  acceptance: { by: string; on: string } | null;
  cancelled: boolean;
}

// What an award letter says, for the group: the model gathers it (funder-views.server.ts) and
// the PDF adapter writes it in the letter's languages (services/pdf/award-letter.server.ts).

export type LetterLang = "cy" | "en";

export interface AwardLetter {
  /** The bid's language, or Welsh then English when its round is bilingual. */
  langs: readonly LetterLang[];
  funderName: string;
  fundName: string;
  roundTitle: string;
  /** The organiser's Welsh title for the round ("" when there is none: the title is used). */
  roundTitleCy: string;
  groupName: string;
  /** The parent organisation the group asked to be paid through (a fiscal host); null: the group. */
  paidToParent: string | null;
  projectTitle: string;
  /** The bid's reference, e.g. PD-2026-0001. */
  reference: string;
  /** The 360Giving grant identifier the award is published under. */
  grantId: string;
  /** Already formatted, e.g. "£2,450" (the same in Welsh and English). */
  amount: string;
  /** The amount asked for, when the award is part of it. */
  partOf: string | null;
  conditions: string;
  /** When the offer was made; dates are written in the fund's time zone. */
  date: Date;
  timeZone: string;
  acceptance: { by: string; on: Date } | null;
  cancelled: boolean;
}

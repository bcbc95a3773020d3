import { PHOTO_MAX_BYTES, PHOTOS_PER_REPORT } from "~/domain/image-type";

// The report form's plain facts (lengths, the numbers its errors mention, its field names),
// apart from the zod schemas in grant-report-forms.ts: the group's page needs these in the
// browser, and anything that imports zod carries all of it (27 KB gzip) to the phone.

export const WHAT_WAS_DONE_MIN = 50;
export const WHAT_WAS_DONE_MAX = 5_000;
export const NOTE_MAX = 2_000;
export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 2_000;
export const PARTICIPANTS_MAX = 1_000_000;

// The group's report form says its errors as catalogue keys (the page says them in its
// language, with REPORT_ERROR_VALUES and the budget line's `item`).
export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 40;

/** The numbers the report form's error messages mention. */
export const REPORT_ERROR_VALUES = {
  whatMin: WHAT_WAS_DONE_MIN,
  whatMax: WHAT_WAS_DONE_MAX,
  noteMax: NOTE_MAX,
  nameMax: NAME_MAX,
  emailMax: EMAIL_MAX,
  phoneMax: PHONE_MAX,
  photosMax: PHOTOS_PER_REPORT,
  mb: PHOTO_MAX_BYTES / 1_000_000,
};

/** The form field holding what was spent on one budget line. */
export const spentField = (budgetLineId: string) => `spent-${budgetLineId}`;

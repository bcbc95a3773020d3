// The payee form's plain facts (its choices, lengths, the numbers its errors mention) and how a
// sort code is written, apart from the zod schema in payee-details.ts: the page's browser code
// needs these, and anything that imports zod carries all of it (27 KB gzip) to the phone.

export const PAYEE_KINDS = ["BANK", "CHEQUE"] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];

export const PAYEE_PARTIES = ["GROUP", "PARENT"] as const;
export type PayeeParty = (typeof PAYEE_PARTIES)[number];

// why 18: Bacs carries 18 characters of the account name; a longer one is cut by the bank.
export const ACCOUNT_NAME_MAX = 18;
export const CHEQUE_PAYEE_MAX = 70;

/** The numbers the form's error messages mention. */
export const PAYEE_ERROR_VALUES = { nameMax: ACCOUNT_NAME_MAX, chequeMax: CHEQUE_PAYEE_MAX };

/** 309457 -> 30-94-57 */
export function formatSortCode(sortCode: string): string {
  return sortCode.replace(/^(\d{2})(\d{2})(\d{2})$/, "$1-$2-$3");
}

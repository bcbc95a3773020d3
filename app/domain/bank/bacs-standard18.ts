import type { Pence } from "~/domain/money";

// A bank bulk-payment file in Bacs Standard 18, as UK business online banking and Bacs
// bureaux import it: one 106-character payment record per credit, lines ending CRLF, and no
// volume, header or trailer labels and no contra (the bank adds those with its own service user
// number, and debits the paying account once for the total). Pure: the same batch always gives
// the same bytes, which is how a re-download is proved to be the same file (its sha256).
//
// A payment record, by character position (1-based):
//   1-6    destination sort code              6 digits
//   7-14   destination account number         8 digits
//   15     destination account type           "0"
//   16-17  transaction code                   "99" (a credit)
//   18-23  originating sort code              6 digits: the funder's own account
//   24-31  originating account number         8 digits
//   32-35  free format                        4 spaces
//   36-46  amount in pence                    11 digits, zero-filled
//   47-64  service user's name                18: the funder's name on its account
//   65-82  service user's reference           18: shown on the payee's statement (the bid's reference)
//   83-100 destination account name           18
//   101-106 processing date                   " YYDDD": a space, the year's last two digits, day of the year

export const BACS_FORMAT = "BACS_STD18";
export const BACS_RECORD_LENGTH = 106;
export const BACS_NAME_WIDTH = 18;
export const BACS_REFERENCE_WIDTH = 18;
/** The largest amount an 11-digit field holds; Bacs itself caps one credit at £20 million. */
export const BACS_MAX_ITEM_PENCE = 2_000_000_000;
const CREDIT = "99";

export interface BacsAccount {
  sortCode: string;
  accountNumber: string;
  name: string;
}

export interface BacsPayment extends BacsAccount {
  amountPence: Pence;
  reference: string;
}

export interface BacsFile {
  text: string;
  count: number;
  totalPence: Pence;
}

/**
 * A value in Bacs's character set: capitals, digits, space and . & / -. Accents are dropped,
 * an apostrophe closes up (O'NEILL -> ONEILL), anything else becomes a space; runs of spaces
 * become one; cut to `width` and padded with spaces.
 */
export function bacsText(value: string, width: number): string {
  const text = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/['’]/g, "")
    .replace(/[^A-Z0-9 .&/-]/g, " ")
    .replace(/ +/g, " ")
    .trim();
  return text.slice(0, width).trimEnd().padEnd(width, " ");
}

/** "2027-05-14" -> " 27134": Bacs's processing date (Julian day of the year). */
export function bacsDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a day: ${day}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = Date.UTC(y, m - 1, d);
  if (new Date(date).getUTCDate() !== d) throw new RangeError(`Not a day: ${day}`);
  const dayOfYear = Math.round((date - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  return ` ${String(y % 100).padStart(2, "0")}${String(dayOfYear).padStart(3, "0")}`;
}

/**
 * Why a reference would be refused by Bacs (null when fine): it needs at least 6 letters or
 * digits, not all the same character.
 */
export function bacsReferenceProblem(reference: string): string | null {
  const alnum = bacsText(reference, BACS_REFERENCE_WIDTH).replace(/[^A-Z0-9]/g, "");
  if (alnum.length < 6) return "A payment reference needs at least 6 letters or digits";
  if (new Set(alnum).size === 1) return "A payment reference cannot be one character repeated";
  return null;
}

function account(a: BacsAccount, who: string) {
  if (!/^\d{6}$/.test(a.sortCode)) throw new RangeError(`${who}: the sort code must be 6 digits`);
  if (!/^\d{8}$/.test(a.accountNumber)) throw new RangeError(`${who}: the account number must be 8 digits`);
  if (!bacsText(a.name, BACS_NAME_WIDTH).trim()) throw new RangeError(`${who}: the account name has no letters Bacs can carry`);
}

export function bacsRecord(payment: BacsPayment, origin: BacsAccount, processingDay: string): string {
  account(payment, `Payment ${payment.reference}`);
  if (!Number.isSafeInteger(payment.amountPence) || payment.amountPence <= 0 || payment.amountPence > BACS_MAX_ITEM_PENCE) {
    throw new RangeError(`Payment ${payment.reference}: the amount must be whole pence, more than 0 and at most £20 million`);
  }
  const problem = bacsReferenceProblem(payment.reference);
  if (problem) throw new RangeError(`Payment ${payment.reference}: ${problem}`);
  const record = [
    payment.sortCode,
    payment.accountNumber,
    "0",
    CREDIT,
    origin.sortCode,
    origin.accountNumber,
    "    ",
    String(payment.amountPence).padStart(11, "0"),
    bacsText(origin.name, BACS_NAME_WIDTH),
    bacsText(payment.reference, BACS_REFERENCE_WIDTH),
    bacsText(payment.name, BACS_NAME_WIDTH),
    bacsDate(processingDay),
  ].join("");
  // why check: a field of the wrong width would shift every later field the bank reads.
  if (record.length !== BACS_RECORD_LENGTH) throw new RangeError(`A Bacs record came out ${record.length} characters long`);
  return record;
}

/** The whole file: payments in the order given (the caller sorts them), each line ending CRLF. */
export function bacsFile(input: { origin: BacsAccount; processingDay: string; payments: readonly BacsPayment[] }): BacsFile {
  account(input.origin, "The paying account");
  if (input.payments.length === 0) throw new RangeError("A bulk-payment file needs at least one payment");
  const lines = input.payments.map((p) => bacsRecord(p, input.origin, input.processingDay));
  const totalPence = input.payments.reduce((sum, p) => sum + p.amountPence, 0);
  return { text: lines.map((line) => `${line}\r\n`).join(""), count: lines.length, totalPence };
}

/** "pitchday-bacs-2027-05-14-ab12cd34.txt" */
export function bacsFileName(processingDay: string, batchId: string): string {
  return `pitchday-bacs-${processingDay}-${batchId.slice(-8).replace(/[^a-z0-9]/gi, "")}.txt`;
}

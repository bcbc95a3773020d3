import * as z from "zod";
import { modulusCheck } from "~/domain/bank/modulus";
import { ACCOUNT_NAME_MAX, CHEQUE_PAYEE_MAX, formatSortCode, PAYEE_KINDS, PAYEE_PARTIES, type PayeeKind, type PayeeParty } from "~/domain/bank/payee-limits";

// Where an award is paid: a UK bank account (name, sort code, account number) or a cheque
// payee, and who is paid (the group itself, or the parent organisation a group without a bank
// account applied through, as fiscal hosts do). Kept encrypted (app/utils/payee-crypto.server.ts);
// this file holds the form's rules and what may be shown of the details.

export interface PayeeDetails {
  kind: PayeeKind;
  party: PayeeParty;
  /** BANK only */
  accountName: string | null;
  /** BANK only: six digits */
  sortCode: string | null;
  /** BANK only: eight digits */
  accountNumber: string | null;
  /** CHEQUE only */
  chequePayee: string | null;
}

const digitsOnly = (text: string) => text.replace(/[\s-]/g, "");

// Errors are catalogue keys, said by the page in its language with PAYEE_ERROR_VALUES.
const kindField = z.enum(PAYEE_KINDS, { error: "bid.payee.error.kind" });
const partyField = z.enum(PAYEE_PARTIES, { error: "bid.payee.error.party" });

/**
 * The group's form. `hasParent`: the bid names a parent organisation, so it may be the payee.
 * Spaces and dashes in the sort code and account number are allowed and dropped; 6 or 7 digit
 * account numbers get the leading zeros banks use.
 */
export function payeeFormSchema({ hasParent }: { hasParent: boolean }) {
  return z
    .object({
      kind: kindField,
      party: hasParent ? partyField : z.literal("GROUP").default("GROUP").catch("GROUP"),
      accountName: z.string().trim().default("").transform((name) => name.replace(/\s+/g, " ")),
      sortCode: z.string().default(""),
      accountNumber: z.string().default(""),
      chequePayee: z.string().trim().default(""),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (v.kind === "CHEQUE") {
        if (!v.chequePayee) issue("chequePayee", "bid.payee.error.chequePayeeMissing");
        else if (v.chequePayee.length > CHEQUE_PAYEE_MAX) issue("chequePayee", "bid.payee.error.chequePayeeTooLong");
        return;
      }
      if (!v.accountName) issue("accountName", "bid.payee.error.accountNameMissing");
      else if (v.accountName.length > ACCOUNT_NAME_MAX) {
        issue("accountName", "bid.payee.error.accountNameTooLong");
      } else if (!/^[A-Za-z0-9 &'.,/()-]+$/.test(v.accountName)) {
        issue("accountName", "bid.payee.error.accountNameCharacters");
      }
      const sortCode = digitsOnly(v.sortCode);
      const account = digitsOnly(v.accountNumber);
      const sortOk = /^\d{6}$/.test(sortCode);
      if (!sortCode) issue("sortCode", "bid.payee.error.sortCodeMissing");
      else if (!sortOk) issue("sortCode", "bid.payee.error.sortCodeFormat");
      if (!account) issue("accountNumber", "bid.payee.error.accountNumberMissing");
      else if (!/^\d{6,8}$/.test(account)) {
        issue("accountNumber", /^\d{9,10}$/.test(account) ? "bid.payee.error.accountNumberLong" : "bid.payee.error.accountNumberFormat");
      } else if (sortOk && modulusCheck(sortCode, account.padStart(8, "0")) === "invalid") {
        issue("accountNumber", "bid.payee.error.accountNumberModulus");
      }
    })
    .transform((v): PayeeDetails =>
      v.kind === "CHEQUE"
        ? { kind: "CHEQUE", party: v.party, accountName: null, sortCode: null, accountNumber: null, chequePayee: v.chequePayee }
        : {
            kind: "BANK",
            party: v.party,
            accountName: v.accountName,
            sortCode: digitsOnly(v.sortCode),
            accountNumber: digitsOnly(v.accountNumber).padStart(8, "0"),
            chequePayee: null,
          },
    );
}

/** What the group and staff see outside payment: never the whole account number. */
export interface MaskedPayee {
  kind: PayeeKind;
  party: PayeeParty;
  name: string;
  /** "30-94-57, account ending 4958"; null for a cheque */
  account: string | null;
  /** The parts of `account`, for pages and letters that say it in their own language; null for a cheque. */
  sortCode: string | null;
  accountEnding: string | null;
}

export function maskPayee(details: PayeeDetails): MaskedPayee {
  if (details.kind === "CHEQUE") return { kind: "CHEQUE", party: details.party, name: details.chequePayee ?? "", account: null, sortCode: null, accountEnding: null };
  return {
    kind: "BANK",
    party: details.party,
    name: details.accountName ?? "",
    account: `${formatSortCode(details.sortCode ?? "")}, account ending ${(details.accountNumber ?? "").slice(-4)}`,
    sortCode: formatSortCode(details.sortCode ?? ""),
    accountEnding: (details.accountNumber ?? "").slice(-4),
  };
}

/** The canonical text a fingerprint is taken of: the same details always give the same text. */
export function fingerprintText(details: PayeeDetails): string {
  return details.kind === "CHEQUE"
    ? ["cheque", details.party, (details.chequePayee ?? "").trim().toUpperCase()].join("|")
    : ["bank", details.party, details.sortCode, details.accountNumber, (details.accountName ?? "").trim().toUpperCase()].join("|");
}

/** The stored details, read back from their decrypted JSON; null when the JSON is not ours. */
export function parseStoredPayee(json: unknown): PayeeDetails | null {
  const parsed = z
    .strictObject({
      kind: z.enum(PAYEE_KINDS),
      party: z.enum(PAYEE_PARTIES),
      accountName: z.string().nullable(),
      sortCode: z.string().regex(/^\d{6}$/).nullable(),
      accountNumber: z.string().regex(/^\d{8}$/).nullable(),
      chequePayee: z.string().nullable(),
    })
    .safeParse(json);
  return parsed.success ? parsed.data : null;
}

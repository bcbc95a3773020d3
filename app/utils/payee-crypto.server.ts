import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { fingerprintText, parseStoredPayee, type PayeeDetails } from "~/domain/bank/payee-details";
import { env, isProduction } from "~/utils/env.server";

// Bank details at rest: AES-256-GCM under a key from the environment (BANK_DETAILS_KEY), bound
// to the bid they belong to, so a sealed value copied onto another bid's row does not open.
// The fingerprint is an HMAC under a key derived from the same secret: it shows in the audit log
// that details changed (or did not) without letting anyone test guesses of an account number.
//
//   sealPayee(details, bidId)  -> "v1:<base64 iv|tag|ciphertext>"
//   openPayee(sealed, bidId)   -> PayeeDetails; throws PayeeSealBroken when tampered or foreign
//   payeeFingerprint(details)  -> 64 hex characters
//   payeeKeyNote()             -> the start-up line (a loud warning in production without a key)
//   payeeSecret(), parsePayeeSecret(base64), payeeCipher(secret)   the same under a given key
//                                 (rotating BANK_DETAILS_KEY: scripts/rotate-bank-key.ts)

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

// why a fixed demo key: trying Pitchday or running its tests needs no setup; it is public, so
// production says so loudly at start until BANK_DETAILS_KEY is set.
const DEMO_SECRET = createHash("sha256").update("pitchday demo bank details key: not secret").digest();

export class PayeeSealBroken extends Error {
  constructor() {
    super("These bank details could not be decrypted: they were changed outside Pitchday or sealed under another key.");
  }
}

/** The secret in force: BANK_DETAILS_KEY, or the public demo key without one. */
export function payeeSecret(): Buffer {
  const configured = env().BANK_DETAILS_KEY;
  return configured ? parsePayeeSecret(configured) : DEMO_SECRET;
}

/** A key as BANK_DETAILS_KEY holds it: 32 bytes in base64. Throws on anything else. */
export function parsePayeeSecret(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new Error("A bank details key is 32 bytes in base64 (openssl rand -base64 32).");
  return key;
}

const aad = (bidId: string) => Buffer.from(`pitchday-payee/${VERSION}:${bidId}`);

export interface PayeeCipher {
  seal(details: PayeeDetails, bidId: string): string;
  open(sealed: string, bidId: string): PayeeDetails;
  fingerprint(details: PayeeDetails): string;
}

/** Sealing, opening and fingerprints under one secret. */
export function payeeCipher(secret: Buffer): PayeeCipher {
  const subkey = (purpose: "encrypt" | "fingerprint") => Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `pitchday payee ${purpose}`, 32));
  const encrypt = subkey("encrypt");
  const fingerprintKey = subkey("fingerprint");
  return {
    seal(details, bidId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encrypt, iv);
      cipher.setAAD(aad(bidId));
      const body = Buffer.concat([cipher.update(JSON.stringify(details), "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(sealed, bidId) {
      const [version, data] = sealed.split(":");
      if (version !== VERSION || !data) throw new PayeeSealBroken();
      const raw = Buffer.from(data, "base64");
      if (raw.length <= IV_BYTES + TAG_BYTES) throw new PayeeSealBroken();
      try {
        const decipher = createDecipheriv("aes-256-gcm", encrypt, raw.subarray(0, IV_BYTES));
        decipher.setAAD(aad(bidId));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
        const details = parseStoredPayee(JSON.parse(text));
        if (!details) throw new PayeeSealBroken();
        return details;
      } catch {
        throw new PayeeSealBroken();
      }
    },
    fingerprint(details) {
      return createHmac("sha256", fingerprintKey).update(fingerprintText(details)).digest("hex");
    },
  };
}

export function sealPayee(details: PayeeDetails, bidId: string): string {
  return payeeCipher(payeeSecret()).seal(details, bidId);
}

export function openPayee(sealed: string, bidId: string): PayeeDetails {
  return payeeCipher(payeeSecret()).open(sealed, bidId);
}

export function payeeFingerprint(details: PayeeDetails): string {
  return payeeCipher(payeeSecret()).fingerprint(details);
}

export function payeeKeyNote(): string {
  if (env().BANK_DETAILS_KEY) return "Bank details: encrypted with BANK_DETAILS_KEY";
  if (!isProduction()) return "Bank details: encrypted with the demo key (set BANK_DETAILS_KEY before real use)";
  return [
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    "!! WARNING: BANK_DETAILS_KEY is not set. Groups' bank details are encrypted with",
    "!! Pitchday's public demo key, which anyone can read in its source. Set it now:",
    "!!   BANK_DETAILS_KEY=$(openssl rand -base64 32)   and keep it safe (losing it",
    "!!   loses every stored bank detail; groups would have to give them again).",
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
  ].join("\n");
}

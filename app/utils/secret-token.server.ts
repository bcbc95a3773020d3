import { createHash, randomBytes } from "node:crypto";

// The secrets in our links and cookies (a bid's private link, staff sessions, invites, reset
// links, panel devices): the person keeps the token, our tables keep only its sha256, so a
// copy of the database opens nothing.

/** The sha256 (hex) stored in place of a token, and looked up by it. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes in base64url (always 43 characters) and the hash to store. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSecretToken(token) };
}

import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP's recommended memory and time costs).
export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string) {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string) {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

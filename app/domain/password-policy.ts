// What makes a staff password acceptable. Length matters far more than character classes
// (NCSC and NIST SP 800-63B), so the rules are: long enough, not absurdly long (argon2 still
// has to read it), and not something an attacker would try first for this person.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// why: the passwords people reach for first when told "at least 12 characters"; a breached-
// password service would be better, but Pitchday must work without calling out.
const COMMON = new Set([
  "qwertyuiop12",
  "qwertyuiop123",
  "password1234",
  "password12345",
  "password123456",
  "passwordpassword",
  "iloveyou1234",
  "letmein12345",
  "welcome12345",
  "changeme1234",
  "administrator",
  "pitchday1234",
  "pitchday12345",
  "pitchdaypitchday",
  "abc123abc123",
]);

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** Why this password cannot be used, in words for the person choosing it; null when it can. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length === 0) return "Enter a password";
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  }
  const folded = fold(password);
  const email = context.email ? fold(context.email) : "";
  if (email && (folded === email || folded === fold(email.split("@")[0]))) {
    return "Password must not be your email address";
  }
  const name = context.name ? fold(context.name) : "";
  if (name && folded === name) return "Password must not be your name";
  if (new Set(folded).size <= 2 || COMMON.has(folded) || isRun(folded)) {
    return "Choose a password that is harder to guess, for example three random words";
  }
  return null;
}

function fold(value: string) {
  return value.trim().toLowerCase().replace(/\s+/g, "");
}

// Keyboard and alphabet runs, wrapping round ("789012345678"), forwards or backwards.
const RUNS = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"]
  .flatMap((run) => [run, [...run].reverse().join("")])
  .map((run) => run.repeat(Math.ceil(MAX_PASSWORD_LENGTH / run.length) + 1));

function isRun(value: string) {
  return RUNS.some((run) => run.includes(value));
}

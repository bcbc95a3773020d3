// How hard sign-in guessing is slowed down, after OWASP's Authentication Cheat Sheet and
// "Slow down online guessing attacks with device cookies". Nothing is ever locked: each key
// lets a few failures through, then every further attempt must wait a delay that doubles with
// each failure up to a ceiling, and the failures are forgotten after a quiet hour. The wait is
// answered at once ("try again in N seconds"); the server never holds a request open.
//
// Which keys an attempt counts against:
// - from a browser the account has signed in on before (a valid device cookie): that device
//   for that account only, so guessing from anywhere else never slows the owner down there;
// - from any other browser: the account and the address together (a typo-prone owner or one
//   attacker), the address across accounts (one attacker trying many accounts), and the account
//   across addresses for untrusted browsers (an attack spread over many addresses).
//
// Interface:
//   SIGN_IN_RULES                                  free failures, first delay, ceiling, per kind
//   signInKeys({ account, address, device })       the keys an attempt counts against
//   delaySeconds(rule, failures)                   wait after that many failures
//   waitSeconds(rule, state, now)                  seconds until the next attempt may be checked
//   afterFailure(rule, state, now)                 the state once one more attempt has failed
//   retryMessage(seconds)                          what the sign-in page says

export type ThrottleKind = "pair" | "address" | "account" | "device";

export interface ThrottleRule {
  /** Failures let through with no wait at all (typos). */
  free: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** After this long without a failure the key starts afresh. */
  forgetAfterSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const SIGN_IN_RULES: Record<ThrottleKind, ThrottleRule> = {
  pair: { free: 5, firstDelaySeconds: 5, maxDelaySeconds: 15 * MINUTE, forgetAfterSeconds: HOUR },
  // why: an office or a hall shares one address; many people mistype without being attackers.
  address: { free: 30, firstDelaySeconds: 5, maxDelaySeconds: 15 * MINUTE, forgetAfterSeconds: HOUR },
  account: { free: 10, firstDelaySeconds: 5, maxDelaySeconds: 15 * MINUTE, forgetAfterSeconds: HOUR },
  device: { free: 5, firstDelaySeconds: 5, maxDelaySeconds: 15 * MINUTE, forgetAfterSeconds: HOUR },
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

/**
 * `account` is a digest of the email address as typed (known or not, so unknown accounts are
 * slowed the same way), `device` a digest of a device cookie valid for that account, or null.
 */
export function signInKeys(input: { account: string; address: string; device: string | null }): ThrottleKey[] {
  if (input.device) return [{ kind: "device", key: `device:${input.device}` }];
  return [
    { kind: "pair", key: `pair:${input.account}:${input.address}` },
    { kind: "address", key: `address:${input.address}` },
    { kind: "account", key: `account:${input.account}` },
  ];
}

export function delaySeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  const doublings = failures - rule.free;
  // why: 2 ** 60 is already far past any ceiling; the cap keeps the arithmetic finite.
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(doublings, 60));
}

function current(rule: ThrottleRule, state: ThrottleState | null, now: Date): number {
  if (!state) return 0;
  const quiet = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
  return quiet > rule.forgetAfterSeconds ? 0 : state.failures;
}

export function waitSeconds(rule: ThrottleRule, state: ThrottleState | null, now: Date): number {
  const failures = current(rule, state, now);
  if (!state || failures === 0) return 0;
  const ready = state.lastFailureAt.getTime() + delaySeconds(rule, failures) * 1000;
  return Math.max(0, Math.ceil((ready - now.getTime()) / 1000));
}

export function afterFailure(rule: ThrottleRule, state: ThrottleState | null, now: Date): ThrottleState {
  return { failures: current(rule, state, now) + 1, lastFailureAt: now };
}

/** "Try again in 40 seconds" / "in 3 minutes": plain words, rounded up, never "0". */
export function retryMessage(seconds: number): string {
  const wait =
    seconds < 90
      ? `${Math.max(1, seconds)} second${seconds <= 1 ? "" : "s"}`
      : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many attempts with the wrong password. Try again in ${wait}.`;
}

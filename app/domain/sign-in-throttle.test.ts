import { SIGN_IN_RULES, afterFailure, delaySeconds, retryMessage, signInKeys, waitSeconds, type ThrottleState } from "~/domain/sign-in-throttle";

const rule = SIGN_IN_RULES.pair;
const t0 = new Date("2027-03-01T10:00:00Z");
const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** `n` failures in a row, each as soon as it was allowed; returns the state and the last wait. */
function failTimes(n: number) {
  let state: ThrottleState | null = null;
  let now = t0;
  for (let i = 0; i < n; i += 1) {
    now = plus((now.getTime() - t0.getTime()) / 1000 + waitSeconds(rule, state, now));
    state = afterFailure(rule, state, now);
  }
  return { state: state!, now };
}

describe("the delay after failures", () => {
  it("lets the first five failures through with no wait, then doubles from 5 seconds up to 15 minutes", () => {
    expect([0, 1, 4].map((f) => delaySeconds(rule, f))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map((f) => delaySeconds(rule, f))).toEqual([5, 10, 20, 40]);
    expect(delaySeconds(rule, 13)).toBe(900);
    expect(delaySeconds(rule, 10_000)).toBe(900);
  });

  it("never locks: once the wait has passed, the next attempt is checked", () => {
    const { state, now } = failTimes(12);
    const wait = waitSeconds(rule, state, now);
    expect(wait).toBe(640);
    expect(waitSeconds(rule, state, plus((now.getTime() - t0.getTime()) / 1000 + wait - 1))).toBe(1);
    expect(waitSeconds(rule, state, plus((now.getTime() - t0.getTime()) / 1000 + wait))).toBe(0);
  });

  it("forgets failures after a quiet hour", () => {
    const { state, now } = failTimes(9);
    const later = new Date(now.getTime() + 3601_000);
    expect(waitSeconds(rule, state, later)).toBe(0);
    expect(afterFailure(rule, state, later)).toEqual({ failures: 1, lastFailureAt: later });
  });

  it("an attacker on one account and address gets about 17 guesses in the first hour, not thousands", () => {
    let guesses = 0;
    let state: ThrottleState | null = null;
    let now = t0;
    while (now.getTime() - t0.getTime() < 3600_000) {
      now = new Date(now.getTime() + waitSeconds(rule, state, now) * 1000);
      state = afterFailure(rule, state, now);
      guesses += 1;
    }
    expect(guesses).toBeLessThanOrEqual(17);
  });
});

describe("which keys an attempt counts against", () => {
  it("a trusted device counts only against itself, so attacks elsewhere never slow it", () => {
    expect(signInKeys({ account: "a1", address: "192.0.2.1", device: "d1" })).toEqual([{ kind: "device", key: "device:d1" }]);
  });
  it("any other browser counts against account and address together, the address, and the account", () => {
    expect(signInKeys({ account: "a1", address: "192.0.2.1", device: null }).map((k) => k.key)).toEqual([
      "pair:a1:192.0.2.1",
      "address:192.0.2.1",
      "account:a1",
    ]);
  });
  it("allows more failures for a shared address and for the account across addresses than for one pair", () => {
    expect(SIGN_IN_RULES.address.free).toBeGreaterThan(SIGN_IN_RULES.account.free);
    expect(SIGN_IN_RULES.account.free).toBeGreaterThan(SIGN_IN_RULES.pair.free);
  });
});

describe("retryMessage", () => {
  it("says seconds under a minute and a half, whole minutes after, never zero", () => {
    expect(retryMessage(40)).toBe("Too many attempts with the wrong password. Try again in 40 seconds.");
    expect(retryMessage(1)).toBe("Too many attempts with the wrong password. Try again in 1 second.");
    expect(retryMessage(0)).toMatch("in 1 second.");
    expect(retryMessage(641)).toBe("Too many attempts with the wrong password. Try again in 11 minutes.");
  });
});

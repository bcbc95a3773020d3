import { ensureVoterKey, voterKeyFrom } from "./voter.server";

const requestWith = (cookie?: string) => new Request("http://localhost/vote/ABCDEF", { headers: cookie ? { Cookie: cookie } : {} });

describe("the voter cookie", () => {
  it("gives a phone without one a random key in an HttpOnly cookie for the voting pages", async () => {
    const first = await ensureVoterKey(requestWith());
    expect(first.voterKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.setCookie).toMatch(/^pd_voter=.+; Max-Age=2592000; Path=\/vote; HttpOnly; SameSite=Lax$/);
    const second = await ensureVoterKey(requestWith());
    expect(second.voterKey).not.toBe(first.voterKey);
  });

  it("keeps the phone's key once it has one", async () => {
    const { voterKey, setCookie } = await ensureVoterKey(requestWith());
    const cookie = setCookie!.split(";")[0];
    expect(await voterKeyFrom(requestWith(cookie))).toBe(voterKey);
    expect(await ensureVoterKey(requestWith(cookie))).toEqual({ voterKey, setCookie: null });
  });

  it("ignores a missing, malformed or planted value", async () => {
    expect(await voterKeyFrom(requestWith())).toBeNull();
    expect(await voterKeyFrom(requestWith("pd_voter=garbage"))).toBeNull();
    const planted = `pd_voter=${Buffer.from(JSON.stringify("short")).toString("base64")}`;
    expect(await voterKeyFrom(requestWith(planted))).toBeNull();
  });
});

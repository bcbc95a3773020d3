import { useTestDatabase } from "~/testing/database";
import { createUser } from "~/models/user.server";
import { action } from "~/routes/login";

// The sign-in form as a browser posts it: the throttle's answer, and the device cookie that
// keeps the owner's usual browser working while someone guesses at the account elsewhere.

useTestDatabase();

const PASSWORD = "a long enough passphrase";
let n = 0;

async function staff() {
  n += 1;
  const email = `signer${n}@example.org`;
  await createUser({ email, name: `Signer ${n}`, password: PASSWORD, roles: ["ORGANISER"] }, { actor: { type: "system" }, via: "seed" });
  return email;
}

async function post(fields: { email: string; password: string }, from: string, cookie?: string) {
  const headers = new Headers({ "X-Pitchday-Remote-Address": from, "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  const body = new URLSearchParams({ ...fields, redirectTo: "/staff" }).toString();
  return action({ request: new Request("http://app.test/login", { method: "POST", headers, body }), params: {}, context: {} });
}

const errorsOf = async (response: unknown) => ((response as { data: { errors: Record<string, string> } }).data ?? {}).errors;
const statusOf = (response: unknown) => (response instanceof Response ? response.status : (response as { init: { status: number } }).init.status);

function deviceCookie(response: Response) {
  const set = response.headers.getSetCookie().find((c) => c.startsWith("pd_device="));
  return set ? { header: set, pair: set.split(";")[0] } : null;
}

it("trusts the browser after a right password: an HttpOnly, SameSite=Lax device cookie for /login", async () => {
  const email = await staff();
  const response = await post({ email, password: PASSWORD }, "198.51.100.1");
  expect(response).toBeInstanceOf(Response);
  expect((response as Response).status).toBe(302);
  const cookie = deviceCookie(response as Response);
  expect(cookie?.header).toMatch(/HttpOnly/i);
  expect(cookie?.header).toMatch(/SameSite=Lax/i);
  expect(cookie?.header).toMatch(/Path=\/login/);
  expect(cookie?.header).toMatch(/Max-Age=7776000/);
});

it("says when to try again, at once and with Retry-After, and the owner's usual browser still signs in", async () => {
  const email = await staff();
  const usual = deviceCookie((await post({ email, password: PASSWORD }, "198.51.100.2")) as Response)!;
  for (let i = 0; i < 5; i += 1) await post({ email, password: `guess ${i}` }, "203.0.113.50");
  const slowed = await post({ email, password: `guess 5` }, "203.0.113.50");
  expect(statusOf(slowed)).toBe(429);
  expect((await errorsOf(slowed)).email).toMatch(/^Too many attempts with the wrong password\. Try again in [1-5] seconds?\.$/);
  expect((slowed as { init: ResponseInit }).init.headers).toMatchObject({ "Retry-After": expect.stringMatching(/^[1-5]$/) });
  // Spread over more addresses, the attack slows every browser the account has not signed in on...
  for (let i = 0; i < 7; i += 1) await post({ email, password: `spread ${i}` }, `203.0.113.${60 + i}`);
  expect(statusOf(await post({ email, password: PASSWORD }, "198.51.100.3"))).toBe(429);
  // ...but the owner, on their usual browser from another address, is not slowed at all.
  const owner = await post({ email, password: PASSWORD }, "198.51.100.3", usual.pair);
  expect(owner).toBeInstanceOf(Response);
  expect((owner as Response).headers.get("Location")).toBe("/staff");
});

import { useTestDatabase } from "~/testing/database";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { WRONG_CODE_LIMIT } from "~/domain/audience-phone";
import { generateTickets } from "~/models/audience.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { action as startAction } from "~/routes/vote._index";
import { action as voteAction, loader as voteLoader } from "~/routes/vote.$code";
import { action as ballotAction } from "~/routes/vote.$code.ballot";

// Guessing vote codes: wrong codes are counted per address, right ones never, so a hall of
// phones behind one router joins freely while a guesser is stopped after a few a minute.

useTestDatabase();
afterAll(() => closeLiveBus());

let n = 0;
const nextAddress = () => `198.51.100.${(n += 1)}`;
const BASE = "http://localhost:3000";
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as LoaderFunctionArgs & ActionFunctionArgs;
const headers = (from: string) => ({ "X-Pitchday-Remote-Address": from, "Content-Type": "application/x-www-form-urlencoded" });

function typeCode(code: string, from: string) {
  return startAction(args(new Request(`${BASE}/vote`, { method: "POST", headers: headers(from), body: new URLSearchParams({ code }) })));
}

/** The status and text of whatever a route answered or threw. */
async function outcome(run: () => Promise<unknown>): Promise<{ status: number; text: string; retryAfter: string | null }> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, text: await result.clone().text(), retryAfter: result.headers.get("Retry-After") };
  const wrapped = result as { data: { error?: string; errors?: Record<string, string> }; init?: { status?: number; headers?: Record<string, string> } };
  return {
    status: wrapped.init?.status ?? 200,
    text: wrapped.data.error ?? Object.values(wrapped.data.errors ?? {})[0] ?? "",
    retryAfter: wrapped.init?.headers?.["Retry-After"] ?? null,
  };
}

// Codes that are well formed but belong to no event (the alphabet has no 0, 1, I, L, O or U).
const wrong = (i: number) => `ZZ${String(i + 2).padStart(4, "2").replace(/[01]/g, "9")}`.slice(0, 6);

it(`stops an address after ${WRONG_CODE_LIMIT.max} wrong codes a minute, right code or not, and leaves other addresses alone`, async () => {
  const live = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
  const guesser = nextAddress();
  for (let i = 0; i < WRONG_CODE_LIMIT.max; i += 1) {
    expect(await outcome(() => typeCode(wrong(i), guesser))).toMatchObject({ status: 400, text: expect.stringMatching(/^We could not find an event/) });
  }
  const stopped = await outcome(() => typeCode(live.event.joinCode, guesser));
  expect(stopped.status).toBe(429);
  expect(stopped.text).toMatch(/^Too many wrong codes have been tried from your network\. Wait \d+ seconds?, then try again\.$/);
  expect(Number(stopped.retryAfter)).toBeGreaterThan(0);
  // The same guesses through the voting page's address and its JSON endpoint are refused too.
  expect((await outcome(() => voteLoader(args(new Request(`${BASE}/vote/${wrong(99)}`, { headers: headers(guesser) }), { code: wrong(99) })))).status).toBe(429);
  const json = await outcome(() => ballotAction(args(new Request(`${BASE}/vote/${wrong(98)}/ballot`, { method: "POST", headers: headers(guesser), body: "" }), { code: wrong(98) })));
  expect(json.status).toBe(429);
  // Another address is not affected.
  expect((await outcome(() => typeCode(live.event.joinCode, nextAddress()))).status).toBe(302);
});

it("counts wrong codes in the voting page's address, its ballot endpoint and ticket entry", async () => {
  const live = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "TICKETS" });
  const guesser = nextAddress();
  const tries = [
    () => voteLoader(args(new Request(`${BASE}/vote/${wrong(1)}`, { headers: headers(guesser) }), { code: wrong(1) })),
    () => ballotAction(args(new Request(`${BASE}/vote/${wrong(2)}/ballot`, { method: "POST", headers: headers(guesser), body: "" }), { code: wrong(2) })),
    () =>
      voteAction(
        args(new Request(`${BASE}/vote/${live.event.joinCode}`, { method: "POST", headers: headers(guesser), body: new URLSearchParams({ intent: "ticket", ticket: "ZZZZ-ZZZZ" }) }), {
          code: live.event.joinCode,
        }),
      ),
  ];
  for (let i = 0; i < WRONG_CODE_LIMIT.max; i += 1) expect((await outcome(tries[i % 3])).status).not.toBe(429);
  for (const attempt of tries) expect((await outcome(attempt)).status).toBe(429);
});

it("lets a hall of phones behind one address join with the right codes, typos and all", async () => {
  const live = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "OPEN" });
  const ticketed = await makeLiveEvent({ bids: 1, panellists: 1, audienceMode: "TICKETS" });
  const tickets = await generateTickets(ticketed.event.id, 5, ticketed.organiser.actor);
  if (!tickets.ok) throw new Error(tickets.message);
  const hall = nextAddress();
  for (let i = 0; i < 150; i += 1) {
    // One phone in ten mistypes first: 15 wrong codes, under the limit, among 150 joins.
    if (i % 10 === 0) expect((await outcome(() => typeCode(wrong(i), hall))).status).toBe(400);
    const code = i < 5 ? tickets.codes[i] : ` ${live.event.joinCode.toLowerCase()} `;
    expect((await outcome(() => typeCode(code, hall))).status).toBe(302);
  }
});

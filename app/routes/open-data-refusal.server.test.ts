import { useTestDatabase } from "~/testing/database";
import { createCookie } from "@remix-run/node";
import { db } from "~/db.server";
import { createSession } from "~/models/session.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { loader as fundJson } from "~/routes/staff.funds.$fundId.360giving[.]json";
import { loader as roundCsv } from "~/routes/staff.rounds.$roundId.360giving[.]csv";
import { seedPastEvent, type PastEvent } from "../../prisma/seed/past-event";
import { seedStaff } from "../../prisma/seed/staff";

// The 360Giving downloads check the file against the official schema before sending it: a fund
// whose data would not pass gets a page that says what is wrong, never a file to publish.

useTestDatabase();
afterAll(() => closeLiveBus());

let past: PastEvent;
let cookie: string;

beforeAll(async () => {
  const staff = await seedStaff();
  past = await seedPastEvent(staff, new Date());
  cookie = await createCookie("pd_session").serialize(await createSession(staff.byKey.organiser.id, {}));
});

const get = (path: string) => new Request(`http://localhost:3000${path}`, { headers: { Cookie: cookie } });

describe("360Giving downloads", () => {
  it("send a valid file while the data passes the schema", async () => {
    const response = await fundJson({ request: get(`/staff/funds/${past.fund.id}/360giving.json`), params: { fundId: past.fund.id }, context: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
  });

  it("refuse, listing the problems, when a grant would fail the official schema", async () => {
    // A currency code that ISO 4217 does not have: every grant of the fund carries it.
    await db().fund.update({ where: { id: past.fund.id }, data: { currency: "ZZZ" } });
    try {
      const json = await fundJson({ request: get(`/staff/funds/${past.fund.id}/360giving.json`), params: { fundId: past.fund.id }, context: {} });
      expect(json.status).toBe(500);
      expect(json.headers.get("Content-Disposition")).toBeNull();
      const text = await json.text();
      expect(text).toContain("We did not make this 360Giving file: it would not pass the official 360Giving schema.");
      expect(text).toMatch(/- Grant 360G-thornburytc-\S+, currency: is not a code the standard allows \(it is "ZZZ"\)\./);

      const csv = await roundCsv({ request: get(`/staff/rounds/${past.round.id}/360giving.csv`), params: { roundId: past.round.id }, context: {} });
      expect(csv.status).toBe(500);
      expect(csv.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
      expect(await csv.text()).toContain('currency: is not a code the standard allows (it is "ZZZ")');
    } finally {
      await db().fund.update({ where: { id: past.fund.id }, data: { currency: "GBP" } });
    }
  });
});

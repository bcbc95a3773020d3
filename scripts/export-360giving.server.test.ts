import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { threeSixtyPackageValidator } from "~/testing/three-sixty-schema";
import { db } from "~/db.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { seedPastEvent } from "../prisma/seed/past-event";
import { seedStaff } from "../prisma/seed/staff";
import { runScript, withScratch } from "./lib/scratch-database";

// `npm run export:360giving` as a separate process against a database on disk holding the
// demo's completed event (see scripts/lib/scratch-database.ts).

afterAll(() => closeLiveBus());

const folder = mkdtempSync(path.join(tmpdir(), "pitchday-360-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string) => path.join(folder, name);

function exportWith(env: Record<string, string>, args: string[]) {
  return runScript("scripts/export-360giving.ts", env, args);
}

describe("npm run export:360giving", () => {
  it("writes the fund with awards as a valid 360Giving package and spreadsheet, and refuses what it cannot do", async () => {
    await withScratch(
      async () => (await seedPastEvent(await seedStaff(), new Date())).round.id,
      (env, roundId) => {
        const written = exportWith(env, ["--out", file("fund.json"), "--csv", file("fund.csv"), "--license", "https://creativecommons.org/licenses/by/4.0/"]);
        expect(written.out).toContain("Wrote 3 grants from Thornbury Summer Fund 2026 (£5,300 awarded, £3,300 paid) to ");
        expect(written.code).toBe(0);
        const pkg = JSON.parse(readFileSync(file("fund.json"), "utf8"));
        const validate = threeSixtyPackageValidator();
        expect(validate(pkg)).toBe(true);
        expect(pkg.license).toBe("https://creativecommons.org/licenses/by/4.0/");
        expect(pkg.grants).toHaveLength(3);
        const csv = readFileSync(file("fund.csv"), "utf8");
        expect(csv.startsWith("\uFEFFIdentifier,Title,Description,")).toBe(true);
        expect(csv.trimEnd().split("\r\n")).toHaveLength(4);

        const round = exportWith(env, ["--out", file("round.json"), "--round", roundId]);
        expect(round.code).toBe(0);
        expect(JSON.parse(readFileSync(file("round.json"), "utf8")).identifier).toBe("360G-thornburytc-summer-2026");

        const unknown = exportWith(env, ["--out", file("x.json"), "--fund", "no-such-fund"]);
        expect(unknown.code).toBe(2);
        expect(unknown.out).toContain("There is no fund with the id no-such-fund.");
        expect(unknown.out).toMatch(/Funds:\n {2}\S+ {2}Thornbury Summer Fund 2026 \(3 grants\)/);

        const both = exportWith(env, ["--out", file("x.json"), "--fund", "a", "--round", "b"]);
        expect(both.code).toBe(2);
        expect(both.out).toContain("Give --fund or --round, not both.");

        const noOut = exportWith(env, []);
        expect(noOut.code).toBe(2);
        expect(noOut.out).toContain("Usage: npm run export:360giving -- --out FILE");
      },
    );
  }, 180_000);

  it("refuses to write a file that would fail the official schema, saying why (exit 1)", async () => {
    await withScratch(
      async () => {
        const { fund } = await seedPastEvent(await seedStaff(), new Date());
        // A currency code ISO 4217 does not have: every grant of the fund carries it.
        await db().fund.update({ where: { id: fund.id }, data: { currency: "ZZZ" } });
      },
      (env) => {
        const refused = exportWith(env, ["--out", file("invalid.json"), "--csv", file("invalid.csv")]);
        expect(refused.out).toContain("Nothing written: the file would not pass the official 360Giving schema.");
        expect(refused.out).toMatch(/Grant 360G-thornburytc-\S+, currency: is not a code the standard allows \(it is "ZZZ"\)\./);
        expect(refused.code).toBe(1);
        expect(existsSync(file("invalid.json"))).toBe(false);
        expect(existsSync(file("invalid.csv"))).toBe(false);
      },
    );
  }, 180_000);

  it("says there is nothing to publish when no fund has awards (exit 1)", async () => {
    await withScratch(
      async () => undefined,
      (env) => {
        const empty = exportWith(env, ["--out", file("empty.json")]);
        expect(empty.out).toContain("No fund has any awards yet, so there is nothing to publish.");
        expect(empty.code).toBe(1);
      },
    );
  }, 120_000);
});

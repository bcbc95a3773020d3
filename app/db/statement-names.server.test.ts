import { statementName } from "./statement-names.server";

describe("names for prepared statements", () => {
  it("gives one text one name, and different texts different names, within PostgreSQL's 63 characters", () => {
    const select = 'SELECT id FROM "Bid" WHERE id = $1';
    const name = statementName({ sql: select });
    expect(name).toMatch(/^pd_[\w-]+$/);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(statementName({ sql: `${select}` })).toBe(name);
    expect(statementName({ sql: 'SELECT id FROM "Bid" WHERE id = $2' })).not.toBe(name);
  });

  it("leaves texts unnamed past its cap, so a connection never holds an endless number of statements", () => {
    const names = Array.from({ length: 2_100 }, (_, n) => statementName({ sql: `SELECT ${n} AS n` }));
    expect(names.slice(0, 1_000).every((name) => name.startsWith("pd_"))).toBe(true);
    expect(names.slice(-50)).toEqual(Array(50).fill(""));
    expect(new Set(names.filter(Boolean)).size).toBe(names.filter(Boolean).length);
  });
});

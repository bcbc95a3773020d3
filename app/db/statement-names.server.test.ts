import { StatementNames } from "./statement-names.server";

describe("names for one connection's prepared statements", () => {
  it("gives one text one name, and different texts different names, within PostgreSQL's 63 characters", () => {
    const names = new StatementNames();
    const select = 'SELECT id FROM "Bid" WHERE id = $1';
    const name = names.nameFor(select);
    expect(name).toMatch(/^pd_[\w-]+$/);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(names.nameFor(`${select}`)).toBe(name);
    expect(names.nameFor('SELECT id FROM "Bid" WHERE id = $2')).not.toBe(name);
  });

  it("names the same text differently on another connection, which may share the database's session", () => {
    const text = 'SELECT id FROM "Bid" WHERE id = $1';
    expect(new StatementNames().nameFor(text)).not.toBe(new StatementNames().nameFor(text));
  });

  it("leaves texts unnamed past its cap, so a connection never holds an endless number of statements", () => {
    const connection = new StatementNames();
    const names = Array.from({ length: 2_100 }, (_, n) => connection.nameFor(`SELECT ${n} AS n`));
    expect(names.slice(0, 1_000).every((name) => name.startsWith("pd_"))).toBe(true);
    expect(names.slice(-50)).toEqual(Array(50).fill(""));
    expect(new Set(names.filter(Boolean)).size).toBe(names.filter(Boolean).length);
  });
});

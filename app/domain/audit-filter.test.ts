import { filterQuery, parseAuditFilter } from "~/domain/audit-filter";

const parse = (query: string) => parseAuditFilter(new URLSearchParams(query), "Europe/London");

describe("parseAuditFilter", () => {
  it("reads no filters as the whole log, first page", () => {
    expect(parse("")).toEqual({
      ok: true,
      values: { event: "", actor: "", action: "", from: "", to: "" },
      filter: { eventId: null, actorType: null, actorId: null, action: null, from: null, before: null, page: 1 },
    });
  });

  it("reads an actor as a kind of actor, or one actor of that kind", () => {
    expect(parse("actor=group")).toMatchObject({ ok: true, filter: { actorType: "group", actorId: null } });
    expect(parse("actor=user:clx123")).toMatchObject({ ok: true, filter: { actorType: "user", actorId: "clx123" } });
  });

  it("takes whole days in London: the range ends at the start of the day after the last", () => {
    // 1 July is in British Summer Time (UTC+1); 1 December is not.
    const result = parse("from=2027-07-01&to=2027-12-01");
    expect(result).toMatchObject({
      ok: true,
      filter: { from: new Date("2027-06-30T23:00:00Z"), before: new Date("2027-12-02T00:00:00Z") },
    });
  });

  it("crosses the end of a month and a year", () => {
    expect(parse("to=2027-12-31")).toMatchObject({ ok: true, filter: { before: new Date("2028-01-01T00:00:00Z") } });
  });

  it("keeps the filters on the page it reads", () => {
    expect(parse("event=e1&action=bid.declined&page=3")).toMatchObject({
      ok: true,
      filter: { eventId: "e1", action: "bid.declined", page: 3 },
      values: { event: "e1", action: "bid.declined" },
    });
  });

  it("treats a nonsense page number as the first page", () => {
    for (const page of ["0", "-2", "two", "1e9"]) expect(parse(`page=${page}`)).toMatchObject({ ok: true, filter: { page: 1 } });
  });

  it.each([
    ["from=2027-02-30", "from", "Enter the first date as a real date"],
    ["to=01/03/2027", "to", "Enter the last date as a real date"],
    ["from=2027-03-02&to=2027-03-01", "to", "The last date must be the same as or after the first date."],
    ["actor=robot", "actor", "Choose who did it from the list."],
    ["action=DROP TABLE", "action", "Choose an action from the list."],
  ])("refuses %s with a message next to the field", (query, field, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors[field]).toContain(message);
  });

  it("gives back what was typed when it refuses, so nothing is lost", () => {
    expect(parse("from=2027-02-30&action=bid.declined")).toMatchObject({ ok: false, values: { from: "2027-02-30", action: "bid.declined" } });
  });
});

describe("filterQuery", () => {
  it("leaves out empty filters and the first page", () => {
    expect(filterQuery({ event: "", actor: "user:u1", action: "", from: "2027-03-01", to: "" })).toBe("?actor=user%3Au1&from=2027-03-01");
    expect(filterQuery({ action: "bid.declined" }, 2)).toBe("?action=bid.declined&page=2");
    expect(filterQuery({})).toBe("");
  });
});

import { asRecordId, routeParam } from "~/utils/route-params";

const status = (run: () => unknown) => {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  return "accepted";
};

describe("routeParam", () => {
  it("passes the shapes the app makes", () => {
    expect(routeParam({ eventId: "cmxc3fb4f001vj87dss5503h7" }, "eventId")).toBe("cmxc3fb4f001vj87dss5503h7");
    expect(routeParam({ id: "0b7f9f0e-5d1c-4f4e-9a57-2f2b1c0f7a11" }, "id", "uuid")).toBe("0b7f9f0e-5d1c-4f4e-9a57-2f2b1c0f7a11");
    expect(routeParam({ slug: "spring-2027" }, "slug", "slug")).toBe("spring-2027");
  });

  it("answers 404 for a NUL, an over-long value, another alphabet or nothing at all", () => {
    for (const value of ["\u0000", "cmxc3fb4f001vj87dss5503h7\u0000", "a".repeat(300), "CMXC3FB4F001VJ87DSS5503H7", "../../etc/passwd", "' OR 1=1 --", "😀".repeat(10), "", undefined]) {
      expect(status(() => routeParam({ eventId: value }, "eventId"))).toBe(404);
    }
    for (const value of ["Spring", "a--b", "-a", "a".repeat(61), "a\u0000"]) expect(status(() => routeParam({ slug: value }, "slug", "slug"))).toBe(404);
    expect(status(() => routeParam({ id: "cmxc3fb4f001vj87dss5503h7" }, "id", "uuid"))).toBe(404);
  });
});

describe("asRecordId", () => {
  it("keeps an id and turns anything else into an empty string", () => {
    expect(asRecordId("cmxc3fb4f001vj87dss5503h7")).toBe("cmxc3fb4f001vj87dss5503h7");
    expect(asRecordId("x\u0000")).toBe("");
    expect(asRecordId(null)).toBe("");
  });
});

import { ALL_PERMISSIONS, ROLES, can, rolesWith, type Permission, type Role } from "~/domain/permissions";

// The whole map written out again by hand: a change to who may do what must change this table
// too, on purpose.
const EXPECTED: Record<Permission, Role[]> = {
  "user:manage": ["ADMIN"],
  "fund:read": ["ADMIN", "ORGANISER", "FUNDER", "AUDITOR"],
  "fund:manage": ["ORGANISER"],
  "bid:read": ["ORGANISER", "FUNDER", "AUDITOR"],
  "bid:shortlist": ["ORGANISER"],
  "bid:export": ["ORGANISER", "FUNDER", "AUDITOR"],
  "event:read": ["ORGANISER", "FUNDER", "AUDITOR"],
  "event:manage": ["ORGANISER"],
  "event:run": ["ORGANISER"],
  "decision:make": ["FUNDER"],
  "award:issue": ["FUNDER"],
  "payment:request": ["FUNDER"],
  "payment:approve": ["FUNDER"],
  "grant:read": ["ORGANISER", "FUNDER", "AUDITOR"],
  "grant:review": ["FUNDER"],
  "audit:read": ["AUDITOR", "ADMIN"],
  "audit:checkpoint": ["AUDITOR", "ADMIN", "FUNDER"],
  "personal-data:export": ["ORGANISER", "ADMIN"],
  "personal-data:erase": ["ORGANISER", "ADMIN"],
};

const cases = ROLES.flatMap((role) => ALL_PERMISSIONS.map((permission) => [role, permission] as const));

describe("can", () => {
  it("has an expectation for every permission and nothing more", () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)("%s: %s", (role, permission) => {
    const expected = EXPECTED[permission].includes(role);
    expect(can({ id: "u1", roles: [role] }, permission)).toBe(expected);
    expect(rolesWith(permission).includes(role)).toBe(expected);
  });

  it("gives someone with several roles everything each role allows", () => {
    const both = { id: "u1", roles: ["ORGANISER", "AUDITOR"] as Role[] };
    for (const permission of ALL_PERMISSIONS) {
      const expected = EXPECTED[permission].includes("ORGANISER") || EXPECTED[permission].includes("AUDITOR");
      expect([permission, can(both, permission)]).toEqual([permission, expected]);
    }
  });

  it("allows nothing to nobody, or to an account with no roles", () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
      expect(can({ id: "u1", roles: [] }, permission)).toBe(false);
    }
  });
});

describe("four eyes on payments", () => {
  const funder = { id: "fran", roles: ["FUNDER"] as Role[] };

  it("lets a second funder approve a payment someone else decided and requested", () => {
    expect(can(funder, "payment:approve", { decidedById: "frank", requestedById: "frank" })).toBe(true);
  });

  it("stops the funder who decided the award from approving its payment", () => {
    expect(can(funder, "payment:approve", { decidedById: "fran", requestedById: "frank" })).toBe(false);
  });

  it("stops the funder who requested the payment from approving it", () => {
    expect(can(funder, "payment:approve", { decidedById: "frank", requestedById: "fran" })).toBe(false);
  });

  it("does not let an admin or an organiser approve even when they touched nothing", () => {
    const subject = { decidedById: "frank", requestedById: "frank" };
    expect(can({ id: "ada", roles: ["ADMIN"] }, "payment:approve", subject)).toBe(false);
    expect(can({ id: "olu", roles: ["ORGANISER"] }, "payment:approve", subject)).toBe(false);
  });

  it("applies only to approval: the deciding funder may still request the payment", () => {
    expect(can(funder, "payment:request", { decidedById: "fran", requestedById: null })).toBe(true);
  });
});

describe("personal data", () => {
  it("lets organisers and admins export or erase a group's contact details, and no one else", () => {
    for (const permission of ["personal-data:export", "personal-data:erase"] as const) {
      expect(can({ id: "olu", roles: ["ORGANISER"] }, permission)).toBe(true);
      expect(can({ id: "ada", roles: ["ADMIN"] }, permission)).toBe(true);
      expect(can({ id: "aud", roles: ["AUDITOR"] }, permission)).toBe(false);
      expect(can({ id: "fran", roles: ["FUNDER"] }, permission)).toBe(false);
    }
  });
});

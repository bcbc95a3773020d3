import { ROLE_LABELS } from "~/domain/permissions";
import { inviteRows, staffUserRows, staffUsersNotice } from "./staff-users-page";

describe("the admin's list of staff", () => {
  it("confirms what was done, and warns when nothing changed", () => {
    expect(staffUsersNotice(new URLSearchParams("notice=invited"))).toEqual({ text: "Invite sent. The link in it works for 7 days.", done: true });
    expect(staffUsersNotice(new URLSearchParams("notice=account-exists"))?.done).toBe(false);
    expect(staffUsersNotice(new URLSearchParams("notice=nonsense"))).toBeNull();
  });

  it("names roles in words and says when each account was last active, in UK time", () => {
    const [ann, bob] = staffUserRows([
      { id: "u1", name: "Ann", email: "ann@example.org", roles: ["ORGANISER", "FUNDER"], disabledAt: null, lastSeenAt: new Date("2027-07-01T12:30:00Z") },
      { id: "u2", name: "Bob", email: "bob@example.org", roles: ["AUDITOR"], disabledAt: new Date("2027-06-01T09:00:00Z"), lastSeenAt: null },
    ]);
    expect(ann.roles).toEqual([ROLE_LABELS.ORGANISER, ROLE_LABELS.FUNDER]);
    expect(ann).toMatchObject({ disabled: false, lastSeen: expect.stringMatching(/13:30/) });
    expect(bob).toMatchObject({ disabled: true, lastSeen: null });
  });

  it("shows when an invite's link stops working, and whether it already has", () => {
    const [open] = inviteRows([
      { id: "i1", name: "Cy", email: "cy@example.org", roles: ["ADMIN"], invitedBy: "Ann", expiresAt: new Date("2027-01-08T10:00:00Z"), expired: true },
    ]);
    expect(open).toMatchObject({ roles: [ROLE_LABELS.ADMIN], invitedBy: "Ann", expired: true, expires: expect.stringMatching(/10:00/) });
  });
});

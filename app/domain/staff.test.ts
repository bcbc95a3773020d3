import { parseForm } from "~/utils/forms";
import { LOGIN_ERROR, tooManyAttemptsMessage, describeAccountEvent } from "~/domain/staff";
import { acceptInviteSchema, inviteSchema, loginSchema, newUserSchema, passwordChangeSchema, roleChangeSchema } from "~/domain/staff-forms";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("loginSchema", () => {
  it("normalises the email and leaves the password exactly as typed", () => {
    const result = parseForm(loginSchema, form([["email", "  Ann@Example.ORG "], ["password", " secret with spaces "]]));
    expect(result).toMatchObject({ ok: true, data: { email: "ann@example.org", password: " secret with spaces " } });
  });

  it("says which field is empty and keeps what was typed", () => {
    const result = parseForm(loginSchema, form([["email", "ann@example.org"], ["password", ""]]));
    expect(result).toEqual({
      ok: false,
      errors: { password: "Enter your password" },
      values: { email: "ann@example.org", password: "" },
    });
    expect(parseForm(loginSchema, form([["email", ""], ["password", "x"]]))).toMatchObject({
      ok: false,
      errors: { email: "Enter your email address" },
    });
  });

  it("asks for a real email address", () => {
    expect(parseForm(loginSchema, form([["email", "ann at example"], ["password", "x"]]))).toMatchObject({
      errors: { email: "Enter an email address in the correct format, like name@example.org" },
    });
  });

  it("gives only the generic message for an absurdly long password", () => {
    expect(parseForm(loginSchema, form([["email", "a@b.org"], ["password", "x".repeat(1_001)]]))).toMatchObject({
      errors: { password: LOGIN_ERROR },
    });
  });
});

describe("inviteSchema and roleChangeSchema", () => {
  it("reads several ticked roles in a fixed order without repeats", () => {
    const result = parseForm(
      inviteSchema,
      form([["email", "Bo@Example.org"], ["name", " Bo Diaz "], ["roles", "FUNDER"], ["roles", "ORGANISER"], ["roles", "FUNDER"]]),
    );
    expect(result).toMatchObject({ ok: true, data: { email: "bo@example.org", name: "Bo Diaz", roles: ["ORGANISER", "FUNDER"] } });
  });

  it("reads a single ticked role", () => {
    expect(parseForm(roleChangeSchema, form([["roles", "AUDITOR"]]))).toMatchObject({ ok: true, data: { roles: ["AUDITOR"] } });
  });

  it("asks for at least one role, and refuses roles that do not exist", () => {
    expect(parseForm(roleChangeSchema, form([]))).toMatchObject({ ok: false, errors: { roles: "Select at least one role" } });
    expect(parseForm(roleChangeSchema, form([["roles", "SUPERUSER"]]))).toMatchObject({
      ok: false,
      errors: { roles: "Select roles from the list" },
    });
  });

  it("reports every missing field at once", () => {
    const result = parseForm(inviteSchema, form([["email", ""], ["name", "  "]]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        email: "Enter their email address",
        name: "Enter their full name",
        roles: "Select at least one role",
      });
    }
  });
});

describe("acceptInviteSchema", () => {
  const schema = acceptInviteSchema({ email: "cat@example.org" });

  it("accepts a name and a matching good password", () => {
    const result = parseForm(schema, form([["name", "Cat Ng"], ["password", "tidal marmalade kite"], ["confirmPassword", "tidal marmalade kite"]]));
    expect(result).toMatchObject({ ok: true, data: { name: "Cat Ng", password: "tidal marmalade kite" } });
  });

  it("explains short passwords, the email as password, and a mismatch", () => {
    expect(parseForm(schema, form([["name", "Cat"], ["password", "short"], ["confirmPassword", "short"]]))).toMatchObject({
      errors: { password: "Password must be 12 characters or more" },
    });
    expect(parseForm(schema, form([["name", "Cat"], ["password", "cat@example.org"], ["confirmPassword", "cat@example.org"]]))).toMatchObject({
      errors: { password: "Password must not be your email address" },
    });
    expect(parseForm(schema, form([["name", "Cat"], ["password", "tidal marmalade kite"], ["confirmPassword", "tidal marmalade"]]))).toMatchObject({
      errors: { confirmPassword: "Enter the same password in both fields" },
    });
  });

  it("shows the name and password problems together", () => {
    const result = parseForm(schema, form([["name", ""], ["password", ""]]));
    expect(result).toMatchObject({ ok: false, errors: { name: "Enter your name", password: "Enter a password" } });
  });

  it("refuses the name just typed as the password", () => {
    expect(parseForm(schema, form([["name", "Catherine Ngozi"], ["password", "catherine ngozi"], ["confirmPassword", "catherine ngozi"]]))).toMatchObject({
      errors: { password: "Password must not be your name" },
    });
  });
});

describe("passwordChangeSchema", () => {
  const schema = passwordChangeSchema({ email: "dee@example.org", name: "Dee Okafor" });

  it("needs the current password", () => {
    expect(parseForm(schema, form([["currentPassword", ""], ["newPassword", "a lovely long phrase"], ["confirmPassword", "a lovely long phrase"]]))).toMatchObject({
      errors: { currentPassword: "Enter your current password" },
    });
  });

  it("refuses a new password equal to the current one", () => {
    expect(parseForm(schema, form([["currentPassword", "a lovely long phrase"], ["newPassword", "a lovely long phrase"], ["confirmPassword", "a lovely long phrase"]]))).toMatchObject({
      errors: { newPassword: "Your new password must be different from your current one" },
    });
  });

  it("applies the password policy with the person's own details", () => {
    expect(parseForm(schema, form([["currentPassword", "old one"], ["newPassword", "Dee Okafor"], ["confirmPassword", "Dee Okafor"]]))).toMatchObject({
      errors: { newPassword: "Password must be 12 characters or more" },
    });
    expect(parseForm(schema, form([["currentPassword", "old one"], ["newPassword", "dee@example.org"], ["confirmPassword", "dee@example.org"]]))).toMatchObject({
      errors: { newPassword: "Password must not be your email address" },
    });
  });
});

describe("newUserSchema (command line)", () => {
  it("takes roles from a list and checks the password against the email", () => {
    const ok = newUserSchema().safeParse({ email: "E@x.org", name: "Eve", roles: ["ORGANISER", "FUNDER"], password: "quiet orchard lamp" });
    expect(ok.success && ok.data).toEqual({ email: "e@x.org", name: "Eve", roles: ["ORGANISER", "FUNDER"], password: "quiet orchard lamp" });
    const weak = newUserSchema().safeParse({ email: "e@x.org", name: "Eve", roles: ["ADMIN"], password: "password1234" });
    expect(weak.success).toBe(false);
    expect(weak.error?.issues[0]).toMatchObject({ path: ["password"] });
  });
});

describe("tooManyAttemptsMessage", () => {
  it("says roughly when to try again, in whole minutes rounded up", () => {
    expect(tooManyAttemptsMessage(14 * 60 + 1)).toBe("Too many attempts with the wrong password. Wait about 15 minutes, then try again.");
    expect(tooManyAttemptsMessage(61)).toMatch("Wait about 2 minutes");
    expect(tooManyAttemptsMessage(60)).toMatch("Wait about 1 minute,");
    expect(tooManyAttemptsMessage(0)).toMatch("Wait about 1 minute,");
  });
});

describe("describeAccountEvent", () => {
  it.each([
    ["user.created", { roles: ["ADMIN"], via: "invite" }, "Account created by accepting an invite"],
    ["user.created", { roles: ["ADMIN"], via: "cli" }, "Account created on the command line"],
    ["user.roles_changed", { from: ["ORGANISER"], to: ["ORGANISER", "FUNDER"] }, "Roles changed from Organiser to Organiser, Funder"],
    ["user.roles_changed", { from: [], to: ["AUDITOR"] }, "Roles changed from no roles to Auditor"],
    ["user.disabled", { sessionsEnded: 1 }, "Account disabled; 1 session ended"],
    ["user.disabled", { sessionsEnded: 0 }, "Account disabled; 0 sessions ended"],
    ["user.enabled", {}, "Account enabled"],
    ["user.signed_out_everywhere", { sessionsEnded: 3 }, "Signed out everywhere; 3 sessions ended"],
    ["user.password_changed", {}, "Password changed"],
    ["user.something_new", {}, "user.something_new"],
  ])("%s %j reads %p", (action, payload, expected) => {
    expect(describeAccountEvent(action, payload)).toBe(expected);
  });
});

import { passwordResetDoneMail, resetLinkMail } from "~/domain/mail/password-reset-mail";
import { describePasswordResetEvent, tooManyResetRequestsMessage } from "~/domain/password-reset";
import { forgotPasswordSchema, newPasswordSchema } from "~/domain/staff-forms";
import { parseForm } from "~/utils/forms";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

const ann = { email: "ann.lee@example.org", name: "Ann Lee" };

describe("forgotPasswordSchema", () => {
  it("normalises the address", () => {
    expect(parseForm(forgotPasswordSchema, form({ email: "  Ann.Lee@Example.ORG " }))).toMatchObject({
      ok: true,
      data: { email: "ann.lee@example.org" },
    });
  });

  it("says what to do when the address is missing or not an address, keeping what was typed", () => {
    expect(parseForm(forgotPasswordSchema, form({ email: "" }))).toMatchObject({ ok: false, errors: { email: "Enter your email address" } });
    expect(parseForm(forgotPasswordSchema, form({ email: "ann at example" }))).toEqual({
      ok: false,
      errors: { email: "Enter an email address in the correct format, like name@example.org" },
      values: { email: "ann at example" },
    });
  });
});

describe("newPasswordSchema", () => {
  const schema = newPasswordSchema(ann);

  it("accepts a long password typed twice, exactly as typed", () => {
    expect(parseForm(schema, form({ password: " copper lantern meadow ", confirmPassword: " copper lantern meadow " }))).toMatchObject({
      ok: true,
      data: { password: " copper lantern meadow " },
    });
  });

  it("applies the invite policy with the person's own details", () => {
    const problem = (password: string) => parseForm(schema, form({ password, confirmPassword: password }));
    expect(problem("")).toMatchObject({ errors: { password: "Enter a password" } });
    expect(problem("short one")).toMatchObject({ errors: { password: "Password must be 12 characters or more" } });
    expect(problem("Ann.Lee@example.org")).toMatchObject({ errors: { password: "Password must not be your email address" } });
    expect(problem("password1234")).toMatchObject({
      errors: { password: "Choose a password that is harder to guess, for example three random words" },
    });
  });

  it("asks for the same password twice, and only once the password itself is acceptable", () => {
    expect(parseForm(schema, form({ password: "copper lantern meadow", confirmPassword: "copper lantern meadows" }))).toMatchObject({
      ok: false,
      errors: { confirmPassword: "Enter the same password in both fields" },
    });
    expect(parseForm(schema, form({ password: "copper lantern meadow" }))).toMatchObject({
      errors: { confirmPassword: "Enter the same password in both fields" },
    });
    const both = parseForm(schema, form({ password: "short", confirmPassword: "other" }));
    expect(both.ok ? {} : both.errors).toEqual({ password: "Password must be 12 characters or more" });
  });
});

describe("messages", () => {
  it("says how long to wait in whole minutes, never zero", () => {
    expect(tooManyResetRequestsMessage(1)).toMatch(/^Too many links have been asked for\. Wait about 1 minute, then try again\./);
    expect(tooManyResetRequestsMessage(2_401)).toContain("Wait about 41 minutes");
  });

  it("writes the link email for a request from the sign-in page and for one from an admin", () => {
    const expiresAt = new Date("2027-07-01T16:30:00Z");
    const self = resetLinkMail({ name: "Ann Lee", link: "https://pitchday.example/password/reset/abc", expiresAt, sentBy: null });
    expect(self.subject).toBe("Choose a new Pitchday password");
    expect(self.text).toContain("Someone asked for a link to choose a new password");
    expect(self.text).toContain("https://pitchday.example/password/reset/abc");
    // British Summer Time: 16:30 UTC is 17:30 in London.
    expect(self.text).toMatch(/until 1 July 2027.*17:30/);
    const admin = resetLinkMail({ name: "Ann Lee", link: "https://x/y", expiresAt, sentBy: "Ada Admin" });
    expect(admin.text).toContain("Ada Admin has sent you a link");
    expect(passwordResetDoneMail({ name: "Ann Lee", at: expiresAt }).text).toContain("tell your Pitchday administrator");
  });

  it("describes the reset actions in an account's history, and nothing else", () => {
    expect(describePasswordResetEvent("user.password_reset_requested", { by: "admin" })).toBe("Password reset link sent");
    expect(describePasswordResetEvent("user.password_reset_requested", { by: "self" })).toBe(
      "Password reset link asked for on the sign-in page",
    );
    expect(describePasswordResetEvent("user.password_reset", { sessionsEnded: 1 })).toBe(
      "Password reset with an emailed link; 1 session ended",
    );
    expect(describePasswordResetEvent("user.password_reset", { sessionsEnded: 0 })).toBe(
      "Password reset with an emailed link; 0 sessions ended",
    );
    expect(describePasswordResetEvent("user.disabled", { sessionsEnded: 1 })).toBeNull();
  });
});

import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, STAFF, expectAccessible, latestMailTo, loginAs, signOut } from "./fixtures";

// Staff accounts from the outside: signing in, an admin inviting a colleague who sets their own
// password, disabling that colleague, and signing out everywhere. Failed sign-ins are kept few
// here: every spec shares the server and its per-address allowance.

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const signOutButton = (page: Page) => page.getByRole("banner").getByRole("button", { name: /Sign out/ });

test("a wrong password shows one clear error, keeps the email, and passes axe", async ({ page }) => {
  await signIn(page, STAFF.organiser, "not-the-password");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter a correct email address and password" })).toHaveAttribute(
    "href",
    "#field-email",
  );
  await expect(page.getByLabel("Email address")).toHaveValue(STAFF.organiser);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.locator(".field--error")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

test("an organiser signs in and lands on the staff home page, and the browser is trusted for next time", async ({ page }) => {
  await signIn(page, STAFF.organiser, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(signOutButton(page)).toBeVisible();
  const device = (await page.context().cookies()).find((c) => c.name === "pd_device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/login" });
});

test("after five wrong passwords the page says how long to wait, at once, and keeps the email", async ({ page }) => {
  // An address with no account: sign-in is slowed the same way whether or not it exists.
  const email = `nobody-${Date.now()}@example.org`;
  for (let i = 0; i < 5; i += 1) {
    await signIn(page, email, `guess number ${i}`);
    await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
  }
  await signIn(page, email, "guess number 5");
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: /^Too many attempts with the wrong password\. Try again in \d+ seconds?\.$/ })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expectAccessible(page);
});

test("signing in sends you back to the page you asked for, but never to another site", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await page.getByLabel("Email address").fill(STAFF.auditor);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/login?redirectTo=//evil.example/phish");
  await expect(page).toHaveURL(/\/staff$/);
});

test("someone without the admin role cannot open the users pages", async ({ page }) => {
  await loginAs(page, "funder");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You cannot do this" })).toBeVisible();
});

test("signing out everywhere ends the session on another device too", async ({ browser }) => {
  const laptop = await signedIn(browser, STAFF.organiser, DEMO_PASSWORD);
  const phone = await signedIn(browser, STAFF.organiser, DEMO_PASSWORD);
  await laptop.goto("/account");
  await expect(laptop.getByRole("row", { name: /This device/ })).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/login/);
  await expect(laptop.getByRole("status")).toContainText("You have been signed out on every device");
  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await laptop.context().close();
  await phone.context().close();
});

async function signedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(signOutButton(page)).toBeVisible();
  return page;
}

test.describe.serial("an invited colleague", () => {
  const colleague = { email: `casey.${Date.now()}@example.org`, name: "Casey Invited", password: "lantern meadow copper" };

  test("an admin invites them; they accept from the email, choose a password and can sign in", async ({ page }) => {
    await loginAs(page, "admin", "/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expectAccessible(page);

    // Nothing ticked: every problem is listed and what was typed stays.
    await page.getByLabel("Email address").fill(colleague.email);
    await page.getByRole("button", { name: "Send invite" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter their full name");
    await expect(page.getByRole("alert")).toContainText("Select at least one role");
    await expect(page.getByLabel("Email address")).toHaveValue(colleague.email);
    await expectAccessible(page);

    await page.getByLabel("Full name").fill("Casey");
    await page.getByRole("checkbox", { name: /Organiser/ }).check();
    await page.getByRole("checkbox", { name: /Funder/ }).check();
    await page.getByRole("button", { name: "Send invite" }).click();
    await expect(page.getByRole("status")).toContainText("Invite sent");
    await expect(page.getByRole("row", { name: new RegExp(colleague.email.replace(/\./g, "\\.")) })).toContainText("Organiser, Funder");

    const mail = await latestMailTo(page, colleague.email);
    const link = (await mail.textContent())?.match(/https?:\/\/[^\s]+\/invite\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();
    await signOut(page);

    await page.goto(new URL(link!).pathname);
    await expect(page.getByRole("heading", { level: 1, name: "Set up your Pitchday account" })).toBeVisible();
    await expect(page.getByText(colleague.email)).toBeVisible();
    await expect(page.getByLabel("Your name")).toHaveValue("Casey");
    await page.getByLabel("Your name").fill(colleague.name);
    await page.getByLabel("Choose a password").fill("short");
    await page.getByLabel("Type the password again").fill("short");
    await page.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("Password must be 12 characters or more");
    await expect(page.getByLabel("Your name")).toHaveValue(colleague.name);
    await expectAccessible(page);

    await page.getByLabel("Choose a password").fill(colleague.password);
    await page.getByLabel("Type the password again").fill(colleague.password);
    await page.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(signOutButton(page)).toBeVisible();

    // The link works once.
    await signOut(page);
    await page.goto(new URL(link!).pathname);
    await expect(page.getByRole("heading", { level: 1, name: "This invite link has already been used" })).toBeVisible();

    await signIn(page, colleague.email, colleague.password);
    await expect(page).toHaveURL(/\/staff$/);
    await signOut(page);
  });

  test("an admin disables them: they are signed out at once and cannot sign in", async ({ browser, page }) => {
    const theirs = await signedIn(browser, colleague.email, colleague.password);

    await loginAs(page, "admin", "/admin/users");
    await page.getByRole("link", { name: colleague.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: colleague.name })).toBeVisible();
    await expect(page.getByText("They are signed in on 1 device.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Disable account" }).click();
    await expect(page.getByRole("status")).toContainText("Account disabled");
    await expect(page.getByText("They are not signed in anywhere.")).toBeVisible();
    await expect(page.getByRole("row", { name: /Account disabled; 1 session ended/ })).toContainText("Ada Admin");

    await theirs.goto("/account");
    await expect(theirs).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
    await signIn(theirs, colleague.email, colleague.password);
    await expect(theirs.getByRole("alert")).toContainText("Enter a correct email address and password");
    await theirs.context().close();

    await page.goto("/admin/users");
    await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toContainText("Disabled");
  });
});

test("the only admin cannot remove their own admin role", async ({ page }) => {
  await loginAs(page, "admin", "/admin/users");
  await page.getByRole("link", { name: "Ada Admin" }).click();
  // why: the users page has role checkboxes too (the invite form); wait until we have left it.
  await expect(page.getByRole("heading", { level: 1, name: "Ada Admin (you)" })).toBeVisible();
  await page.getByRole("checkbox", { name: /Administrator/ }).uncheck();
  await page.getByRole("checkbox", { name: /Auditor/ }).check();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByRole("alert")).toContainText("You are the only active administrator");
  await expect(page.getByRole("checkbox", { name: /Auditor/ })).toBeChecked();
  await page.goto(page.url());
  await expect(page.getByRole("checkbox", { name: /Administrator/ })).toBeChecked();
});

import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, latestMailTo, loginAs, signOut } from "./fixtures";

// A forgotten password from the outside: asking for a link on the sign-in page, following it
// from the email, choosing a new password (which signs every other device out), and an admin
// sending a link. The person is a fresh colleague, so the demo accounts keep their passwords.

const colleague = {
  email: `robin.reset.${Date.now()}@example.org`,
  name: "Robin Reset",
  password: "harbour violet anchor",
  newPassword: "juniper thimble orbit",
};

const signOutButton = (page: Page) => page.getByRole("banner").getByRole("button", { name: /Sign out/ });

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newDevice(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** The path of the newest link of `kind` emailed to `email`, read from the development outbox. */
async function mailedLink(page: Page, email: string, kind: "invite" | "password/reset") {
  const mail = await latestMailTo(page, email);
  const link = (await mail.textContent())?.match(new RegExp(`https?://[^\\s]+/${kind}/[A-Za-z0-9_-]+`))?.[0];
  expect(link, `a ${kind} link in the newest email to ${email}`).toBeTruthy();
  return { mail, path: new URL(link!).pathname };
}

test.describe.serial("a forgotten password", () => {
  test("an admin invites the colleague, who sets a first password", async ({ page }) => {
    await loginAs(page, "admin", "/admin/users");
    await page.getByLabel("Email address").fill(colleague.email);
    await page.getByLabel("Full name").fill(colleague.name);
    await page.getByRole("checkbox", { name: /Organiser/ }).check();
    await page.getByRole("button", { name: "Send invite" }).click();
    await expect(page.getByRole("status")).toContainText("Invite sent");
    const { path } = await mailedLink(page, colleague.email, "invite");
    await signOut(page);

    await page.goto(path);
    await page.getByLabel("Choose a password").fill(colleague.password);
    await page.getByLabel("Type the password again").fill(colleague.password);
    await page.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(page).toHaveURL(/\/staff$/);
  });

  test("they ask for a link on the sign-in page, choose a new password from the email and are signed in", async ({ browser, page }) => {
    // Signed in on another device before the reset: that session must end.
    const laptop = await newDevice(browser);
    await signIn(laptop, colleague.email, colleague.password);
    await expect(signOutButton(laptop)).toBeVisible();

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Forgotten your password?" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#field-email");
    await expectAccessible(page);

    // An address with no account gets exactly the same answer.
    await page.getByLabel("Email address").fill("nobody.at.all@example.org");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("If an account exists for nobody.at.all@example.org, we have sent a link to that address.");
    await page.getByRole("link", { name: "ask again with the right address" }).click();

    await page.getByLabel("Email address").fill(colleague.email.toUpperCase());
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status")).toHaveText(`If an account exists for ${colleague.email}, we have sent a link to that address.`);
    await expectAccessible(page);

    const { mail, path } = await mailedLink(page, colleague.email, "password/reset");
    await expect(mail).toContainText("Choose a new Pitchday password");
    await expect(mail).toContainText("Someone asked for a link to choose a new password");

    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expect(page.getByText(colleague.email)).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("New password", { exact: true }).fill(colleague.newPassword);
    await page.getByLabel("Type the new password again").fill("juniper thimble orbits");
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter the same password in both fields");
    await expect(page.locator(".field--error")).toHaveCount(1);
    await expectAccessible(page);

    await page.getByLabel("New password", { exact: true }).fill(colleague.newPassword);
    await page.getByLabel("Type the new password again").fill(colleague.newPassword);
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await expect(page).toHaveURL(/\/account\?notice=password-changed$/);
    await expect(page.getByRole("status")).toContainText("Your password has been changed");
    await expect(page.getByRole("row", { name: /This device/ })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2); // the header and this device only

    await laptop.goto("/account");
    await expect(laptop).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
    await laptop.context().close();

    // The link is used up.
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
    await expect(page.getByRole("link", { name: "ask for a new link" })).toHaveAttribute("href", "/password/forgot");

    // The old password is refused; the new one works.
    await signOut(page);
    await signIn(page, colleague.email, colleague.password);
    await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
    await page.getByLabel("Password").fill(colleague.newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/staff$/);
  });

  test("an admin sends them a link from their user page", async ({ page }) => {
    await loginAs(page, "admin", "/admin/users");
    await page.getByRole("link", { name: colleague.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: colleague.name })).toBeVisible();
    await expect(page.getByRole("row", { name: /Password reset with an emailed link; 2 sessions ended/ })).toContainText("Themselves");
    await page.getByRole("button", { name: `Send a password reset link to ${colleague.name}` }).click();
    await expect(page.getByRole("status")).toContainText("Password reset link sent");
    await expect(page.getByRole("row", { name: /Password reset link sent/ })).toContainText("Ada Admin");
    await expectAccessible(page);

    const { mail, path } = await mailedLink(page, colleague.email, "password/reset");
    await expect(mail).toContainText("Ada Admin has sent you a link to choose a new password");
    await signOut(page);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  });
});

test("a link that was never sent explains itself and offers a new one", async ({ page }) => {
  const response = await page.goto("/password/reset/not-a-link-we-sent");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "ask for a new link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgotten your password?" })).toBeVisible();
});

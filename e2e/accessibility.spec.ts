import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// Every open page passes axe at every impact level, with JavaScript on and off (a phone with
// scripts blocked, or before they load), and again once an error is showing. "Off" blocks the
// app's scripts rather than the browser's JavaScript, which axe itself needs to run: the page
// is the server's HTML, never hydrated, and its forms post as plain forms.
// The live phone pages are checked in panellist-and-audience.spec.ts and keyboard.spec.ts.

const OPEN_PAGES = ["/", "/rounds", "/rounds/spring-2027", "/rounds/spring-2027/apply", "/vote", "/results", "/login", "/no-such-page"];

async function checkEach(page: Page) {
  for (const path of OPEN_PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await test.step(path, () => expectAccessible(page));
  }
}

async function showApplyErrors(page: Page) {
  await page.goto("/rounds/spring-2027/apply");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expectAccessible(page);
}

async function showTicketError(page: Page) {
  await page.goto("/vote");
  await page.getByRole("textbox").first().fill("NOPE");
  await page.getByRole("textbox").first().press("Enter");
  await expect(page.locator(".error-message, .error-summary").first()).toBeVisible();
  await expectAccessible(page);
}

test.describe("with JavaScript on", () => {
  test("every open page passes axe at every level", async ({ page }) => checkEach(page));
  test("the apply form passes axe with its errors showing", async ({ page }) => showApplyErrors(page));
  test("the vote page passes axe with a wrong code's error showing", async ({ page }) => showTicketError(page));
});

test.describe("with JavaScript off", () => {
  test.beforeEach(async ({ page }) => {
    await page.route(/\.js(\?|$)/, (route) => route.abort());
  });
  test("every open page passes axe at every level", async ({ page }) => checkEach(page));
  test("the apply form passes axe with its errors showing", async ({ page }) => showApplyErrors(page));
  test("the vote page passes axe with a wrong code's error showing", async ({ page }) => showTicketError(page));
});

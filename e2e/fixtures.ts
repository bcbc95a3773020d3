import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";

// Shared helpers for the journeys: sign in as a demo staff member (seeded by prisma/seed),
// read the development mail outbox, and check a page with axe.

export const DEMO_PASSWORD = "pitchday-demo-2026";
export const STAFF = {
  admin: "admin@pitchday.test",
  organiser: "organiser@pitchday.test",
  funder: "funder@pitchday.test",
  funder2: "funder2@pitchday.test",
  auditor: "auditor@pitchday.test",
} as const;

export async function loginAs(page: Page, who: keyof typeof STAFF, redirectTo?: string) {
  await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
  await page.getByLabel("Email address").fill(STAFF[who]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: /Sign out/ })).toBeVisible();
}

/**
 * axe reports no WCAG 2.x A/AA violation on the page as it is now, at any impact level (minor
 * and moderate fail as well as serious and critical), nor any of axe's best-practice findings.
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.impact ?? "unrated"} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/**
 * axe on the page a browser without JavaScript shows: axe itself needs JavaScript, so the page's
 * HTML (its scripts taken out) is checked in a second page of the same site, with its styles.
 */
export async function expectAccessibleWithoutJs(browser: Browser, page: Page) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: test.info().project.use.baseURL });
  const checker = await context.newPage();
  await checker.goto("/healthz");
  await checker.setContent(html, { waitUntil: "load" });
  await expectAccessible(checker);
  await context.close();
}

/** The newest message to `to` in the development outbox (/dev/mail), as text. */
export async function latestMailTo(page: Page, to: string) {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  const message = page.locator("article.mail").first();
  await expect(message).toBeVisible();
  return message;
}

/** The one message to `to` in the development outbox (/dev/mail) with exactly this subject. */
export async function mailTo(page: Page, to: string, subject: string) {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  const message = page.locator("article.mail").filter({ has: page.getByRole("heading", { level: 2, name: subject, exact: true }) });
  await expect(message).toHaveCount(1);
  return { subject, body: (await message.locator(".mail__body").textContent()) ?? "" };
}

/** Signs out from the header and waits until the sign-out has happened. */
export async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: /Sign out/ }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Staff sign in" })).toBeVisible();
}

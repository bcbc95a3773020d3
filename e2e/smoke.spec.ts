import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

test("the home page loads with security headers and passes axe", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test("health check names the database engine", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database).toBe(process.env.DATABASE_URL ? "postgresql" : "pglite");
});

test("an unknown address shows a friendly 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("a form post from another site is refused", async ({ request }) => {
  const response = await request.post("/logout", { headers: { Origin: "https://evil.example" } });
  expect(response.status()).toBe(403);
});

test("an oversized request gets a 413 with a message, not a 500", async ({ request }) => {
  const response = await request.post("/logout", { data: "x".repeat(1_100_000), headers: { "Content-Type": "text/plain" } });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(/too large/);
});

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

test("an oversized form gets a 413 with a message, and a body that is not a form a 415, never a 500", async ({ request }) => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const oversized = await request.post("/logout", { data: `x=${"x".repeat(1_100_000)}`, headers: form });
  expect(oversized.status()).toBe(413);
  expect(await oversized.text()).toMatch(/too large/i);
  const notAForm = await request.post("/logout", { data: "hello", headers: { "Content-Type": "text/plain" } });
  expect(notAForm.status()).toBe(415);
  expect(await notAForm.text()).toMatch(/takes forms sent as/);
});

test("public pages load every file they ask for: no 404s or errors in the console", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`${page.url()}: ${message.text()}`));
  page.on("response", (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  for (const path of ["/", "/rounds", "/results", "/vote", "/login"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // why: the manifest and icons are fetched after load; they must have answered too.
    await page.waitForLoadState("networkidle");
  }
  expect(problems).toEqual([]);
});

test("robots.txt keeps private links and staff pages out of search engines; the phones get a web app manifest", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  for (const path of ["/staff", "/bid/", "/panel/", "/audit", "/screen/", "/invite/"]) expect(rules).toContain(`Disallow: ${path}`);
  expect(rules).not.toMatch(/Disallow: \/rounds|Disallow: \/results/);

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const app = await manifest.json();
  expect(app).toMatchObject({ name: "Pitchday", start_url: "/vote", display: "standalone" });
  for (const icon of app.icons as { src: string }[]) expect((await request.get(icon.src)).status()).toBe(200);
  expect((await request.get("/favicon.ico")).headers()["content-type"]).toMatch(/icon/);
});

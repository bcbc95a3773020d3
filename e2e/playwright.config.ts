import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive Debian's Chromium against the built app on a fresh database
// (PGlite, or PostgreSQL when DATABASE_URL is set). See e2e/server.ts.
const PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: `../test-results/${PORT}`,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"], defaultBrowserType: "chromium" } },
  ],
  webServer: {
    command: `npx tsx e2e/server.ts`,
    cwd: "..",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // STRIPE_FAKE: payments go to the local Stripe fake (e2e/server.ts); STRIPE_FAKE=off runs without Stripe.
    env: {
      PORT: String(PORT),
      APP_URL: `http://localhost:${PORT}`,
      NODE_ENV: "production",
      MAIL_OUTBOX_PAGE: "on",
      STRIPE_FAKE: process.env.STRIPE_FAKE ?? "on",
    },
  },
});

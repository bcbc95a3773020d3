import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive Debian's Chromium against the built app on a fresh database
// (PGlite, or PostgreSQL when DATABASE_URL is set). See e2e/server.ts.
const PORT = Number(process.env.E2E_PORT ?? 3210);

// Specs that run a live event, each against its own server; every other spec shares the first.
const LIVE = {
  chair: /chair-and-screen\.spec\.ts/,
  phones: /panellist-and-audience\.spec\.ts/,
  funder: /(decisions-and-payments|bulk-payments|rule-exception)\.spec\.ts/,
  links: /phone-links\.spec\.ts/,
  bigScreen: /(big-screen|cymraeg|keyboard)\.spec\.ts/,
};
const LIVE_SPECS = Object.values(LIVE);
// why "phone-links" differs: started without APP_URL and reached at 127.0.0.1, as a laptop at the
// venue is reached by its LAN address, so every link it shows must name the address the browser used.
// seed: extra data written before the app starts (see e2e/server.ts).
const GROUPS: { name: string; specs?: RegExp; host?: string; noAppUrl?: boolean; seed?: string }[] = [
  { name: "accounts-bids-audit", seed: "cymraeg-after" },
  { name: "chair-and-screen", specs: LIVE.chair },
  { name: "phones", specs: LIVE.phones },
  { name: "decisions-and-payments", specs: LIVE.funder, seed: "rule-exception" },
  { name: "phone-links", specs: LIVE.links, host: "127.0.0.1", noAppUrl: true },
  { name: "big-screen", specs: LIVE.bigScreen, seed: "big-screen" },
];
const origin = (i: number) => `http://${GROUPS[i].host ?? "localhost"}:${PORT + i}`;

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
  // why one server (and one fresh database) per group: the live-event journeys each run an
  // event on the demo's closed round, and a started event fixes that round's rule and bids.
  projects: GROUPS.map((group, i) => ({
    name: group.name,
    testMatch: group.specs,
    testIgnore: group.specs ? undefined : LIVE_SPECS,
    use: { ...devices["Pixel 7"], defaultBrowserType: "chromium", baseURL: origin(i) },
  })),
  webServer: GROUPS.map((group, i) => ({
    command: `npx tsx e2e/server.ts`,
    cwd: "..",
    url: `${origin(i)}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    // STRIPE_FAKE: payments go to the local Stripe fake (e2e/server.ts); STRIPE_FAKE=off runs without Stripe.
    env: {
      PORT: String(PORT + i),
      ...(group.noAppUrl ? { E2E_NO_APP_URL: "on" } : { APP_URL: `http://localhost:${PORT + i}` }),
      NODE_ENV: "production",
      MAIL_OUTBOX_PAGE: "on",
      STRIPE_FAKE: process.env.STRIPE_FAKE ?? "on",
      E2E_SEED: group.seed ?? "",
    },
  })),
});

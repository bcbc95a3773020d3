import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, loginAs } from "./fixtures";

// Months after the event: an auditor opens the demo's completed event (seeded by
// prisma/seed/past-event.ts), sees who decided what and why, and takes the report away as a
// PDF and spreadsheets; anyone reads the public results; a funder downloads the open data.

async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

test("an auditor reads the decision report of the past event and downloads it", async ({ page }) => {
  await loginAs(page, "auditor");
  await page.goto("/audit/events");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Decision reports");
  await page.getByRole("link", { name: /^Summer pitch night\s*\(decision report\)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Decision report: Summer pitch night");

  const findings = page.getByRole("region", { name: "Findings" });
  await expect(findings).toContainText("The audit log verifies");
  await expect(findings).toContainText("Every payment was approved by a second funder");
  await expect(findings).toContainText("1 decision departs from the proposal, with a reason");
  await expect(findings).toContainText("1 conflict of interest declared");

  const panel = page.getByRole("region", { name: "Panel and conflicts of interest" });
  await expect(panel.getByRole("row", { name: /Grace Lin .*I am a trustee of Alveston Village Hall Trust\./ })).toBeVisible();

  const decisions = page.getByRole("region", { name: "Decisions" });
  const shed = decisions.locator("article", { hasText: "Thornbury Men's Shed" });
  await expect(shed.getByText("Departs from the proposal")).toBeVisible();
  await expect(shed).toContainText("Funded in full: £2,400");
  await expect(shed).toContainText("Part-funded: £2,000");
  await expect(shed).toContainText("a local merchant will donate the timber");
  await expect(shed).toContainText("Fran Funder");

  const payments = page.getByRole("region", { name: "Payments" });
  await expect(payments.getByText("Approved by a second funder", { exact: true })).toHaveCount(2);
  await expect(payments.locator("article", { hasText: "Cheque" })).toContainText(/Approved.* by Frank Second-Funder/);
  await expect(page.getByRole("region", { name: "Score sheets, every version" })).toContainText("Replaced by a later version");
  await expectAccessible(page);

  const pdf = await download(page, "The whole report as a PDF");
  expect(pdf.name).toMatch(/^decision-report-summer-pitch-night-\d{4}-\d\d-\d\d\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");

  const scores = await download(page, "Every score sheet version (CSV)");
  expect(scores.name).toBe("decision-report-summer-pitch-night-scores.csv");
  expect(scores.body.toString("utf8").trimEnd().split("\r\n")).toHaveLength(21);
  const decided = await download(page, "Decisions beside their proposals (CSV)");
  expect(decided.body.toString("utf8")).toContain(",Part-funded,2000.00,Yes,");
  const paid = await download(page, "Payments and their approvals (CSV)");
  expect(paid.body.toString("utf8")).toMatch(/,Cheque,1800\.00,Paid,Fran Funder,[^,]*,Frank Second-Funder,[^,]*,Yes,/);
});

test("an organiser cannot read decision reports", async ({ page }) => {
  await loginAs(page, "organiser");
  const response = await page.goto("/audit/events");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot do this");
});

test("anyone reads which projects were funded, once the results are revealed", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "See which projects were funded at past pitch events" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results of pitch events");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Summer pitch night" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results: Summer pitch night");
  const funded = page.getByRole("table", { name: "Projects funded at Summer pitch night" });
  await expect(funded.getByRole("row")).toHaveCount(5); // header, three projects, total
  await expect(funded.getByRole("row", { name: /Tools for the Shed workshop.*Thornbury Men's Shed.*£2,000.*of £2,400 asked for/ })).toBeVisible();
  await expect(funded.getByRole("row", { name: /Total awarded at this event.*£5,300/ })).toBeVisible();
  await expect(page.getByText("Oldbury Wildlife Watch")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "The fund" })).toContainText("£700");
  await expectAccessible(page);

  const missing = await page.goto("/results/not-an-event");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No results here yet");
});

test("a funder downloads the fund's grants as 360Giving open data", async ({ page }) => {
  await loginAs(page, "funder");
  await page.goto("/staff/funds");
  await page.getByRole("link", { name: "Thornbury Summer Fund 2026" }).click();
  const json = await download(page, "Download 360Giving JSON for Thornbury Summer Fund 2026");
  expect(json.name).toMatch(/^360giving-thornbury-summer-fund-2026-\d{4}-\d\d-\d\d\.json$/);
  const pkg = JSON.parse(json.body.toString("utf8"));
  expect(pkg.publisher).toEqual({ name: "Thornbury Town Council", identifier: "GB-LAE-THB" });
  expect(pkg.grants).toHaveLength(3);
  for (const grant of pkg.grants) {
    expect(grant.id).toMatch(/^360G-thornburytc-PD-\d{4}-\d{4}$/);
    expect(grant.fundingOrganization).toEqual([{ id: "GB-LAE-THB", name: "Thornbury Town Council" }]);
  }
  expect(JSON.stringify(pkg)).not.toMatch(/@/);
  const csv = await download(page, "Download 360Giving spreadsheet (CSV) for Thornbury Summer Fund 2026");
  expect(csv.body.toString("utf8")).toMatch(/^\uFEFFIdentifier,Title,Description,/);
});

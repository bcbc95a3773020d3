import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// An organiser sets up a fund and a round, then works through the closed autumn round's bids
// (seeded by prisma/seed/bids.ts): shortlists one, declines one with a reason, and downloads
// the list. A funder can read the same bids but cannot decide on them.

const run = Date.now().toString(36);

function exactly(text: string) {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

async function openBidsOfAutumnRound(page: Page, linkName: RegExp) {
  await page.goto("/staff");
  await page.getByRole("link", { name: linkName }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Bids: Autumn 2026 community pitches" })).toBeVisible();
}

async function tabCount(page: Page, label: string) {
  const text = await page.getByRole("navigation", { name: "Bids by status" }).getByRole("link", { name: new RegExp(`^${label} \\(`) }).innerText();
  return Number(/\((\d+)\)/.exec(text)?.[1]);
}

test("an organiser creates a fund with a mistake, fixes it, and adds a round", async ({ page }) => {
  await loginAs(page, "organiser");
  await page.goto("/staff");
  await page.getByRole("link", { name: "Create a fund" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a fund" })).toBeVisible();
  await expectAccessible(page);

  const fundName = `Severn Vale Small Grants ${run}`;
  await page.getByLabel("Fund name").fill(fundName);
  await page.getByLabel("Pot").fill("8,000");
  await page.getByLabel("Smallest award").fill("100");
  await page.getByLabel("Largest award").fill("9,000");
  await page.getByLabel("Funder's name").fill("Severn Vale Community Trust");
  await page.getByLabel("360Giving organisation identifier").fill("GB-CHC-1234567");
  await page.getByLabel("Grant identifier prefix").fill("360G-severnvale");
  await expect(page.getByLabel("End-of-grant report due, in months")).toHaveValue("12");
  await page.getByLabel("End-of-grant report due, in months").fill("18");
  await page.getByRole("button", { name: "Create fund" }).click();

  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Largest award: The largest award must not be more than the pot (£8,000)" })).toBeVisible();
  await expect(page.locator("#field-maxAward-error")).toContainText("must not be more than the pot");
  // Nothing typed is lost.
  await expect(page.getByLabel("Fund name")).toHaveValue(fundName);
  await expect(page.getByLabel("360Giving organisation identifier")).toHaveValue("GB-CHC-1234567");
  await expect(page.getByLabel("End-of-grant report due, in months")).toHaveValue("18");
  await expectAccessible(page);

  await page.getByLabel("Largest award").fill("3,000");
  await page.getByRole("button", { name: "Create fund" }).click();
  await expect(page.getByRole("heading", { level: 1, name: fundName })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Fund created");
  await expect(page.getByText("£100 to £3,000")).toBeVisible();
  await expect(page.getByText("18 months after the first payment")).toBeVisible();

  await page.getByRole("link", { name: "Add a round" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Add a round to ${fundName}` })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Title").fill("Severn Vale spring pitches");
  // A web address another round already has.
  await page.getByLabel("Web address name").fill("spring-2027");
  await page.getByLabel("Opens").fill("2027-03-01T09:00");
  await page.getByLabel("Closes").fill("2027-04-30T17:00");
  await page.getByLabel("Name of criterion 1", { exact: true }).fill("Need");
  await page.getByLabel("Weight of criterion 1", { exact: true }).fill("3");
  await page.getByLabel("Name of criterion 2", { exact: true }).fill("Difference");
  await page.getByLabel("Name of criterion 3", { exact: true }).fill("Deliverability");
  await page.getByRole("button", { name: "Add another criterion" }).click();
  await page.getByLabel("Name of criterion 4", { exact: true }).fill("Value for money");
  await expect(page.getByLabel("Name of criterion 1", { exact: true })).toHaveValue("Need");
  await page.getByRole("button", { name: "Remove criterion 3" }).click();
  await expect(page.getByLabel("Name of criterion 3", { exact: true })).toHaveValue("Value for money");
  await expect(page.getByLabel("Name of criterion 4", { exact: true })).toHaveCount(0);

  await page.getByLabel("Anyone in the room can vote with the event's join code").check();
  await page.getByLabel("Panel's weight, in percent").fill("80");
  await page.getByLabel("Audience's weight, in percent").fill("20");
  await page.getByRole("button", { name: "Create round" }).click();

  await expect(page.getByRole("alert")).toContainText('Another round already uses "spring-2027"');
  await expect(page.locator("#field-slug-error")).toContainText("choose a different web address name");
  await expect(page.getByLabel("Title")).toHaveValue("Severn Vale spring pitches");
  await expect(page.getByLabel("Name of criterion 3", { exact: true })).toHaveValue("Value for money");
  await expectAccessible(page);

  await page.getByLabel("Web address name").fill(`severn-vale-${run}`);
  await page.getByRole("button", { name: "Create round" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Severn Vale spring pitches" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Round created");
  await expect(page.getByText("1 March 2027 at 09:00")).toBeVisible();
  const criteria = page.getByRole("table", { name: "Assessment criteria" });
  await expect(criteria.getByRole("row")).toHaveCount(4);
  await expect(criteria).toContainText("Value for money");
  await expect(page.getByText("Bids are ranked on the panel's scores (80%) and the audience vote (20%).")).toBeVisible();

  await page.getByRole("link", { name: /^Edit round/ }).click();
  await expect(page.getByLabel("Closes")).toHaveValue("2027-04-30T17:00");
  await expect(page.getByLabel("Name of criterion 3", { exact: true })).toHaveValue("Value for money");
  await page.getByLabel("Closes").fill("2027-05-14T12:00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await expect(page.getByText("14 May 2027 at 12:00")).toBeVisible();

  await page.getByRole("link", { name: `Back to ${fundName}` }).click();
  await page.getByRole("link", { name: /^Edit fund/ }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Nothing was changed");
});

test("an organiser shortlists one bid, declines another with a reason, and downloads the list", async ({ page }) => {
  await loginAs(page, "organiser");
  await openBidsOfAutumnRound(page, /^Review bids for Autumn 2026/);
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Submitted \(/ }).click();
  await expect(page).toHaveURL(/status=submitted/);
  const submittedBefore = await tabCount(page, "Submitted");
  const shortlistedBefore = await tabCount(page, "Shortlisted");
  const declinedBefore = await tabCount(page, "Not shortlisted");
  expect(submittedBefore).toBeGreaterThanOrEqual(2);

  const rows = page.getByRole("table").getByRole("row");
  const first = (await rows.nth(1).getByRole("cell").nth(1).innerText()).split("\n")[0];
  const second = (await rows.nth(2).getByRole("cell").nth(1).innerText()).split("\n")[0];

  // Search (a plain GET form) finds a bid by part of its group's name.
  await page.getByLabel("Reference or group name").fill(first.slice(0, 12).toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("table")).toContainText(first);

  await page.getByRole("row", { name: exactly(first) }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: exactly(first) })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Yes, shortlist it").check();
  await page.getByLabel("Reason the group will see").fill("Strong local support and a clear plan.");
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByRole("status")).toContainText("Bid shortlisted");
  await expect(page.locator("strong.tag").first()).toHaveText("Shortlisted");
  await expect(page.getByRole("table", { name: /What happened to this bid/ })).toContainText("Shortlisted");

  await openBidsOfAutumnRound(page, /^Review bids for Autumn 2026/);
  await page.getByRole("row", { name: exactly(second) }).getByRole("link").click();
  await page.getByLabel("No, do not shortlist it").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.locator("#field-reason-error")).toContainText("Enter the reason the group will see for not shortlisting its bid");
  await expect(page.getByLabel("No, do not shortlist it")).toBeChecked();
  const reason = "Thank you. This round is for projects within Thornbury parish; yours is outside it.";
  await page.getByLabel("Reason the group will see").fill(reason);
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByRole("status")).toContainText("Bid not shortlisted");
  await expect(page.getByText(`What the group sees as the reason: ${reason}`)).toBeVisible();
  const declinedEmail = (await page.locator("dt", { hasText: "Email address" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();

  await openBidsOfAutumnRound(page, /^Review bids for Autumn 2026/);
  expect(await tabCount(page, "Submitted")).toBe(submittedBefore - 2);
  expect(await tabCount(page, "Shortlisted")).toBe(shortlistedBefore + 1);
  expect(await tabCount(page, "Not shortlisted")).toBe(declinedBefore + 1);
  await expect(page.getByText("That is personal data")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download these bids (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^autumn-2026-bids-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe(
    "Reference,Status,Group name,Type of group,Charity number,Company number,Applying through,Area,Project title," +
      "Amount requested (GBP),Start date,End date,Sent at (Europe/London),Written in,Contact name,Contact email,Contact phone",
  );
  const firstLine = lines.find((l) => l.includes(first));
  const secondLine = lines.find((l) => l.includes(second));
  expect(firstLine).toContain(",Shortlisted,");
  expect(firstLine).toContain(",English,");
  expect(secondLine).toContain(",Not shortlisted,");
  expect(secondLine).toContain(declinedEmail);
  expect(csv).toMatch(/,\d+\.\d{2},/);

  // The group is told, with the reason.
  const mail = await latestMailTo(page, declinedEmail);
  await expect(mail).toContainText("has not been shortlisted");
  await expect(mail).toContainText(reason);
});

test("a funder reads the bids but cannot shortlist them", async ({ page }) => {
  await loginAs(page, "funder");
  await openBidsOfAutumnRound(page, /^Read bids for Autumn 2026/);
  await expect(page.getByText("leaves out the groups' contact details")).toBeVisible();
  await page.getByRole("link", { name: /^Submitted \(/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Submitted: / })).toBeVisible();
  await page.getByRole("table").getByRole("row").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\/staff\/bids\//);
  await expect(page.locator("strong.tag").first()).toHaveText("Submitted");
  await expect(page.getByRole("heading", { name: "Shortlist decision" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save decision" })).toHaveCount(0);
  await expect(page.getByText("Contact details are shown to organisers only.")).toBeVisible();

  const refused = await page.request.post(page.url(), { form: { decision: "shortlist", reason: "" }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  await page.reload();
  await expect(page.locator("strong.tag").first()).toHaveText("Submitted");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the round form adds and removes criteria rows, and the bid list filters and searches", async ({ page }) => {
    await loginAs(page, "organiser");
    await page.goto("/staff/funds");
    await page.getByRole("link", { name: "Thornbury Community Chest" }).click();
    await page.getByRole("link", { name: "Add a round" }).click();

    await page.getByLabel("Title").fill("Typed before adding a row");
    await page.getByLabel("Name of criterion 2", { exact: true }).fill("Second");
    await page.getByRole("button", { name: "Add another criterion" }).click();
    await expect(page.getByLabel("Name of criterion 4", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Typed before adding a row");
    await page.getByRole("button", { name: "Remove criterion 1" }).click();
    await expect(page.getByLabel("Name of criterion 1", { exact: true })).toHaveValue("Second");
    await expect(page.getByLabel("Name of criterion 4", { exact: true })).toHaveCount(0);

    // Enter in a text box saves (the form's first button), it does not add a row.
    await page.getByLabel("Title").press("Enter");
    await expect(page.getByRole("alert")).toContainText("Enter the web address name");
    await expect(page.getByLabel("Name of criterion 4", { exact: true })).toHaveCount(0);

    await page.goto("/staff");
    await page.getByRole("link", { name: /^Review bids for Autumn 2026/ }).click();
    await page.getByRole("link", { name: /^Drafts \(/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^Drafts: \d+ bids?$/ })).toBeVisible();
    await page.getByLabel("Reference or group name").fill("no group is called this");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/status=draft&q=no\+group/);
    await expect(page.getByText("No bids match your search.")).toBeVisible();
  });
});

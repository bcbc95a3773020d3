import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, loginAs } from "./fixtures";

// The auditor months later: is the record intact, who did what, and proof the log only grew
// since a checkpoint handed to someone outside. Then an organiser answers a group's request
// for its data and to be forgotten, and the auditor's log still verifies.

test.describe.configure({ mode: "serial" });

let checkpointText = "";

/** The staff page of the last submitted bid in the closed autumn round (seeded). */
async function autumnBidPath(page: Page) {
  await page.goto("/staff");
  await page.getByRole("link", { name: /^(Review|Read) bids for Autumn 2026/ }).click();
  await page.getByRole("link", { name: /^PD-\d{4}-\d{4}/ }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: /^PD-\d{4}-\d{4}: / })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Signs in as someone else in the same browser (the previous session is simply dropped). */
async function switchTo(page: Page, who: Parameters<typeof loginAs>[1], redirectTo?: string) {
  await page.context().clearCookies();
  await loginAs(page, who, redirectTo);
}

async function chainVerdict(page: Page) {
  return page.getByRole("region", { name: "Is the record intact?" });
}

test("the auditor sees the chain verified, filters the log by action and opens what an entry changed", async ({ page }) => {
  await loginAs(page, "auditor", "/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const state = await chainVerdict(page);
  await expect(state).toContainText(/Verified: \d+ entries, head #\d+ [0-9a-f]{16}…/);
  // The seeded past event was decided, revealed and paid: each took a checkpoint automatically.
  await expect(state).toContainText(/Newest checkpoint: entry #\d+ [0-9a-f]{16}…/);
  await expect(state).toContainText("The log only grew");
  await expectAccessible(page);

  await page.getByLabel("What happened").selectOption({ label: "Bid submitted" });
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page).toHaveURL(/action=bid\.submitted/);
  const entries = page.locator(".audit-entry");
  // why: the address can change a moment before the filtered entries replace the newest ones.
  await expect(entries.locator("h3").first()).toHaveText(/^#\d+\s+Bid submitted$/);
  const titles = await entries.locator("h3").allInnerTexts();
  expect(titles.length).toBeGreaterThan(1);
  for (const title of titles) expect(title).toMatch(/^#\d+\s+Bid submitted$/);
  await expect(page.getByLabel("What happened")).toHaveValue("bid.submitted");
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page).toHaveURL(/action=bid\.submitted/);
  await expect(state).toContainText(/Verified: \d+ entries/);

  const first = entries.first();
  await expect(first).toContainText(/Who\s*The group PD-\d{4}-\d{4}/);
  const subject = first.locator("dt", { hasText: /^Changed$/ }).locator("xpath=following-sibling::dd").getByRole("link");
  const reference = (await subject.innerText()).trim();
  expect(reference).toMatch(/^PD-\d{4}-\d{4}$/);
  await subject.click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${reference}: `) })).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/staff\/bids\/[^/]+$/);
});

test("a bad date in the filters is named next to the field, and what was typed is kept", async ({ page }) => {
  await loginAs(page, "auditor");
  await page.goto("/audit?action=bid.submitted&from=2027-02-30");
  await expect(page.getByRole("alert")).toContainText("From: Enter the first date as a real date");
  await expect(page.locator("#field-from-error")).toContainText("Enter the first date as a real date");
  await expect(page.getByLabel("What happened")).toHaveValue("bid.submitted");
  await expect(page.getByText("Correct the filters above to see the entries.")).toBeVisible();
  await expectAccessible(page);
});

test("the auditor takes a checkpoint, downloads it, and pasting it back shows the log only grew", async ({ page }) => {
  await loginAs(page, "auditor", "/audit");
  await page.getByRole("link", { name: /Checkpoints/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit checkpoints" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Note (optional)").fill("For the council's finance team");
  await page.getByRole("button", { name: "Take a checkpoint" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Checkpoint taken at entry" });
  await expect(notice).toBeVisible();
  const seq = Number(/#(\d+)/.exec(await notice.innerText())?.[1]);
  expect(seq).toBeGreaterThan(1);
  const row = page.locator(".checkpoint").filter({ has: page.getByRole("heading", { name: `Checkpoint at entry #${seq}` }) });
  await expect(row).toContainText("For the council's finance team");
  await expect(row).toContainText("Aud Auditor");

  const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("link", { name: `Download checkpoint #${seq}` }).click()]);
  expect(download.suggestedFilename()).toBe(`pitchday-audit-checkpoint-${seq}.json`);
  checkpointText = readFileSync((await download.path())!, "utf8");
  const file = JSON.parse(checkpointText);
  expect(file).toMatchObject({ format: "pitchday-audit-checkpoint/1", seq, note: "For the council's finance team", funder: expect.any(String) });
  expect(file.hash).toMatch(/^[0-9a-f]{64}$/);

  await page.getByLabel("Or paste the checkpoint").fill(checkpointText);
  await page.getByRole("button", { name: "Check the log" }).click();
  const verdict = page.locator(".verdict");
  await expect(verdict).toContainText("The log only grew");
  await expect(verdict).toContainText(`entry #${seq}`);
  await expectAccessible(page);

  await page.goto("/audit");
  await expect(await chainVerdict(page)).toContainText(`Newest checkpoint: entry #${seq}`);
  await expect(await chainVerdict(page)).toContainText("The log only grew");
});

test("an uploaded checkpoint file is checked too; a file that is not one gets a clear reason", async ({ page }) => {
  await loginAs(page, "auditor", "/audit/checkpoints");
  const upload = page.getByLabel("Checkpoint file");
  await upload.setInputFiles({ name: "checkpoint.json", mimeType: "application/json", buffer: Buffer.from(checkpointText) });
  await page.getByRole("button", { name: "Check the log" }).click();
  await expect(page.locator(".verdict")).toContainText("The log only grew");

  await upload.setInputFiles({ name: "photo.json", mimeType: "application/json", buffer: Buffer.alloc(100_000, "x") });
  await page.getByRole("button", { name: "Check the log" }).click();
  await expect(page.locator("#field-file-error")).toContainText("The file is too big to be a Pitchday checkpoint.");
  await expectAccessible(page);
});

test("a pasted file that is not a checkpoint gets a clear reason next to the box", async ({ page }) => {
  await loginAs(page, "auditor", "/audit/checkpoints");
  await page.getByLabel("Or paste the checkpoint").fill(checkpointText.replace(/"hash": "[0-9a-f]+"/, '"hash": "abc"'));
  await page.getByRole("button", { name: "Check the log" }).click();
  await expect(page.locator("#field-checkpoint-error")).toContainText('The checkpoint\'s hash ("hash") must be 64 lower-case hexadecimal characters.');
  await expect(page.getByLabel("Or paste the checkpoint")).toHaveValue(/"hash": "abc"/);
  await expectAccessible(page);
});

test("without JavaScript the filters and the pasted check still work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login?redirectTo=/audit");
  await page.getByLabel("Email address").fill("auditor@pitchday.test");
  await page.getByLabel("Password").fill("pitchday-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("What happened").selectOption({ label: "Audit checkpoint taken" });
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page).toHaveURL(/action=audit\.checkpoint_created/);
  // The seed's automatic checkpoint and the one taken by hand above.
  const entries = page.locator(".audit-entry h3");
  await expect(entries.first()).toHaveText(/Audit checkpoint taken/);
  const titles = await entries.allInnerTexts();
  expect(titles.length).toBeGreaterThanOrEqual(2);
  for (const title of titles) expect(title).toMatch(/Audit checkpoint taken/);

  await page.goto("/audit/checkpoints");
  await page.getByLabel("Or paste the checkpoint").fill(checkpointText);
  await page.getByRole("button", { name: "Check the log" }).click();
  await expect(page.locator(".verdict")).toContainText("The log only grew");
  await context.close();
});

test("the auditor cannot export or erase a group's data; an organiser cannot read the audit log", async ({ page }) => {
  await loginAs(page, "auditor");
  const bidPath = await autumnBidPath(page);
  const refused = await page.goto(`${bidPath}/personal-data`);
  expect(refused?.status()).toBe(403);
  await switchTo(page, "organiser");
  expect((await page.goto("/audit"))?.status()).toBe(403);
  expect((await page.goto("/audit/checkpoints"))?.status()).toBe(403);
});

test("an organiser downloads a group's data and erases its contact details; the auditor's log still verifies", async ({ page }) => {
  await loginAs(page, "organiser");
  await page.goto(`${await autumnBidPath(page)}/personal-data`);
  await expect(page.getByRole("heading", { level: 1, name: /^Personal data held for / })).toBeVisible();
  const email = (await page.locator("dt", { hasText: "Email address" }).locator("xpath=following-sibling::dd").innerText()).trim();
  expect(email).toContain("@");
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the group's data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^pitchday-PD-\d{4}-\d{4}-data\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported).toMatchObject({ format: "pitchday-group-data/1", contact: { email, erasedAt: null } });
  expect(exported.history.map((h: { action: string }) => h.action)).toContain("bid.submitted");

  // Forgetting the reason and the confirmation is caught, with nothing erased.
  await page.getByRole("button", { name: "Erase the contact details" }).click();
  await expect(page.getByRole("alert")).toContainText("Why: Choose why you are erasing the contact details.");
  await expect(page.getByRole("alert")).toContainText("Confirm: Tick the box to confirm");
  await expectAccessible(page);

  await page.getByLabel("The person asked us to erase their details").check();
  await page.getByLabel("Note for the audit log (optional)").fill(`Asked by email from ${email}`);
  await page.getByLabel(/Yes, erase the contact details for/).check();
  await page.getByRole("button", { name: "Erase the contact details" }).click();
  await expect(page.locator("#field-note-error")).toContainText("Take the email address out of the note");
  await page.getByLabel("Note for the audit log (optional)").fill("Asked by email");
  await page.getByLabel(/Yes, erase the contact details for/).check();
  await page.getByRole("button", { name: "Erase the contact details" }).click();

  await expect(page.getByRole("status")).toContainText("Contact details erased");
  await expect(page.getByText(/^Erased on /)).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Erase the contact details" })).toHaveCount(0);
  await expectAccessible(page);

  await switchTo(page, "auditor", "/audit?action=personal_data.erased");
  const state = await chainVerdict(page);
  await expect(state).toContainText(/Verified: \d+ entries/);
  await expect(state).toContainText("The log only grew");
  const entry = page.locator(".audit-entry").first();
  await expect(entry).toContainText("Group's contact details erased");
  await expect(entry).toContainText("The person asked us to erase their details");
  await expect(entry).toContainText("Asked by email");
  await expect(page.locator("main")).not.toContainText(email);

  await page.getByLabel("What happened").selectOption({ label: "Group's data downloaded" });
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page.locator(".audit-entry")).toHaveCount(1);
  await expect(page.locator(".audit-entry").first()).toContainText("Olu Organiser");
});

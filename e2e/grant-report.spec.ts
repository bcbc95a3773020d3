import { expect, test } from "@playwright/test";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// The seeded past event's larder was paid by bank transfer: months later its volunteer writes
// the end-of-grant report from the private link on a phone with JavaScript off (a mistake, a
// draft, a phone-sized photo) and sends it; the funder asks for more, the group sends it again,
// the funder records the money sent back, accepts the report and the grant closes.

const LARDER = "Thornbury Community Larder";
const LARDER_EMAIL = "hello@thornburylarder.example";

function privateLinkIn(text: string) {
  const match = /(https?:\/\/\S+\/bid\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`No private link in: ${text}`);
  return new URL(match[1]!).pathname;
}

/** A JPEG's first bytes, padded to the size of a photo from a phone's camera. */
function phonePhoto(bytes: number) {
  const photo = Buffer.alloc(bytes, 0x20);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(photo);
  return { name: "new-fridge.jpg", mimeType: "image/jpeg", buffer: photo };
}

test("the group reports on its grant without JavaScript; the funder asks for more, records the money sent back and accepts the report", async ({ page, browser }) => {
  test.slow();
  await loginAs(page, "funder");
  await page.goto("/staff/grants");
  const row = page.getByRole("row").filter({ hasText: LARDER });
  await expect(row).toContainText("Paid");
  const reference = (await row.getByRole("link").textContent())!.trim();
  expect(reference).toMatch(/^PD-\d{4}-\d{4}$/);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const group = await context.newPage();
  await group.goto("/rounds/summer-2026");
  await group.getByLabel("Email address").fill(LARDER_EMAIL);
  await group.getByLabel("Bid reference").fill(reference);
  await group.getByRole("button", { name: "Send me my link again" }).click();
  const link = privateLinkIn((await (await latestMailTo(group, LARDER_EMAIL)).textContent()) ?? "");

  await group.goto(link);
  await group.getByRole("link", { name: "End-of-grant report" }).click();
  await expect(group.getByRole("heading", { level: 1 })).toHaveText("End-of-grant report");
  await group.getByLabel("What was done with the grant").fill("We bought and installed the fridge and the freezer; chilled food now comes in twice a week.");
  await group.getByLabel("How many people took part").fill("many");
  await group.getByLabel("Commercial fridge (budget £750)").fill("750");
  await group.getByLabel("Chest freezer (budget £450)").fill("420");
  await group.getByRole("button", { name: "Save as a draft" }).click();
  await expect(group.getByText("There is a problem")).toBeVisible();
  await expect(group.locator("#field-participants-error")).toBeVisible();
  await expect(group.getByLabel("Chest freezer (budget £450)")).toHaveValue("420");

  await group.getByLabel("How many people took part").fill("130");
  await group.getByRole("button", { name: "Save as a draft" }).click();
  await expect(group).toHaveURL(/notice=saved/);

  // A photo straight from a phone's camera (3 MB) is taken; a file that is not a photo is named as such.
  await group.getByLabel("Photo", { exact: true }).setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 receipt") });
  await group.getByRole("button", { name: "Add the photo" }).click();
  await expect(group.locator("#field-photo-error")).toContainText("must be a JPEG, PNG or WebP image");
  await group.getByLabel("Photo", { exact: true }).setInputFiles(phonePhoto(3_000_000));
  await group.getByLabel("What the photo shows").fill("The new fridge, full");
  await group.getByRole("button", { name: "Add the photo" }).click();
  await expect(group.getByRole("img", { name: "The new fridge, full" })).toBeAttached();
  await expect(group.getByRole("button", { name: "Remove photo 1" })).toBeVisible();

  await group.getByLabel("Temperature logger and electrics (budget £300)").fill("300");
  await group.getByLabel("Anything not spent").fill("The freezer cost £30 less than quoted; we will send it back.");
  await group.getByLabel("Name", { exact: true }).fill("Joanne Price");
  await group.getByLabel("Email address").fill(LARDER_EMAIL);
  await group.getByRole("button", { name: "Send the report to the funder" }).click();
  await expect(group.getByText("Your report has been sent.")).toBeVisible();
  await expect(group.getByRole("button", { name: "Send the report to the funder" })).toHaveCount(0);
  await context.close();

  // axe needs JavaScript in the page: the group's report page, checked with it on.
  await page.goto(`${link}/report`);
  await expect(page.getByText("Your report has been sent.")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/staff/grants");
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Grant ${reference}`);
  await expect(page.getByText("We bought and installed the fridge")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Chest freezer" })).toContainText("£420");
  await expectAccessible(page);

  // The funder asks for more: a message is needed, and it reaches the group by email and on its page.
  await page.getByLabel("Ask the group for more").check();
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page.locator("#field-message-error")).toContainText("Tell the group what more you need");
  await expect(page.getByLabel("Ask the group for more")).toBeChecked();
  await page.getByLabel("Message to the group").fill("Please send a copy of the freezer's receipt, and say when the £30 will come back.");
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page).toHaveURL(/notice=reviewed/);
  await expect(page.locator(".lead")).toContainText("State: Report due.");
  await expect(await latestMailTo(page, LARDER_EMAIL)).toContainText("Please send a copy of the freezer's receipt");

  const again = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await again.goto(`${link}/report`);
  await expect(again.getByRole("heading", { name: "The funder asks for more" })).toBeVisible();
  await expect(again.getByText("Please send a copy of the freezer's receipt")).toBeVisible();
  await expect(again.getByLabel("Chest freezer (budget £450)")).toHaveValue("420");
  await again.getByLabel("Anything not spent").fill("The freezer cost £30 less than quoted; we sent the £30 back by bank transfer today. The receipt is in the photo.");
  await again.getByRole("button", { name: "Send the report to the funder" }).click();
  await expect(again.getByText("Your report has been sent.")).toBeVisible();
  await again.context().close();
  await page.goto(`${link}/report`);
  await expect(page.getByText("Your report has been sent.")).toBeVisible();
  await expectAccessible(page);

  // The money sent back is recorded; then the funder accepts the report and the grant closes.
  await page.goto("/staff/grants?state=report_in");
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByText("we sent the £30 back by bank transfer today")).toBeVisible();
  await page.getByLabel("Amount returned").fill("thirty");
  await page.getByRole("button", { name: "Record the returned money" }).click();
  await expect(page.locator("#field-amount-error")).toContainText("Enter the amount returned in pounds");
  await page.getByLabel("Amount returned").fill("30");
  // why: today where the fund is, as the form takes a date.
  await page.getByLabel("Date it came back").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()));
  await page.getByRole("button", { name: "Record the returned money" }).click();
  await expect(page).toHaveURL(/notice=returned/);
  await expect(page.locator(".lead")).toContainText("Returned so far: £30.");
  await page.getByLabel("Accept the report and close the grant").check();
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page).toHaveURL(/notice=reviewed/);
  await expect(page.locator(".lead")).toContainText("State: Closed.");
  await expect(await latestMailTo(page, LARDER_EMAIL)).toContainText(`End-of-grant report accepted for ${reference}`);

  await page.goto("/staff/grants?state=closed");
  await expect(page.getByRole("row").filter({ hasText: LARDER })).toContainText("Closed");
  await expectAccessible(page);
});

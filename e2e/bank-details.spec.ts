import { expect, test } from "@playwright/test";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// The seeded past event's Men's Shed accepted its award and is not paid yet: the group gives its
// bank details on its private page with JavaScript off, and the funder sees them whole only on
// the page where the payment is prepared.

const SHED = "Thornbury Men's Shed";
const SHED_EMAIL = "shed@thornburymensshed.example";

function privateLinkIn(text: string) {
  const match = /(https?:\/\/\S+\/bid\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`No private link in: ${text}`);
  return new URL(match[1]!).pathname;
}

test("the group gives its bank details without JavaScript, and the funder sees them when preparing the payment", async ({ page, browser }) => {
  test.slow();
  await loginAs(page, "funder");
  await page.goto("/staff/awards");
  await page.locator('a[href^="/staff/awards/"]', { hasText: SHED }).first().click();
  await page.waitForURL(/\/staff\/awards\/[^/#]+(#.*)?$/);
  const awardPath = new URL(page.url()).pathname;
  const reference = /PD-\d{4}-\d{4}/.exec((await page.locator("main").textContent()) ?? "")?.[0];
  expect(reference).toBeTruthy();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const group = await context.newPage();
  await group.goto("/rounds/summer-2026");
  await group.getByLabel("Email address").fill(SHED_EMAIL);
  await group.getByLabel("Bid reference").fill(reference!);
  await group.getByRole("button", { name: "Send me my link again" }).click();
  const link = privateLinkIn((await (await latestMailTo(group, SHED_EMAIL)).textContent()) ?? "");

  await group.goto(link);
  await group.getByRole("link", { name: "Give or check your bank details" }).click();
  await expect(group.getByRole("heading", { name: "Where should we pay the award?" })).toBeVisible();
  await group.getByLabel("Bank transfer to a UK account").check();
  await group.getByLabel("Name on the account").fill("Thornbury Shed");
  await group.getByLabel("Sort code").fill("08-99-99");
  await group.getByLabel("Account number").fill("66374959");
  await group.getByRole("button", { name: "Continue" }).click();
  await expect(group.getByText("There is a problem")).toBeVisible();
  await expect(group.locator("#field-accountNumber-error")).toContainText("does not go with that sort code");
  await expect(group.getByLabel("Name on the account")).toHaveValue("Thornbury Shed");
  await expect(group.getByLabel("Account number")).toHaveValue("66374959");

  await group.getByLabel("Account number").fill("66374958");
  await group.getByRole("button", { name: "Continue" }).click();
  await expect(group.getByRole("heading", { name: "Check the payment details" })).toBeVisible();
  await expect(group.getByText("08-99-99, account ending 4958")).toBeVisible();
  await expect(group.getByText("66374958")).toHaveCount(0);
  await group.getByRole("button", { name: "Save these details" }).click();
  await expect(group.getByText("Your payment details are saved")).toBeVisible();
  await expect(group.getByText("Thornbury Shed")).toBeVisible();
  await expect(await latestMailTo(group, SHED_EMAIL)).toContainText(`Bank details received for ${reference}`);
  await context.close();

  // axe needs JavaScript in the page: the same pages, checked with it on.
  await page.goto(`${link}/bank-details`);
  await expect(page.getByText("08-99-99, account ending 4958")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Bank transfer to a UK account").check();
  await page.getByLabel("Sort code").fill("089999");
  await page.getByLabel("Continue").or(page.getByRole("button", { name: "Continue" })).click();
  await expect(page.locator("#field-accountNumber-error")).toContainText("Enter the account number");
  await expectAccessible(page);

  await page.goto(awardPath);
  await page.getByRole("link", { name: /Prepare a cheque or bank transfer/ }).click();
  await expect(page.getByRole("heading", { name: "Prepare the manual payment" })).toBeVisible();
  await expect(page.getByText("66374958")).toBeVisible();
  await expect(page.getByText("08-99-99")).toBeVisible();
  await expectAccessible(page);
  // The auditor sees that the funder looked.
  const auditor = await browser.newPage();
  await loginAs(auditor, "auditor");
  await auditor.goto("/audit?action=payee.details_viewed");
  await expect(auditor.getByRole("heading", { name: /Group's bank details shown to a funder/ }).first()).toBeVisible();
  await auditor.context().close();
});

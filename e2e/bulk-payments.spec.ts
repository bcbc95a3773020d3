import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// The seeded past event's Men's Shed accepted its award and is not paid yet. The group gives its
// bank details; one funder asks for a bank transfer and another approves it; then a funder puts
// it in a bank bulk-payment file with JavaScript off (a mistake first, kept and explained beside
// its field), downloads the file twice (the same bytes), and confirms that the bank took it.

const SHED = "Thornbury Men's Shed";
const SHED_EMAIL = "shed@thornburymensshed.example";

async function shedAward(page: Page) {
  await page.goto("/staff/awards");
  await page.locator('a[href^="/staff/awards/"]', { hasText: SHED }).first().click();
  await page.waitForURL(/\/staff\/awards\/[^/#]+(#.*)?$/);
  const reference = /PD-\d{4}-\d{4}/.exec((await page.locator("main").textContent()) ?? "")?.[0];
  if (!reference) throw new Error("No reference on the award page");
  return { path: new URL(page.url()).pathname, reference };
}

test("a funder pays approved bank transfers with one bulk-payment file, and confirms the bank took it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await loginAs(page, "funder");
  const award = await shedAward(page);

  await test.step("the group gives its bank details", async () => {
    const group = await browser.newPage({ javaScriptEnabled: false });
    await group.goto("/rounds/summer-2026");
    await group.getByLabel("Email address").fill(SHED_EMAIL);
    await group.getByLabel("Bid reference").fill(award.reference);
    await group.getByRole("button", { name: "Send me my link again" }).click();
    const text = (await (await latestMailTo(group, SHED_EMAIL)).textContent()) ?? "";
    const link = new URL(/(https?:\/\/\S+\/bid\/[A-Za-z0-9_-]{43})/.exec(text)![1]!).pathname;
    await group.goto(`${link}/bank-details`);
    await group.getByLabel("Bank transfer to a UK account").check();
    await group.getByLabel("Name on the account").fill("Thornbury Shed");
    await group.getByLabel("Sort code").fill("08-99-99");
    await group.getByLabel("Account number").fill("66374958");
    await group.getByRole("button", { name: "Continue" }).click();
    await group.getByRole("button", { name: "Save these details" }).click();
    await expect(group.getByText("Your payment details are saved")).toBeVisible();
    await group.context().close();
  });

  await test.step("one funder asks for a bank transfer, another approves it", async () => {
    await page.goto(award.path);
    await page.getByLabel(/Bank transfer/).check();
    await page.getByRole("button", { name: "Ask for payment" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    const second = await browser.newPage();
    await loginAs(second, "funder2");
    await second.goto(award.path);
    await second.getByRole("button", { name: "Approve payment" }).click();
    await expect(second.getByText("Payment approved.", { exact: false })).toBeVisible();
    await second.context().close();
  });

  const plain = await browser.newPage({ javaScriptEnabled: false, acceptDownloads: true });
  await test.step("without JavaScript, a wrong account number comes back beside its field with everything kept", async () => {
    await loginAs(plain, "funder2");
    await plain.getByRole("link", { name: "Awards and payments" }).click();
    await plain.getByRole("link", { name: "Bank bulk payments" }).click();
    await expect(plain.getByRole("heading", { name: "Bank bulk payments" })).toBeVisible();
    await expect(plain.getByLabel(new RegExp(`${SHED}: £2,000, reference ${award.reference}`))).toBeChecked();
    await expect(plain.getByText("To Thornbury Men's Shed, 08-99-99, account ending 4958")).toBeVisible();
    await plain.getByLabel("Name on the paying account").fill("Thornbury Town Council");
    await plain.getByLabel("Sort code of the paying account").fill("08-99-99");
    await plain.getByLabel("Account number of the paying account").fill("66374959");
    await plain.getByRole("button", { name: "Make the bulk-payment file" }).click();
    await expect(plain.locator("#field-originAccountNumber-error")).toContainText("does not go with that sort code");
    await expect(plain.getByRole("alert")).toContainText("Account number of the paying account");
    await expect(plain.getByLabel("Name on the paying account")).toHaveValue("Thornbury Town Council");
    await expect(plain.getByLabel("Account number of the paying account")).toHaveValue("66374959");
  });

  const batchPath = await test.step("the file is made, and downloads the same twice", async () => {
    await plain.getByLabel("Account number of the paying account").fill("66374958");
    await plain.getByRole("button", { name: "Make the bulk-payment file" }).click();
    await expect(plain.getByRole("heading", { name: /Payments to be made on/ })).toBeVisible();
    await expect(plain.getByText("File made.")).toBeVisible();
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [download] = await Promise.all([plain.waitForEvent("download"), plain.getByRole("link", { name: /Download the file/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/^pitchday-bacs-\d{4}-\d{2}-\d{2}-[a-z0-9]+\.txt$/);
      texts.push(await readFile((await download.path())!, "latin1"));
    }
    expect(texts[1]).toBe(texts[0]);
    const lines = texts[0].split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(106);
    expect(lines[0].startsWith("0899996637495809908999966374958    00000200000THORNBURY TOWN COU")).toBe(true);
    expect(lines[0].slice(64, 82).trim()).toBe(award.reference);
    return new URL(plain.url()).pathname;
  });

  await test.step("the pages pass axe, with a problem showing too", async () => {
    await page.goto(batchPath);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm and record the payments as paid" }).click();
    await expect(page.locator("#field-taken-error")).toContainText("Tick to confirm that the bank has taken the file");
    await expectAccessible(page);
    await page.goto("/staff/awards/batches");
    await expect(page.getByText("It is already in a bulk-payment file waiting for confirmation.")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("without JavaScript, the funder confirms the bank took it: the award is paid and the group told", async () => {
    await plain.getByRole("button", { name: "Confirm and record the payments as paid" }).click();
    await expect(plain.locator("#field-taken-error")).toContainText("Tick to confirm");
    await plain.getByLabel("The bank has taken this file and will make these payments").check();
    await plain.getByRole("button", { name: "Confirm and record the payments as paid" }).click();
    await expect(plain.getByText("Confirmed. The payments shown as paid are recorded")).toBeVisible();
    await expect(plain.getByRole("row", { name: new RegExp(SHED) })).toContainText("Paid");
    await plain.goto(award.path);
    await expect(plain.getByText("Paid", { exact: true }).first()).toBeVisible();
    await expect(await latestMailTo(plain, SHED_EMAIL)).toContainText(`by bank transfer (reference ${award.reference})`);
  });
  await plain.context().close();
});

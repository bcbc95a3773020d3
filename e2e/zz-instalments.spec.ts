import { expect, test } from "@playwright/test";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// A funder splits the seeded Men's Shed award (£2,000, accepted, not paid) into two instalments,
// pays the first by bank transfer with a second funder's approval, and the group sees on its
// private page what is paid and what is coming, with JavaScript off too.
// why "zz": it runs last in its project, since it pays the shed, whose unpaid award the
// decision report's checks in transparency.spec.ts count on.

const SHED = "Thornbury Men's Shed";
const SHED_EMAIL = "shed@thornburymensshed.example";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const iso = (at: Date) => at.toISOString().slice(0, 10);
const shown = (at: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(at);

test("a funder pays an award in two instalments, and the group sees its schedule", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const second = inDays(60);
  await loginAs(page, "funder");
  await page.goto("/staff/awards");
  await page.locator('a[href^="/staff/awards/"]', { hasText: SHED }).first().click();
  await page.waitForURL(/\/staff\/awards\/[^/#]+(#.*)?$/);
  const awardPath = new URL(page.url()).pathname;
  const reference = /PD-\d{4}-\d{4}/.exec((await page.locator("main").textContent()) ?? "")?.[0];

  await test.step("the funder sets a schedule of two instalments; a total that misses the award is explained beside it", async () => {
    await page.getByRole("link", { name: "Pay in instalments: set a payment schedule" }).click();
    await expect(page.getByRole("heading", { name: "Payment schedule" })).toBeVisible();
    await page.locator("#amount-1").fill("800");
    await page.locator("#plannedOn-2").fill(iso(second));
    await page.locator("#amount-2").fill("1000");
    await page.getByRole("button", { name: "Save the schedule" }).click();
    await expect(page.locator("#schedule-error")).toContainText("The instalments add up to £1,800, but the award is £2,000: add £200");
    await expect(page.locator("#amount-2")).toHaveValue("1000");
    await expectAccessible(page);
    await page.locator("#amount-2").fill("1200");
    await page.getByRole("button", { name: "Save the schedule" }).click();
    await expect(page.getByRole("status")).toContainText("Payment schedule saved.");
    const schedule = page.getByRole("table", { name: "£2,000 in 2 instalments" });
    await expect(schedule.getByRole("row", { name: /On acceptance.*£800.*Planned/ })).toBeVisible();
    await expect(schedule.getByRole("row", { name: new RegExp(`${shown(second)}.*£1,200.*Planned`) })).toBeVisible();
  });

  await test.step("the first instalment is asked for, approved by a second funder and recorded as paid", async () => {
    await expect(page.getByRole("group", { name: "How will instalment 1 of 2: £800, on acceptance be paid?" })).toBeVisible();
    await page.getByRole("radio", { name: "Bank transfer (made outside Pitchday)" }).check();
    await page.getByRole("button", { name: "Ask for payment" }).click();
    await expect(page.getByRole("status")).toContainText("Payment asked for.");
    await expect(page.getByRole("heading", { name: /Payment 1: .*£800 \(Instalment 1 of 2\)/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve payment" })).toHaveCount(0);
    const approver = await browser.newPage();
    await loginAs(approver, "funder2");
    await approver.goto(awardPath);
    await approver.getByRole("button", { name: "Approve payment" }).click();
    await expect(approver.getByRole("status")).toContainText("Payment approved.");
    await approver.context().close();
    await page.reload();
    await page.getByLabel("Bank transfer reference").fill("TCC-SHED-1");
    await page.getByLabel("Date paid").fill(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London" }).format(new Date()));
    await page.getByRole("button", { name: "Record payment as made" }).click();
    await expect(page.getByRole("status")).toContainText("Payment recorded as made.");
    const schedule = page.getByRole("table", { name: "£2,000 in 2 instalments" });
    await expect(schedule.getByRole("row", { name: /On acceptance.*£800.*Paid on/ })).toBeVisible();
    await expect(schedule).toContainText("£1,200 still to come");
    // The award is not paid until the second instalment is; the next one is offered.
    await expect(page.getByRole("group", { name: `How will instalment 2 of 2: £1,200, planned for ${shown(second)} be paid?` })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the group's private page shows the schedule, with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const group = await context.newPage();
    await group.goto("/rounds/summer-2026");
    await group.getByLabel("Email address").fill(SHED_EMAIL);
    await group.getByLabel("Bid reference").fill(reference!);
    await group.getByRole("button", { name: "Send me my link again" }).click();
    const text = (await (await latestMailTo(group, SHED_EMAIL)).textContent()) ?? "";
    const link = new URL(/(https?:\/\/\S+\/bid\/[A-Za-z0-9_-]{43})/.exec(text)![1]!).pathname;
    await group.goto(link);
    await expect(group.getByText("£2,000 is paid in 2 instalments. £800 has been paid so far.")).toBeVisible();
    const schedule = group.getByRole("table", { name: "Your payment schedule" });
    await expect(schedule.getByRole("row", { name: /On acceptance.*£800.*Paid on/ })).toBeVisible();
    await expect(schedule.getByRole("row", { name: new RegExp(`${shown(second)}.*£1,200.*Planned`) })).toBeVisible();
    await context.close();
    // axe needs JavaScript in the page: the same page, checked with it on.
    await page.goto(link);
    await expect(page.getByRole("table", { name: "Your payment schedule" })).toBeVisible();
    await expectAccessible(page);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, latestMailTo } from "./fixtures";

// A volunteer on a phone, with no account, finds the open round, writes a one-page bid, and
// gets a reference and a private link. Runs against the demo data: the open round is
// spring-2027 (fund limits £200 to £5,000).

const ROUND = "/rounds/spring-2027";

function isoDaysFromNow(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

let unique = 0;
function emailFor(name: string) {
  unique += 1;
  return `${name}-${Date.now()}-${unique}@example.org`;
}

interface BidDetails {
  email: string;
  group?: string;
  amount?: string;
  lines?: [string, string][];
}

async function fillBid(page: Page, { email, group = "Thornbury Repair Café", amount = "1,500", lines = [["Tools", "1,200"], ["Publicity", "300"]] }: BidDetails) {
  await page.getByLabel("Name of your group").fill(group);
  await page.getByLabel(/^Constituted group/).check();
  await page.getByLabel("Area or postcode where the project will happen").fill("BS35 2AA");
  await page.getByLabel("Full name").fill("Jo Green");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Project title").fill("A monthly repair café");
  await page.getByLabel("Summary of your project").fill("We will fix things instead of throwing them away.");
  await page.getByLabel("The difference it will make").fill("Less waste, and people learn to mend.");
  await page.getByLabel("Who will benefit").fill("Households in Thornbury");
  await page.getByLabel("Roughly how many people will benefit").fill("300");
  await page.getByLabel("How much are you asking for?").fill(amount);
  for (const [index, [item, cost]] of lines.entries()) {
    await page.getByLabel(`Line ${index + 1}: what it is for`).fill(item);
    await page.getByLabel(`Line ${index + 1}: cost in pounds`).fill(cost);
  }
  await page.getByLabel("Start date").fill(isoDaysFromNow(14));
  await page.getByLabel("End date").fill(isoDaysFromNow(120));
}

async function submitFromCheckPage(page: Page) {
  await expect(page.getByRole("heading", { name: "Check your answers before you submit" })).toBeVisible();
  await page.getByLabel(/I confirm that the information in this bid is true/).check();
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByRole("heading", { name: "Bid submitted" })).toBeVisible();
  const reference = (await page.locator(".panel-confirm .reference").textContent()) ?? "";
  expect(reference).toMatch(/^PD-\d{4}-\d{4}$/);
  return reference;
}

function privateLinkIn(text: string) {
  const match = /(https?:\/\/\S+\/bid\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`No private link in: ${text}`);
  return new URL(match[1]).pathname;
}

test("a group finds the open round and submits a bid with JavaScript", async ({ page }) => {
  await page.goto("/rounds");
  await expect(page.getByRole("heading", { name: "Apply for funding" })).toBeVisible();
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Spring 2027 community pitches" }).click();
  await expect(page.getByRole("heading", { name: "How bids are judged" })).toBeVisible();
  await page.getByRole("link", { name: "Start your bid" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bid to Spring 2027 community pitches");

  const email = emailFor("js");
  await fillBid(page, { email, amount: "1,700", lines: [["Tools", "1,200"], ["Publicity", "300"]] });
  await expect(page.locator(".budget-total")).toContainText("Difference: £200 less than you are asking for");

  // Only the chosen group type's box shows once JavaScript runs.
  await expect(page.getByLabel("Registered charity number")).toHaveCount(0);
  await page.getByLabel("Registered charity", { exact: true }).check();
  await expect(page.getByLabel("Registered charity number")).toBeVisible();
  await expect(page.getByLabel("Company number")).toHaveCount(0);

  // Charity numbers are checked as soon as the box is left.
  await page.getByLabel("Registered charity number").fill("12ab");
  await page.getByLabel("Registered charity number").blur();
  await expect(page.locator("#field-charityNumber-error")).toContainText("Charity number must be 6 to 8 digits");
  await page.getByLabel("Registered charity number").fill("1123456");
  await expect(page.locator("#field-charityNumber-error")).toHaveCount(0);

  // Rows are added and removed in the page.
  await expect(page.getByLabel(/^Line \d+: what it is for$/)).toHaveCount(5);
  await page.getByRole("button", { name: "Add another line" }).click();
  await expect(page.getByLabel(/^Line \d+: what it is for$/)).toHaveCount(6);
  await expect(page.getByLabel("Line 6: what it is for")).toBeFocused();
  await page.getByLabel("Line 6: what it is for").fill("Hall hire");
  await page.getByLabel("Line 6: cost in pounds").fill("200");
  await expect(page.locator(".budget-total")).toContainText("They match.");
  await page.getByRole("button", { name: "Remove line 3" }).click();
  await expect(page.getByLabel(/^Line \d+: what it is for$/)).toHaveCount(5);
  await expect(page.getByLabel("Line 5: what it is for")).toHaveValue("Hall hire");

  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator(".summary")).toContainText("1123456");
  await expect(page.getByText("Hall hire: £200")).toBeVisible();
  await expectAccessible(page);

  const reference = await submitFromCheckPage(page);
  await expect(page.locator(".private-link a")).toHaveText(/\/bid\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "See where your bid stands" }).click();
  await expect(page.locator(".tag", { hasText: "Submitted" })).toBeVisible();
  await expect(page.getByText("£1,700", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  const mail = await latestMailTo(page, email);
  await expect(mail).toContainText(`Bid received: ${reference}`);
});

test("a bid with mistakes shows each error beside its box and in a summary, and keeps what was typed", async ({ page }) => {
  await page.goto(`${ROUND}/apply`);
  await fillBid(page, { email: "jo@", amount: "9000", lines: [["Tools", "1,200"], ["", "300"]] });
  await page.getByLabel("End date").fill(isoDaysFromNow(7));
  await page.getByRole("button", { name: "Save and continue" }).click();

  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  for (const message of [
    "Enter an email address in the correct format, like name@example.com",
    "Amount must be £5,000 or less",
    "Enter what line 2 of the budget is for",
    "End date must be after the start date",
  ]) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
  }
  await expect(page.locator("#field-contactEmail-error")).toContainText("Enter an email address in the correct format");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Project title")).toHaveValue("A monthly repair café");
  await expectAccessible(page);

  await summary.getByRole("link", { name: "Amount must be £5,000 or less" }).click();
  await expect(page.getByLabel("How much are you asking for?")).toBeFocused();
  await page.getByLabel("How much are you asking for?").fill("1,500");
  await expect(summary.getByRole("link", { name: "Amount must be £5,000 or less" })).toHaveCount(0);
});

test("a draft is saved, and resumed and submitted through the emailed link", async ({ page }) => {
  const email = emailFor("draft");
  await page.goto(`${ROUND}/apply`);
  await page.getByLabel("Name of your group").fill("Morton Village Hall Committee");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Summary of your project").fill("New chairs for the hall.");
  await page.getByRole("button", { name: "Save as draft" }).click();

  await expect(page.getByText("Your draft has been saved")).toBeVisible();
  await expect(page.locator(".tag", { hasText: "Draft" })).toBeVisible();
  const reference = (await page.locator(".caption").textContent())?.replace("Bid ", "") ?? "";
  expect(reference).toMatch(/^PD-\d{4}-\d{4}$/);
  await expectAccessible(page);

  const mail = await latestMailTo(page, email);
  await expect(mail).toContainText(`Your draft bid ${reference}`);
  const link = mail.locator("a", { hasText: "/bid/" });
  const path = privateLinkIn((await link.textContent()) ?? "");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));

  await page.getByRole("link", { name: "Continue your bid" }).click();
  await expect(page.getByLabel("Summary of your project")).toHaveValue("New chairs for the hall.");
  await fillBid(page, { email, group: "Morton Village Hall Committee" });
  await page.getByRole("button", { name: "Save and continue" }).click();
  expect(await submitFromCheckPage(page)).toBe(reference);
});

test("a group that lost its link gets a fresh one, and the old one stops working", async ({ page }) => {
  const email = emailFor("lost");
  await page.goto(`${ROUND}/apply`);
  await page.getByLabel("Name of your group").fill("Oldbury Bowls Club");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Save as draft" }).click();
  const reference = (await page.locator(".caption").textContent())?.replace("Bid ", "") ?? "";
  const oldPath = new URL(page.url()).pathname;

  await page.goto(ROUND);
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByLabel("Bid reference").fill(reference.toLowerCase());
  await page.getByRole("button", { name: "Send me my link again" }).click();
  await expect(page.getByText("If that email address and reference match a bid in this round")).toBeVisible();

  const mail = await latestMailTo(page, email);
  await expect(mail).toContainText(`A new link to your bid ${reference}`);
  const newPath = privateLinkIn((await mail.textContent()) ?? "");
  expect(newPath).not.toBe(oldPath);
  const gone = await page.goto(oldPath);
  expect(gone?.status()).toBe(404);
  await expect(page.getByText("only the newest one works")).toBeVisible();
  await page.goto(newPath);
  await expect(page.getByText(reference).first()).toBeVisible();
});

test("a closed round says so instead of showing the form", async ({ page }) => {
  await page.goto("/rounds/autumn-2026/apply");
  await expect(page.getByRole("heading", { name: "This round is closed" })).toBeVisible();
  await expect(page.getByLabel("Name of your group")).toHaveCount(0);
});

test("bad links and junk input get a message, never a server error", async ({ page, request }) => {
  expect((await page.goto("/bid/not-a-real-token"))?.status()).toBe(404);
  expect((await page.goto("/rounds/no-such-round/apply"))?.status()).toBe(404);
  const junk = await request.post(`${ROUND}/apply`, {
    form: { intent: "continue", groupName: "G", summary: "x".repeat(100_000), amountRequested: "lots", groupType: "WIZARDS" },
  });
  expect(junk.status()).toBe(400);
  const body = await junk.text();
  expect(body).toContain("Summary must be 500 characters or fewer");
  expect(body).toContain("Select one of the types of group listed");
  expect((await request.post(`${ROUND}/apply`, { form: { intent: "nonsense" } })).status()).toBe(400);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a group submits, changes and withdraws a bid with plain form posts", async ({ page }) => {
    const email = emailFor("nojs");
    await page.goto(`${ROUND}/apply`);
    // Every conditional box shows when no script can hide them.
    await expect(page.getByLabel("Registered charity number")).toBeVisible();
    await expect(page.getByLabel("Company number")).toBeVisible();
    await expect(page.getByLabel("Name of the organisation applying on your behalf")).toBeVisible();

    await fillBid(page, { email, amount: "1,800" });
    await page.getByRole("button", { name: "Add another line" }).click();
    await expect(page.getByLabel(/^Line \d+: what it is for$/)).toHaveCount(6);
    await expect(page.getByLabel("Line 1: what it is for")).toHaveValue("Tools");
    await expect(page.getByLabel("Full name")).toHaveValue("Jo Green");
    await page.getByLabel("Line 6: what it is for").fill("Hall hire");
    await page.getByLabel("Line 6: cost in pounds").fill("300");
    await expect(page.locator(".budget-total")).toContainText("Budget lines add up to £1,500");

    await page.getByRole("button", { name: "Save and continue" }).click();
    const reference = await submitFromCheckPage(page);
    await page.getByRole("link", { name: "See where your bid stands" }).click();
    await expect(page.locator(".tag", { hasText: "Submitted" })).toBeVisible();

    await page.getByRole("link", { name: "Change your bid" }).click();
    await page.getByLabel("How much are you asking for?").fill("1,500");
    // The edit page shows the three stored lines and two spare rows.
    await expect(page.getByLabel("Line 3: what it is for")).toHaveValue("Hall hire");
    await page.getByLabel("Line 3: what it is for").fill("");
    await page.getByLabel("Line 3: cost in pounds").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Your changes have been saved")).toBeVisible();
    await expect(page.getByText("This is version 2 of your bid")).toBeVisible();
    await expect(page.getByText("£1,500", { exact: true }).first()).toBeVisible();

    await page.getByRole("link", { name: "Withdraw your bid" }).click();
    await expect(page.getByRole("heading", { name: "Are you sure you want to withdraw your bid?" })).toBeVisible();
    await page.getByRole("button", { name: "Yes, withdraw my bid" }).click();
    await expect(page.getByText("Your bid has been withdrawn")).toBeVisible();
    await expect(page.locator(".tag", { hasText: "Withdrawn" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Change your bid" })).toHaveCount(0);
    const edit = await page.goto(`${new URL(page.url()).pathname}/edit`);
    expect(edit?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Your bid can no longer be changed" })).toBeVisible();

    const mail = await latestMailTo(page, email);
    await expect(mail).toContainText(`Bid withdrawn: ${reference}`);
  });

  test("the server's messages show beside each box and nothing typed is lost", async ({ page }) => {
    await page.goto(`${ROUND}/apply`);
    await page.getByLabel("Name of your group").fill("Thornbury Wheelers");
    await page.getByLabel("Company or community interest company (CIC)").check();
    await page.getByLabel("Company number").fill("123");
    await page.getByLabel("Summary of your project").fill("x".repeat(501));
    await page.getByRole("button", { name: "Save and continue" }).click();

    const summary = page.locator(".error-summary");
    await expect(summary).toContainText("Company number must be 8 characters, like 01234567 or SC123456");
    await expect(summary).toContainText("Summary must be 500 characters or fewer");
    await expect(summary).toContainText("Enter an email address, so we can send you a link to your bid");
    await expect(page.locator("#field-summary-error")).toBeVisible();
    await expect(page.getByLabel("Name of your group")).toHaveValue("Thornbury Wheelers");
    await expect(page.getByLabel("Company number")).toHaveValue("123");
    await expect(page.getByLabel("Company or community interest company (CIC)")).toBeChecked();
    // (axe needs JavaScript in the page; the form with errors is checked by the test above that has it.)
  });

  test("a robot that fills in the hidden box is turned away without a bid or an email", async ({ page }) => {
    const email = emailFor("robot");
    await page.goto(`${ROUND}/apply`);
    await page.getByLabel("Name of your group").fill("Cheap Watches Ltd");
    await page.getByLabel("Email address").fill(email);
    await page.locator("#field-website").fill("http://spam.example");
    await page.getByRole("button", { name: "Save as draft" }).click();
    await expect(page).toHaveURL(new RegExp(`${ROUND}$`));
    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    await expect(page.locator("article.mail")).toHaveCount(0);
  });
});

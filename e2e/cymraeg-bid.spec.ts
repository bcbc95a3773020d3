import { devices, expect, test } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutJs, loginAs } from "./fixtures";
import { fillBidInWelsh } from "./welsh-bid-form";

// Cymraeg (issue 14), before a bid is sent: a group on a phone with JavaScript off, whose browser
// asks for Welsh, finds the open round, writes its bid in Welsh, is told in Welsh what to fix
// beside the box, checks its answers and submits, with axe on each page. An organiser makes a
// new round bilingual, and the public round page shows its words in both, Welsh first. Runs on
// the demo data (spring-2027 is open, fund limits £200 to £5,000). A change sent after the bid
// was withdrawn, and a link that finds no bid, are refused in Welsh.

const run = Date.now().toString(36);

test("a group applies in Welsh on a phone without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({
    ...devices["Pixel 7"],
    baseURL: test.info().project.use.baseURL,
    javaScriptEnabled: false,
    locale: "cy-GB",
  });
  const page = await context.newPage();

  await test.step("the rounds and the round's page, in Welsh", async () => {
    await page.goto("/rounds");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.getByRole("heading", { level: 1, name: "Gwneud cais am gyllid" })).toBeVisible();
    await expectAccessibleWithoutJs(browser, page);
    await page.getByRole("link", { name: "Spring 2027 community pitches" }).click();
    await expect(page.getByRole("heading", { name: "Sut mae ceisiadau’n cael eu barnu" })).toBeVisible();
    await expect(page.getByText(/^Caiff ceisiadau eu rhestru ar sgorau’r panel/)).toBeVisible();
    await expectAccessibleWithoutJs(browser, page);
    await page.getByRole("link", { name: "Dechrau eich cais" }).click();
  });

  await test.step("a mistake is told in Welsh beside its box, and nothing typed is lost", async () => {
    await expect(page.getByRole("heading", { level: 1, name: "Eich cais i Spring 2027 community pitches" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Cymraeg" })).toBeChecked();
    await fillBidInWelsh(page, { amount: "10", email: `sian-${run}@example.org` });
    await page.getByRole("button", { name: "Cadw a pharhau" }).click();
    await expect(page.getByRole("heading", { name: "Mae problem" })).toBeVisible();
    await expect(page.locator("#field-amountRequested-error")).toHaveText("Gwall: Rhaid i’r swm fod yn £200 neu fwy");
    await expect(page.getByRole("link", { name: "Rhaid i’r swm fod yn £200 neu fwy" })).toBeVisible();
    await expect(page.getByLabel("Teitl y prosiect")).toHaveValue("Caffi trwsio misol");
    await expect(page.getByRole("radio", { name: "Cymraeg" })).toBeChecked();
    await expectAccessibleWithoutJs(browser, page);
  });

  const bidPath = await test.step("fixed, checked in Welsh and submitted", async () => {
    await page.getByLabel("Faint ydych chi’n gofyn amdano?").fill("1,500");
    await page.getByRole("button", { name: "Cadw a pharhau" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Gwiriwch eich atebion cyn i chi gyflwyno" })).toBeVisible();
    const checkPath = new URL(page.url()).pathname;
    await expect(page.locator("dd[lang=cy]", { hasText: "Caffi trwsio misol" })).toBeVisible();
    await expect(page.locator("dt", { hasText: "Swm y gofynnwyd amdano" })).toBeVisible();
    await expectAccessibleWithoutJs(browser, page);
    await page.getByLabel(/^Rwy’n cadarnhau bod yr wybodaeth/).check();
    await page.getByRole("button", { name: "Cyflwyno’r cais" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cais wedi’i gyflwyno" })).toBeVisible();
    await expect(page.locator(".panel-confirm .reference")).toHaveText(/^PD-\d{4}-\d{4}$/);
    await expect(page.getByText("Beth sy’n digwydd nesaf")).toBeVisible();
    await expectAccessibleWithoutJs(browser, page);
    return checkPath.replace(/\/check$/, "");
  });

  await test.step("a change refused because the bid was withdrawn meanwhile is told in Welsh, the words typed kept", async () => {
    await page.goto(`${bidPath}/edit`);
    await page.getByLabel("Teitl y prosiect").fill("Caffi trwsio wythnosol");
    const other = await context.newPage();
    await other.goto(`${bidPath}/withdraw`);
    await other.getByRole("button", { name: "Ydw, tynnwch fy nghais yn ôl" }).click();
    await expect(other.locator("html")).toHaveAttribute("lang", "cy");
    await other.close();
    await page.getByRole("button", { name: "Cadw’r newidiadau" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Mae’r cais hwn wedi’i dynnu’n ôl, felly ni ellir ei newid mwyach." })).toBeVisible();
    await expect(page.getByLabel("Teitl y prosiect")).toHaveValue("Caffi trwsio wythnosol");
    await expectAccessibleWithoutJs(browser, page);
    await page.goto(`${bidPath}/edit`);
    await expect(page.getByRole("heading", { level: 1, name: "Ni ellir newid eich cais mwyach" })).toBeVisible();
    await expect(page.getByText("Mae’r cais hwn wedi’i dynnu’n ôl, felly ni ellir ei newid mwyach.")).toBeVisible();
  });

  await test.step("a private link that finds no bid says so in Welsh", async () => {
    const missing = await page.goto(`${bidPath.replace(/[^/]{6}$/, "AAAAAA")}/edit`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByText(/^Doedd dim modd dod o hyd i gais ar gyfer y ddolen hon\./)).toBeVisible();
    await expectAccessibleWithoutJs(browser, page);
  });
  await context.close();
});

test("an organiser makes a round bilingual, and its page says it in Welsh and English", async ({ page, browser }) => {
  const slug = `cymraeg-${run}`;
  await loginAs(page, "organiser");
  await page.goto("/staff/funds");
  await page.getByRole("link", { name: "Thornbury Community Chest" }).first().click();
  await page.getByRole("link", { name: "Add a round" }).click();
  await page.getByLabel("Title").fill("Thornbury green spaces");
  await page.getByLabel("Web address name").fill(slug);
  await page.getByLabel("Opens").fill("2030-03-01T09:00");
  await page.getByLabel("Closes").fill("2030-04-30T17:00");
  await page.getByLabel("Description (optional)", { exact: true }).fill("Small grants for green spaces.");
  await page.getByLabel("Name of criterion 1", { exact: true }).fill("Need");
  await page.getByLabel("Bilingual round (Welsh and English)").check();
  await page.getByRole("button", { name: "Create round" }).click();

  await expect(page.locator("#field-titleCy-error")).toContainText("Enter the round's name in Welsh");
  await expect(page.locator("#field-descriptionCy-error")).toContainText("Enter the description in Welsh too");
  await expect(page.getByLabel("Bilingual round (Welsh and English)")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Name of the round in Welsh").fill("Mannau gwyrdd Thornbury");
  await page.getByLabel("Description in Welsh").fill("Grantiau bach ar gyfer mannau gwyrdd.");
  await page.getByRole("button", { name: "Create round" }).click();
  await expect(page.getByRole("status")).toContainText("Round created");

  const reader = await (await browser.newContext({ ...devices["Pixel 7"], baseURL: test.info().project.use.baseURL, locale: "en-GB" })).newPage();
  await reader.goto(`/rounds/${slug}`);
  const heading = reader.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Mannau gwyrdd Thornbury / Thornbury green spaces");
  await expect(heading.locator("[lang]").first()).toHaveAttribute("lang", "cy");
  await expect(heading.locator("[lang=en-GB]")).toHaveText("Thornbury green spaces");
  const description = reader.locator("p.lead");
  await expect(description.first()).toHaveAttribute("lang", "cy");
  await expect(description.nth(1)).toHaveText("Small grants for green spaces.");
  await expect(reader.getByRole("heading", { name: "How bids are judged" })).toBeVisible();
  await expectAccessible(reader);
  await reader.context().close();
});

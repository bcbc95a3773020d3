import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// /results in Welsh (issue 14): a browser that asks for Welsh reads which projects the demo's
// past event funded, with Welsh words, dates and numbers around the groups' own words, which
// keep the language they were written in; axe checks each page in Welsh.

test("anyone reads the results in Welsh, the groups' names in their own language", async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "cy-GB" })).newPage();

  await test.step("the list of events", async () => {
    await page.goto("/results");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page).toHaveTitle("Canlyniadau digwyddiadau cyflwyno – Pitchday");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Canlyniadau digwyddiadau cyflwyno");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Summer pitch night" }) });
    await expect(card).toContainText(/3 phrosiect wedi'u hariannu, £5,300 i gyd/);
    await expect(card).toContainText(/\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/);
    await expect(page.getByRole("region", { name: "Pwyntiau gwirio'r log archwilio" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("one event's projects, with the groups' own words marked as English", async () => {
    await page.getByRole("link", { name: "Summer pitch night" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Canlyniadau: Summer pitch night");
    const funded = page.getByRole("table", { name: "Prosiectau a ariannwyd yn Summer pitch night" });
    await expect(funded.getByRole("columnheader")).toHaveText(["Prosiect", "Grŵp", "Swm y grant"]);
    await expect(funded.getByRole("row", { name: /Tools for the Shed workshop.*Thornbury Men's Shed.*£2,000.*o'r £2,400 y gofynnwyd amdano/ })).toBeVisible();
    await expect(funded.getByRole("row", { name: /Cyfanswm a ddyfarnwyd yn y digwyddiad hwn.*£5,300/ })).toBeVisible();
    await expect(funded.getByText("Thornbury Men's Shed", { exact: true })).toHaveAttribute("lang", "en-GB");
    await expect(funded.getByText("Tools for the Shed workshop", { exact: true })).toHaveAttribute("lang", "en-GB");
    await expect(page.getByRole("region", { name: "Y gronfa" })).toContainText("£700");
    await expectAccessible(page);
  });

  await test.step("an event with no results yet says so in Welsh", async () => {
    const missing = await page.goto("/results/not-an-event");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dim canlyniadau yma eto");
    await expect(page.getByRole("link", { name: "Gweld y canlyniadau a gyhoeddwyd eisoes" })).toBeVisible();
    await expectAccessible(page);
  });
  await page.context().close();
});

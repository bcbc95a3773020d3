import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { cymraegAfterFixturePath, type CymraegAfterFixture } from "./cymraeg-after-fixture";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// A group that wrote in Welsh (e2e/seed-cymraeg-after.ts: funded, its award offered) opens its
// private page on a phone with JavaScript off, chooses Cymraeg, reads its outcome and the
// funder's words, accepts the award and gives its bank details, each mistake explained in Welsh
// beside its field with nothing typed lost; then the seeded larder's end-of-grant report in
// Welsh. axe checks each page in Welsh with JavaScript on.

function fixture(): CymraegAfterFixture {
  const port = new URL(test.info().project.use.baseURL!).port;
  return JSON.parse(readFileSync(cymraegAfterFixturePath(port), "utf8")) as CymraegAfterFixture;
}

/** A phone that asks for Welsh first, as a Welsh speaker's browser does. */
async function welshPhone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, locale: "cy-GB", extraHTTPHeaders: { "Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5" } });
  return context.newPage();
}

test("a group reads its outcome, accepts its award and gives its bank details in Welsh, without JavaScript", async ({ browser }) => {
  test.slow();
  const { link, reference, group, feedback } = fixture();

  await test.step("with JavaScript on, each page in Welsh passes axe, an error shown too", async () => {
    const phone = await welshPhone(browser, true);
    await phone.goto(link);
    await expect(phone.locator("html")).toHaveAttribute("lang", "cy");
    await expect(phone.getByRole("heading", { name: "Penderfyniad y cyllidwr" })).toBeVisible();
    await expectAccessible(phone);
    await phone.getByRole("link", { name: "Derbyn yr amodau" }).click();
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Derbyn amodau eich dyfarniad");
    await phone.getByRole("button", { name: "Derbyn yr amodau" }).click();
    await expect(phone.locator("#field-signedName-error")).toContainText("Rhowch enw llawn y person sy’n derbyn ar ran y grŵp");
    await expectAccessible(phone);
    await phone.context().close();
  });

  const phone = await welshPhone(browser, false);
  await test.step("the page first follows the browser, and the Cymraeg / English link is remembered", async () => {
    await phone.goto(link);
    await phone.getByRole("link", { name: "English" }).click();
    await expect(phone.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(phone.getByRole("heading", { name: "The funder’s decision" })).toBeVisible();
    await phone.getByRole("link", { name: "Cymraeg" }).click();
    await expect(phone.locator("html")).toHaveAttribute("lang", "cy");
  });

  await test.step("the outcome, the funder's own words marked as Welsh, and the award offered", async () => {
    await expect(phone.getByText(`Cais ${reference}`)).toBeVisible();
    await expect(phone.getByText("Wedi’i ariannu", { exact: true })).toBeVisible();
    await expect(phone.getByText("Mae’ch cais wedi’i ariannu.", { exact: true })).toBeVisible();
    await expect(phone.locator('p.feedback[lang="cy"]')).toHaveText(feedback);
    await expect(phone.getByText("Wedi’i gynnig: derbyniwch yr amodau")).toBeVisible();
    await expect(phone.locator("dl", { has: phone.getByText("Amodau", { exact: true }) })).toContainText("£1,500");
    await expect(phone.getByText("Caiff y dyfarniad ei dalu unwaith y bydd rhywun sy’n gallu llofnodi ar ran eich grŵp wedi derbyn ei amodau.")).toBeVisible();
  });

  await test.step("accepting: a box left unticked is explained in Welsh, the name typed is kept", async () => {
    await phone.getByRole("link", { name: "Derbyn yr amodau" }).click();
    await expect(phone.getByText(`Mae Cyngor Cymuned Llanfair yn cynnig dyfarniad o £1,500 i ${group}, ar yr amodau hyn:`)).toBeVisible();
    await phone.getByLabel("Eich enw llawn").fill("Siân Prydderch");
    await phone.getByRole("button", { name: "Derbyn yr amodau" }).click();
    await expect(phone.locator("#field-agree-error")).toContainText("Ticiwch y blwch i gadarnhau bod y grŵp yn derbyn yr amodau");
    await expect(phone.getByRole("link", { name: "Cadarnhad: Ticiwch y blwch i gadarnhau bod y grŵp yn derbyn yr amodau" })).toBeVisible();
    await expect(phone.getByLabel("Eich enw llawn")).toHaveValue("Siân Prydderch");
    await phone.getByLabel(`Gallaf lofnodi ar ran ${group}, ac mae’r grŵp yn derbyn yr amodau hyn`).check();
    await phone.getByRole("button", { name: "Derbyn yr amodau" }).click();
    await expect(phone.getByText("Rydych wedi derbyn amodau’r dyfarniad")).toBeVisible();
    await expect(phone.getByText(/^Derbyniodd Siân Prydderch yr amodau ar \d{1,2} \p{L}+ \d{4}\.$/u)).toBeVisible();
    await expect(phone.getByText("Amodau wedi’u derbyn")).toBeVisible();
  });

  await test.step("bank details: a number that does not go with the sort code is explained in Welsh, nothing typed lost", async () => {
    await phone.getByRole("link", { name: "Rhoi neu wirio eich manylion banc" }).click();
    await expect(phone.getByRole("heading", { name: "I ble dylem ni dalu’r dyfarniad?" })).toBeVisible();
    await phone.getByLabel("Trosglwyddiad banc i gyfrif yn y DU").check();
    await phone.getByLabel("Enw ar y cyfrif").fill("Gardd Llanfair");
    await phone.getByLabel("Cod didoli").fill("08-99-99");
    await phone.getByLabel("Rhif y cyfrif").fill("66374959");
    await phone.getByRole("button", { name: "Parhau" }).click();
    await expect(phone.locator("#field-accountNumber-error")).toContainText("Nid yw rhif y cyfrif hwn yn cyfateb i’r cod didoli hwnnw");
    await expect(phone.getByLabel("Enw ar y cyfrif")).toHaveValue("Gardd Llanfair");
    await expect(phone.getByLabel("Cod didoli")).toHaveValue("08-99-99");
    await expect(phone.getByLabel("Rhif y cyfrif")).toHaveValue("66374959");
    await phone.getByLabel("Rhif y cyfrif").fill("66374958");
    await phone.getByRole("button", { name: "Parhau" }).click();
    await expect(phone.getByRole("heading", { name: "Gwiriwch y manylion talu" })).toBeVisible();
    await expect(phone.getByText("08-99-99, cyfrif yn gorffen â 4958")).toBeVisible();
    await phone.getByRole("button", { name: "Cadw’r manylion hyn" }).click();
    await expect(phone.getByText("Mae’ch manylion talu wedi’u cadw.", { exact: false })).toBeVisible();
  });
  await phone.context().close();

  await test.step("the accepted award, bank details and payment set-up pages, in Welsh with JavaScript on, pass axe", async () => {
    const checked = await welshPhone(browser, true);
    await checked.goto(link);
    await expect(checked.getByText("Amodau wedi’u derbyn")).toBeVisible();
    await expectAccessible(checked);
    await checked.goto(`${link}/bank-details`);
    await expect(checked.getByText("08-99-99, cyfrif yn gorffen â 4958")).toBeVisible();
    await checked.getByLabel("Trosglwyddiad banc i gyfrif yn y DU").check();
    await checked.getByRole("button", { name: "Parhau" }).click();
    await expect(checked.locator("#field-sortCode-error")).toContainText("Rhowch y cod didoli");
    await expectAccessible(checked);
    await checked.goto(`${link}/payout`);
    await expect(checked.getByRole("heading", { level: 1 })).toHaveText("Trefnu taliad");
    await expect(checked.getByRole("link", { name: "Ymlaen i Stripe" })).toBeVisible();
    await expectAccessible(checked);
    await checked.goto("/payout/expired");
    await expect(checked.getByRole("heading", { level: 1 })).toHaveText("Mae’r ddolen drefnu hon wedi dod i ben");
    await expectAccessible(checked);
    await checked.context().close();
  });
});

test("the end-of-grant report in Welsh: its mistakes explained beside the fields", async ({ page, browser }) => {
  const LARDER = "Thornbury Community Larder";
  const LARDER_EMAIL = "hello@thornburylarder.example";
  await loginAs(page, "funder");
  await page.goto("/staff/grants");
  const reference = (await page.getByRole("row").filter({ hasText: LARDER }).getByRole("link").textContent())!.trim();
  // why JavaScript off: the form posts and the next page loads before the outbox is read.
  const asker = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await asker.goto("/rounds/summer-2026");
  await asker.getByLabel("Email address").fill(LARDER_EMAIL);
  await asker.getByLabel("Bid reference").fill(reference);
  await asker.getByRole("button", { name: "Send me my link again" }).click();
  const text = (await (await latestMailTo(asker, LARDER_EMAIL)).textContent()) ?? "";
  await asker.context().close();
  const link = new URL(/(https?:\/\/\S+\/bid\/[A-Za-z0-9_-]{43})/.exec(text)![1]!).pathname;

  const phone = await welshPhone(browser, false);
  await phone.goto(link);
  await phone.getByRole("link", { name: "Adroddiad diwedd grant" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Adroddiad diwedd grant");
  await expect(phone.getByText(/^Dywedwch wrth y cyllidwr beth wnaeth eich grant o £[\d,]+\. Mae angen cyflwyno’r adroddiad erbyn \d{1,2} \p{L}+ \d{4}\.$/u)).toBeVisible();
  await phone.getByLabel("Faint o bobl a gymerodd ran").fill("llawer");
  await phone.getByLabel(/^Commercial fridge \(cyllideb £750\)/).fill("750");
  await phone.getByRole("button", { name: "Cadw fel drafft" }).click();
  await expect(phone.locator("#field-participants-error")).toContainText("Rhowch faint o bobl a gymerodd ran, fel rhif cyfan, er enghraifft 40");
  await expect(phone.getByLabel("Faint o bobl a gymerodd ran")).toHaveValue("llawer");
  await expect(phone.getByLabel(/^Commercial fridge \(cyllideb £750\)/)).toHaveValue("750");
  await phone.context().close();

  const checked = await welshPhone(browser, true);
  await checked.goto(`${link}/report`);
  await expect(checked.getByRole("heading", { name: "Lluniau" })).toBeVisible();
  await expectAccessible(checked);
  await checked.context().close();
});

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { bigScreenFixturePath, type BigScreenFixture } from "./big-screen-fixture";
import { expectAccessible, expectAccessibleWithoutJs, loginAs } from "./fixtures";

// Welsh and English (issue 14): an audience member switches the site to Cymraeg with the link in
// the header and votes in Welsh, with JavaScript and without (axe checks the pages with it); a browser that asks for Welsh gets
// it first; the big screen says everything in both languages, Welsh first. Runs on the big
// screen's server, whose seeded over-time event is live with its join code. A Welsh panellist,
// without JavaScript, is told in Welsh what to fix on the score sheet and the conflict form.

function seeded(): BigScreenFixture {
  const port = new URL(test.info().project.use.baseURL ?? "").port;
  return JSON.parse(readFileSync(bigScreenFixturePath(port), "utf8")) as BigScreenFixture;
}

test("an audience member switches to Cymraeg and votes in Welsh", async ({ browser }) => {
  const { overtimeJoinCode } = seeded();
  const phone = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-GB" })).newPage();

  await test.step("English first, with the link to Welsh written in Welsh", async () => {
    await phone.goto("/vote");
    await expect(phone.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(phone.getByRole("heading", { level: 1, name: "Vote for the pitches" })).toBeVisible();
    await expect(phone.getByRole("link", { name: "Cymraeg" })).toHaveAttribute("lang", "cy");
  });

  await test.step("the link turns the page Welsh and stays on it", async () => {
    await phone.getByRole("link", { name: "Cymraeg" }).click();
    await expect(phone).toHaveURL(/\/vote$/);
    await expect(phone.locator("html")).toHaveAttribute("lang", "cy");
    await expect(phone.getByRole("heading", { level: 1, name: "Pleidleisiwch dros y cyflwyniadau" })).toBeVisible();
    await expect(phone.getByRole("link", { name: "English" })).toHaveAttribute("lang", "en-GB");
    await expectAccessible(phone);
  });

  await test.step("the code, the ballot and the vote, all in Welsh", async () => {
    await phone.getByLabel("Eich cod").fill(overtimeJoinCode);
    await phone.getByRole("button", { name: "Parhau" }).click();
    await expect(phone.getByRole("group", { name: "Dewiswch hyd at 3 cyflwyniad" })).toBeVisible();
    await expect(phone.getByText("Rydych wedi defnyddio 0 o 3 pleidlais.")).toBeVisible();
    await phone.getByRole("button", { name: "Pleidleisio" }).click();
    await expect(phone.getByRole("link", { name: "Dewiswch o leiaf un cyflwyniad i bleidleisio drosto." })).toBeVisible();
    await phone.getByRole("checkbox").first().check();
    await expect(phone.getByText("Rydych wedi defnyddio 1 o 3 pleidlais.")).toBeVisible();
    await phone.getByRole("button", { name: "Pleidleisio" }).click();
    await expect(phone.getByText("Mae eich pleidlais wedi’i chyfrif")).toBeVisible();
    await expect(phone.getByRole("button", { name: "Newid fy mhleidlais" })).toBeVisible();
    await expect(phone.locator("html")).toHaveAttribute("lang", "cy");
    await expectAccessible(phone);
  });

  await test.step("and back to English, remembered from then on", async () => {
    await phone.getByRole("link", { name: "English" }).click();
    await expect(phone.getByText("Your vote is counted")).toBeVisible();
    await phone.goto("/vote");
    await expect(phone.getByRole("heading", { level: 1, name: "Vote for the pitches" })).toBeVisible();
  });
  await phone.context().close();
});

test("without JavaScript, a browser that asks for Welsh votes in Welsh", async ({ browser }) => {
  const { overtimeJoinCode } = seeded();
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, javaScriptEnabled: false, locale: "cy-GB" });
  const phone = await context.newPage();
  await phone.goto(`/vote/${overtimeJoinCode}`);
  await expect(phone.locator("html")).toHaveAttribute("lang", "cy");
  await phone.getByRole("checkbox").nth(1).check();
  await phone.getByRole("button", { name: "Pleidleisio" }).click();
  await expect(phone.getByText("Mae eich pleidlais wedi’i chyfrif")).toBeVisible();
  await expect(phone.getByRole("link", { name: "English" })).toHaveAttribute("lang", "en-GB");

  // The language link sends people back only to a page of this site.
  const away = await phone.request.get("/language?lang=en&redirectTo=//evil.example/phish", { maxRedirects: 0 });
  expect(away.status()).toBe(302);
  expect(away.headers().location).toBe("/");
  await context.close();
});

test("without JavaScript, a Welsh panellist is told in Welsh what to fix on the score sheet and the conflict form", async ({ browser }) => {
  const { welshPanelInvitePath } = seeded();
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, javaScriptEnabled: false, locale: "cy-GB" });
  const phone = await context.newPage();

  await test.step("joins in Welsh and opens a pitch still open for scoring, its one page in Welsh", async () => {
    await phone.goto(welshPanelInvitePath);
    await expect(phone.locator("html")).toHaveAttribute("lang", "cy");
    await phone.getByRole("button", { name: "Defnyddio’r ffôn hwn i sgorio" }).click();
    await expect(phone.getByRole("heading", { name: "Yn dal ar agor i’w sgorio" })).toBeVisible();
    // The demo's bids are in English: their titles inside the Welsh sentence are marked so.
    const scoreLink = phone.getByRole("link", { name: /^Sgorio / }).first();
    await expect(scoreLink.locator("[lang]")).toHaveAttribute("lang", "en-GB");
    await scoreLink.click();
    await expect(phone.getByRole("heading", { level: 3, name: "Crynodeb" })).toBeVisible();
    await expect(phone.getByRole("heading", { level: 3, name: "Cyllideb" })).toBeVisible();
    await expect(phone.getByText("Ni roddwyd unrhyw linellau cyllideb.")).toBeVisible();
  });

  await test.step("a score left out is named in Welsh beside its criterion, and what was chosen stays", async () => {
    await phone.getByRole("group", { name: "Need" }).getByRole("radio", { name: "4" }).check();
    await phone.getByLabel("Sylw").fill("Cynllun clir.");
    await phone.getByRole("button", { name: "Cadw’r sgôr" }).click();
    await expect(phone.getByRole("group", { name: "Plan" })).toContainText("Dewiswch sgôr ar gyfer Plan, o 0 i 10.");
    await expect(phone.getByRole("link", { name: "Dewiswch sgôr ar gyfer Plan, o 0 i 10." })).toBeVisible();
    await expect(phone.getByRole("group", { name: "Need" }).getByRole("radio", { name: "4" })).toBeChecked();
    await expect(phone.getByLabel("Sylw")).toHaveValue("Cynllun clir.");
    await expectAccessibleWithoutJs(browser, phone);
  });

  await test.step("the conflict form's mistakes are in Welsh too", async () => {
    await phone.getByRole("link", { name: "Yn ôl i drefn y cyflwyniadau" }).click();
    await phone.getByRole("link", { name: "Datgan gwrthdaro buddiannau" }).click();
    await phone.getByRole("button", { name: "Datgan gwrthdaro" }).click();
    await expect(phone.getByRole("link", { name: "Dewiswch y cyflwyniad y mae gennych wrthdaro buddiannau ag ef." })).toBeVisible();
    await expect(phone.getByRole("link", { name: /^Dywedwch yn fyr pam mae gennych wrthdaro buddiannau/ })).toBeVisible();
    await expectAccessibleWithoutJs(browser, phone);
  });
  await context.close();
});

test("with JavaScript, a Welsh panellist's missing score is named in Welsh before anything is sent", async ({ browser }) => {
  const { welshJsPanelInvitePath } = seeded();
  const phone = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "cy-GB" })).newPage();
  await phone.goto(welshJsPanelInvitePath);
  await phone.getByRole("button", { name: "Defnyddio’r ffôn hwn i sgorio" }).click();
  await expect(phone.getByText("Byw: diweddariadau wrth iddynt ddigwydd.")).toBeVisible();
  await phone.getByRole("link", { name: /^Sgorio / }).first().click();
  // why: the panel's page has a score pad of its own for the pitch on stage; the score page's
  // pad is the one to fill, once the app has moved there.
  await expect(phone).toHaveURL(/\/panel\/[^/]+\/score\/[^/?]+/);
  await phone.getByRole("group", { name: "Plan" }).getByRole("radio", { name: "7" }).check();
  await phone.getByRole("button", { name: "Cadw’r sgôr" }).click();
  await expect(phone.getByRole("link", { name: "Dewiswch sgôr ar gyfer Need, o 1 i 5." })).toBeVisible();
  await expect(phone.getByRole("group", { name: "Need" })).toContainText("Dewiswch sgôr ar gyfer Need, o 1 i 5.");
  await expect(phone.getByRole("group", { name: "Plan" }).getByRole("radio", { name: "7" })).toBeChecked();
  await expectAccessible(phone);
  await phone.context().close();
});

test("the big screen speaks Welsh and English at once, Welsh first, each with its lang", async ({ page }) => {
  const { overtimeEventId, pitches, latePitch } = seeded();
  await loginAs(page, "organiser");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/screen/${overtimeEventId}`);
  const phase = page.locator(".screen__phase");
  await expect(phase.locator('[lang="cy"]')).toHaveText(`Cyflwyniad ${latePitch} o ${pitches} · Cyflwyno`);
  await expect(phase.locator('[lang="en-GB"]')).toHaveText(`Pitch ${latePitch} of ${pitches} · Pitching`);
  const vote = page.locator(".screen__join .screen__label");
  await expect(vote).toHaveText("Pleidleisiwch ar eich ffôn / Vote on your phone");
  // Welsh comes first in every pair.
  const order = await page.locator(".screen [lang]").evaluateAll((parts) => parts.map((el) => el.getAttribute("lang")));
  expect(order.length).toBeGreaterThan(4);
  for (let i = 0; i + 1 < order.length; i += 2) expect([order[i], order[i + 1]]).toEqual(["cy", "en-GB"]);
  await expectAccessible(page);
});

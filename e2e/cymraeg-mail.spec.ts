import { readFileSync } from "node:fs";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { cymraegAfterFixturePath, type CymraegAfterFixture } from "./cymraeg-after-fixture";
import { cymraegMailFixturePath, type CymraegMailFixture } from "./cymraeg-mail-fixture";
import { loginAs, mailTo } from "./fixtures";
import { fillBidInWelsh } from "./welsh-bid-form";

// Cymraeg (issue 14), what a group that bid in Welsh is sent, read in the development outbox:
// the bid-received email with its private link, the funding decision and the award offer, in
// Welsh; on a bilingual round in Welsh then English, the whole of each, whatever language the bid.
// Then staff reading the Welsh bid: its words marked lang="cy" on their English pages.
// Seeded by e2e/seed-cymraeg-after.ts and e2e/seed-cymraeg-mail.ts.

const run = Date.now().toString(36);
const LINK = /https?:\/\/\S+\/bid\/[A-Za-z0-9_-]{43}/g;
/** The rule of dashes between the languages of a bilingual email (app/domain/mail/mail.ts). */
const BETWEEN = "-".repeat(40);

function fixtures() {
  const port = new URL(test.info().project.use.baseURL!).port;
  const read = <T>(file: string) => JSON.parse(readFileSync(file, "utf8")) as T;
  return { after: read<CymraegAfterFixture>(cymraegAfterFixturePath(port)), mail: read<CymraegMailFixture>(cymraegMailFixturePath(port)) };
}

/** A phone that asks for Welsh first, as a Welsh speaker's browser does. */
async function welshPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: test.info().project.use.baseURL, locale: "cy-GB" });
  return context.newPage();
}

/** Applies in Welsh to the round at `slug`, and returns the reference the confirmation gives. */
async function applyInWelsh(page: Page, slug: string, email: string) {
  await page.goto(`/rounds/${slug}`);
  await page.getByRole("link", { name: "Dechrau eich cais" }).click();
  await fillBidInWelsh(page, { amount: "1,500", email });
  await page.getByRole("button", { name: "Cadw a pharhau" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gwiriwch eich atebion cyn i chi gyflwyno" })).toBeVisible();
  await page.getByLabel(/^Rwy’n cadarnhau bod yr wybodaeth/).check();
  await page.getByRole("button", { name: "Cyflwyno’r cais" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cais wedi’i gyflwyno" })).toBeVisible();
  return (await page.locator(".panel-confirm .reference").textContent())!.trim();
}

/** The Welsh and the English halves of a bilingual email, checked to come in that order. */
function halves(body: string) {
  const parts = body.split(BETWEEN);
  expect(parts).toHaveLength(2);
  return { cy: parts[0], en: parts[1] };
}

test("a group that bids in Welsh gets its bid-received email in Welsh, with a private link that opens its bid", async ({ browser }) => {
  const phone = await welshPhone(browser);
  const email = `caffi-${run}@example.org`;
  const reference = await applyInWelsh(phone, "spring-2027", email);

  const mail = await mailTo(phone, email, `Cais wedi dod i law: ${reference}`);
  expect(mail.body).toContain("Annwyl Siân Gwyn,");
  expect(mail.body).toContain(`Mae'r cais gan Caffi Trwsio Thornbury i "Spring 2027 community pitches", yn gofyn am £1,500, wedi dod i law.`);
  expect(mail.body).toContain(`Eich cyfeirnod yw ${reference}.`);
  expect(mail.body).toContain("Eich dolen breifat:");
  expect(mail.body).not.toContain(BETWEEN);
  expect(mail.body).not.toMatch(/Hello|Your private link|We have received/);
  const links = mail.body.match(LINK) ?? [];
  expect(links).toHaveLength(1);

  await phone.goto(new URL(links[0]!).pathname);
  await expect(phone.locator("html")).toHaveAttribute("lang", "cy");
  await expect(phone.getByText(`Cais ${reference}`)).toBeVisible();
  await phone.context().close();
});

test("on a bilingual round the bid-received email is in Welsh, then English, each with the private link", async ({ browser }) => {
  const { mail: seeded } = fixtures();
  const phone = await welshPhone(browser);
  const email = `caffi-dwyieithog-${run}@example.org`;
  const reference = await applyInWelsh(phone, seeded.openRound.slug, email);

  const mail = await mailTo(phone, email, `Cais wedi dod i law: ${reference} / Bid received: ${reference}`);
  const { cy, en } = halves(mail.body);
  expect(cy).toContain(`Mae'r cais gan Caffi Trwsio Thornbury i "${seeded.openRound.titleCy}", yn gofyn am £1,500, wedi dod i law.`);
  expect(cy).toContain("Eich dolen breifat:");
  expect(cy).not.toContain("Hello");
  expect(en).toContain("Hello Siân Gwyn,");
  expect(en).toContain(`We have received the bid from Caffi Trwsio Thornbury to "${seeded.openRound.title}", asking for £1,500.`);
  expect(en).toContain("Your private link:");
  expect(en).not.toContain("Annwyl");
  const [welshLink, englishLink] = [cy.match(LINK), en.match(LINK)];
  expect(welshLink).toHaveLength(1);
  expect(englishLink).toEqual(welshLink);

  await phone.goto(new URL(welshLink![0]).pathname);
  await expect(phone.getByText(`Cais ${reference}`)).toBeVisible();
  await phone.context().close();
});

test("the funding decision and the award offer come in Welsh; on a bilingual round in Welsh, then English", async ({ page }) => {
  const { after, mail: seeded } = fixtures();

  await test.step("a Welsh bid on a round in one language: the decision and the offer in Welsh only", async () => {
    const decision = await mailTo(page, "post@gardd-llanfair.example", `Penderfyniad ariannu ar gyfer ${after.reference}: wedi'i ariannu`);
    expect(decision.body).toContain(`Llongyfarchiadau: mae'r cyllidwr wedi penderfynu dyfarnu £1,500 i ${after.group} (${after.reference}) o "Grantiau’r gwanwyn Llanfair".`);
    expect(decision.body).toContain(`Adborth gan y cyllidwr:\n${after.feedback}`);
    expect(decision.body).toContain(`(eich cyfeirnod yw ${after.reference})`);
    expect(decision.body).not.toMatch(/Congratulations|Feedback from the funder/);
    expect(decision.body).not.toContain(BETWEEN);

    const offer = await mailTo(page, "post@gardd-llanfair.example", `Eich cynnig grant ar gyfer ${after.reference}: derbyniwch yr amodau, os gwelwch yn dda`);
    expect(offer.body).toContain(`Mae'r cyllidwr yn cynnig grant o £1,500 i ${after.group} ar gyfer ${after.reference}, ar yr amodau hyn:`);
    expect(offer.body).toContain("Gwario’r grant ar y twnnel tyfu o fewn blwyddyn");
    expect(offer.body).toContain("Mae angen i rywun sy'n gallu llofnodi ar ran y grŵp dderbyn yr amodau cyn i'r arian gael ei dalu.");
    expect(offer.body).not.toMatch(/The funder offers|Someone who can sign/);
  });

  await test.step("a bilingual round: the Welsh bid's decision in Welsh, then English", async () => {
    const { welsh } = seeded;
    const decision = await mailTo(page, welsh.email, `Penderfyniad ariannu ar gyfer ${welsh.reference}: wedi'i ariannu / Funding decision for ${welsh.reference}: funded`);
    const { cy, en } = halves(decision.body);
    expect(cy).toContain(`Llongyfarchiadau: mae'r cyllidwr wedi penderfynu dyfarnu £1,500 i ${welsh.group} (${welsh.reference}) o "Grantiau hydref Dyffryn Gwy".`);
    expect(cy).toContain(`Adborth gan y cyllidwr:\n${welsh.feedback}`);
    expect(en).toContain(`Congratulations: the funder has decided to award £1,500 to ${welsh.group} (${welsh.reference}) from "Wye Valley autumn grants".`);
    expect(en).toContain(`Feedback from the funder:\n${welsh.feedback}`);
  });

  await test.step("a bilingual round: a bid written in English hears in Welsh first too", async () => {
    const { english } = seeded;
    const decision = await mailTo(page, english.email, `Penderfyniad ariannu ar gyfer ${english.reference}: heb ei ariannu / Funding decision for ${english.reference}: not funded`);
    const { cy, en } = halves(decision.body);
    expect(cy).toContain("Mae'n ddrwg gennym ddweud wrthych fod y cyllidwr wedi penderfynu peidio ag ariannu'r cais hwn.");
    expect(en).toContain("We are sorry to tell you that the funder has decided not to fund this bid.");
  });
});

test("staff read a Welsh bid's words marked as Welsh: the bid, the shortlist and the decisions page", async ({ page }) => {
  const { welsh, english, eventId, roundId } = fixtures().mail;
  const languageOf = (text: string) => page.getByText(text, { exact: true }).first().evaluate((node) => node.closest("[lang]")?.getAttribute("lang"));
  await loginAs(page, "funder");

  await page.goto(`/staff/bids/${welsh.bidId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("heading", { level: 1 }).locator('[lang="cy"]')).toHaveText(welsh.group);
  await expect(page.locator('dd[lang="cy"]', { hasText: welsh.project })).toBeVisible();
  await page.goto(`/staff/bids/${english.bidId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(english.group);
  expect(await languageOf(english.group)).toBe("en-GB");

  await page.goto(`/staff/rounds/${roundId}/bids`);
  const row = page.getByRole("row").filter({ hasText: welsh.reference });
  await expect(row.locator('td:nth-child(2) > [lang="cy"]')).toHaveText([welsh.group, welsh.project]);
  expect(await languageOf(english.group)).toBe("en-GB");

  await page.goto(`/staff/events/${eventId}/decisions`);
  const card = page.locator(`#bid-${welsh.bidId}`);
  await expect(card.getByRole("heading", { level: 3 }).locator('[lang="cy"]')).toHaveText(welsh.group);
  await expect(card.locator('p[lang="cy"]')).toHaveText(welsh.project);
  await expect(page.getByRole("table", { name: "Ranking of the pitches" }).locator('[lang="cy"]')).toHaveText(welsh.group);
  await expect(page.locator(`#bid-${english.bidId}`).getByRole("heading", { level: 3 })).toContainText(english.group);
  await expect(page.locator('[lang="cy"]', { hasText: english.group })).toHaveCount(0);
});

import { expect, test, type Page } from "@playwright/test";
import { qrDataUrl, qrSvg } from "../app/components/live/qr.server";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// A laptop at the venue, started without APP_URL and reached at 127.0.0.1 (as phones reach it
// at its LAN address) on a port other than 3000: every link and QR code a page shows names the
// address this browser used. Panel invites are emailed, listed, and printed on one sheet.

const ORIGIN = () => test.info().project.use.baseURL!;
const INVITE_LINK = /\/panel\/join\/[A-Za-z0-9_-]{43}$/;

function isoDaysFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function submitBid(page: Page) {
  await page.goto("/rounds/spring-2027/apply");
  await page.getByLabel("Name of your group").fill("Hall Wi-Fi Club");
  await page.getByLabel(/^Constituted group/).check();
  await page.getByLabel("Area or postcode where the project will happen").fill("BS35 2AA");
  await page.getByLabel("Full name").fill("Jo Green");
  await page.getByLabel("Email address").fill(`links-${Date.now()}@example.org`);
  await page.getByLabel("Project title").fill("Phones for every table");
  await page.getByLabel("Summary of your project").fill("A shared hotspot for the hall's events.");
  await page.getByLabel("The difference it will make").fill("Everyone can vote from their seat.");
  await page.getByLabel("Who will benefit").fill("People at the hall's events");
  await page.getByLabel("Roughly how many people will benefit").fill("200");
  await page.getByLabel("How much are you asking for?").fill("500");
  await page.getByLabel("Line 1: what it is for").fill("Router");
  await page.getByLabel("Line 1: cost in pounds").fill("500");
  await page.getByLabel("Start date").fill(isoDaysFromNow(14));
  await page.getByLabel("End date").fill(isoDaysFromNow(120));
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel(/I confirm that the information in this bid is true/).check();
  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByRole("heading", { name: "Bid submitted" })).toBeVisible();
}

async function openRoundWithEvent(page: Page) {
  await page.goto("/staff");
  await page.getByRole("link", { name: "Autumn 2026 community pitches", exact: true }).click();
  await page.waitForURL(/\/staff\/rounds\/[^/?#]+$/);
  const roundId = /\/staff\/rounds\/([^/?#]+)/.exec(page.url())![1];
  await page.goto(`/staff/rounds/${roundId}/bids?status=submitted`);
  await page.locator("table a[href^='/staff/bids/']").first().click();
  await page.getByLabel("Yes, shortlist it").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByText("Bid shortlisted.")).toBeVisible();
  await page.goto(`/staff/rounds/${roundId}/edit`);
  await page.getByLabel("Anyone in the room can vote with the event's join code").check();
  await page.getByLabel("Votes per person").fill("1");
  await page.getByLabel("Panel's weight, in percent").fill("80");
  await page.getByLabel("Audience's weight, in percent").fill("20");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(new RegExp(`/staff/rounds/${roundId}(\\?|$)`));
  await page.goto(`/staff/rounds/${roundId}/events/new`);
  await page.getByLabel("Title").fill("Hall Wi-Fi night");
  await page.getByLabel("Starts").fill("2026-12-01T19:00");
  await page.getByLabel("Venue").fill("Thornbury Town Hall");
  await page.getByLabel("Pitch length").fill("3:00");
  await page.getByLabel("Time for questions").fill("2:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("Event created.")).toBeVisible();
  return /\/staff\/events\/([^/?#]+)/.exec(page.url())![1];
}

async function invite(page: Page, name: string, email: string) {
  await page.getByLabel("Invite a panellist").fill(name);
  await page.getByLabel("Their email address").fill(email);
  await page.getByRole("button", { name: "Invite panellist" }).click();
  await expect(page.getByRole("heading", { name: `Invite link for ${name}` })).toBeVisible();
  await expect(page.getByText(`We have emailed this link to ${email}.`)).toBeVisible();
  const link = (await page.getByTestId("invite-link").inputValue()).trim();
  expect(link.startsWith(`${ORIGIN()}/panel/join/`)).toBe(true);
  expect(link).toMatch(INVITE_LINK);
  const qr = page.getByRole("img", { name: `QR code of the invite link for ${name}` });
  expect(await qr.getAttribute("src")).toBe(await qrDataUrl(link));
  return link;
}

test("the private link on the bid-submitted page names the address the browser used", async ({ page }) => {
  expect(ORIGIN()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(ORIGIN()).not.toMatch(/:3000$/);
  await submitBid(page);
  const link = page.locator(".private-link a");
  await expect(link).toHaveText(new RegExp(`^${ORIGIN().replace(/\./g, "\\.")}/bid/[A-Za-z0-9_-]{43}$`));
  expect(await link.getAttribute("href")).toMatch(/^(http:\/\/127\.0\.0\.1:\d+)?\/bid\/[A-Za-z0-9_-]{43}$/);
});

test("three panellists are invited, emailed, listed and printed on one sheet; the screen's vote address is this one", async ({ page, context }) => {
  test.setTimeout(180_000);
  await loginAs(page, "organiser");
  const eventId = await openRoundWithEvent(page);
  const warning = page.getByRole("region", { name: "Phones may not reach the links shown" });
  await expect(warning).toContainText(`You opened this page at ${ORIGIN()}`);
  await expect(warning).toContainText("APP_URL");

  await test.step("a wrong email address is refused next to its field, keeping what was typed", async () => {
    await page.getByLabel("Invite a panellist").fill("Asha Rahman");
    await page.getByLabel("Their email address").fill("asha at example");
    await page.getByRole("button", { name: "Invite panellist" }).click();
    await expect(page.locator("#field-email-error")).toContainText("Enter an email address in the correct format");
    await expect(page.getByLabel("Invite a panellist")).toHaveValue("Asha Rahman");
    await expectAccessible(page);
  });

  const stamp = Date.now();
  const people = ["Asha Rahman", "Ben Ode", "Cara Lee"].map((name) => ({ name, email: `${name.split(" ")[0].toLowerCase()}-${stamp}@example.org` }));
  const links: string[] = [];
  for (const person of people) links.push(await invite(page, person.name, person.email));
  expect(new Set(links).size).toBe(3);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ORIGIN() });
  await page.getByRole("button", { name: /Copy link/ }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(links[2]);
  for (const person of people) await expect(page.getByRole("row", { name: new RegExp(`${person.name} Invited, not opened yet`) })).toBeVisible();
  await expectAccessible(page);

  await test.step("each invite is in the outbox with its link", async () => {
    for (const [i, person] of people.entries()) {
      const mail = await latestMailTo(page, person.email);
      await expect(mail).toContainText("Your panel link for Hall Wi-Fi night");
      await expect(mail).toContainText(new URL(links[i]).pathname);
    }
  });

  const sheetLinks = await test.step("the invite sheet gives each unopened invite a fresh link and QR code", async () => {
    await page.goto(`/staff/events/${eventId}#panel`);
    await page.getByRole("button", { name: "Print invite sheet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Panel invite sheet" })).toBeVisible();
    const cards = page.getByTestId("invite-card");
    await expect(cards).toHaveCount(3);
    const fresh: string[] = [];
    for (const [i, person] of people.entries()) {
      const card = cards.nth(i);
      await expect(card.getByRole("heading", { name: person.name })).toBeVisible();
      const link = (await card.getByLabel(`Invite link for ${person.name}`).inputValue()).trim();
      expect(link.startsWith(`${ORIGIN()}/panel/join/`)).toBe(true);
      expect(link).not.toBe(links[i]);
      expect(await card.getByRole("img", { name: `QR code of the invite link for ${person.name}` }).getAttribute("src")).toBe(await qrDataUrl(link));
      fresh.push(link);
    }
    await expectAccessible(page);
    return fresh;
  });

  await test.step("the old link no longer opens; the printed one does", async () => {
    const phone = await page.context().browser()!.newContext({ baseURL: ORIGIN() });
    const panellist = await phone.newPage();
    await panellist.goto(new URL(links[0]).pathname);
    await expect(panellist.getByText("This invite link is not valid any more.")).toBeVisible();
    await panellist.goto(new URL(sheetLinks[0]).pathname);
    await expect(panellist.getByText(`as ${people[0].name}`)).toBeVisible();
    await panellist.getByRole("button", { name: "Use this phone to score" }).click();
    await expect(panellist).toHaveURL(new RegExp(`/panel/${eventId}$`));
    await phone.close();
  });

  await test.step("the big screen tells the audience to go to this address", async () => {
    await page.goto(`/staff/events/${eventId}`);
    await page.getByRole("button", { name: "Mark ready" }).click();
    await expect(page.getByText("The event is ready.")).toBeVisible();
    await page.goto(`/screen/${eventId}`);
    await expect(page.getByText(`Go to ${new URL(ORIGIN()).host}/vote`)).toBeVisible();
    const qr = page.getByRole("img", { name: /^QR code: opens / });
    const opens = (await qr.getAttribute("alt"))!.replace("QR code: opens ", "");
    expect(opens.startsWith(`${ORIGIN()}/vote/`)).toBe(true);
    const svg = await page.request.get((await qr.getAttribute("src"))!);
    expect(await svg.text()).toBe(await qrSvg(opens));
  });
});

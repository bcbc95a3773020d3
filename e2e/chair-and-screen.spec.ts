import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, loginAs } from "./fixtures";

// The evening in the village hall: the organiser shortlists bids of the closed demo round
// (autumn-2026), sets up the event, orders the pitches and invites two panellists; the chair
// starts it on a tablet; the projector (another browser) follows every press over SSE without
// reloading; a chair with JavaScript off can still run the evening with plain POSTs.

const ROUND_TITLE = "Autumn 2026 community pitches";

async function newBrowserPage(browser: Browser, options: { javaScriptEnabled?: boolean; desktop?: boolean } = {}) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.desktop ? { viewport: { width: 1280, height: 800 } } : {}),
  });
  return context.newPage();
}

async function shortlist(page: Page, count: number) {
  await page.goto("/staff");
  await page.getByRole("link", { name: ROUND_TITLE, exact: true }).click();
  await page.waitForURL(/\/staff\/rounds\/[^/?#]+$/);
  const roundId = /\/staff\/rounds\/([^/?#]+)/.exec(page.url())?.[1];
  if (!roundId) throw new Error(`Not on a round page: ${page.url()}`);
  await page.goto(`/staff/rounds/${roundId}/bids?status=submitted`);
  const hrefs = await page.locator("table a[href^='/staff/bids/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThanOrEqual(count);
  for (const href of hrefs.slice(0, count)) {
    await page.goto(href);
    await page.getByLabel("Yes, shortlist it").check();
    await page.getByRole("button", { name: "Save decision" }).click();
    await expect(page.getByText("Bid shortlisted.")).toBeVisible();
  }
  return roundId;
}

async function runningOrder(page: Page) {
  return page.locator(".order-table tbody tr td:nth-child(2)").evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent?.trim() ?? ""));
}

async function inviteLink(page: Page, name: string) {
  await page.getByLabel("Invite a panellist").fill(name);
  await page.getByRole("button", { name: "Invite panellist" }).click();
  await expect(page.getByRole("heading", { name: `Invite link for ${name}` })).toBeVisible();
  await expect(page.getByRole("img", { name: `QR code of the invite link for ${name}` })).toBeVisible();
  const link = (await page.getByTestId("invite-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/^http:\/\/localhost:\d+\/panel\/join\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** Seconds shown by a countdown such as "2:59 left" or "Paused1:35". */
async function secondsOn(page: Page) {
  const text = (await page.getByRole("timer").textContent()) ?? "";
  const match = /(\d+):(\d\d)/.exec(text);
  if (!match) throw new Error(`No time in "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

test("the organiser sets up an event, the chair runs it and the big screen follows without reloading", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await loginAs(page, "organiser");

  const roundId = await test.step("shortlist three bids", () => shortlist(page, 3));

  const eventId = await test.step("create the event", async () => {
    await page.goto(`/staff/rounds/${roundId}/events/new`);
    await expect(page.getByRole("heading", { name: "Set up a pitch event" })).toBeVisible();
    await page.getByLabel("Title").fill("");
    await page.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByRole("link", { name: "Title: Enter a title for the event." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Starts: Enter the date and time the event starts." })).toBeVisible();
    await page.getByLabel("Title").fill("Autumn pitch night");
    await page.getByLabel("Starts").fill("2026-12-01T19:00");
    await page.getByLabel("Venue").fill("Thornbury Town Hall");
    await page.getByLabel("Pitch length").fill("3:00");
    await page.getByLabel("Time for questions").fill("2:00");
    await page.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Autumn pitch night" })).toBeVisible();
    await expect(page.getByText("Event created.")).toBeVisible();
    await expect(page.getByText("Bids are ranked on the panel's scores alone.")).toBeVisible();
    return /\/staff\/events\/([^/?#]+)/.exec(page.url())![1];
  });

  const order = await test.step("order the running order", async () => {
    const before = await runningOrder(page);
    expect(before.length).toBeGreaterThanOrEqual(3);
    await page.getByRole("button", { name: `Move down ${before[0]}` }).click();
    await expect(page.getByText("Running order changed.")).toBeVisible();
    const after = await runningOrder(page);
    expect(after.slice(0, 3)).toEqual([before[1], before[0], before[2]]);
    // The first pitch cannot move up; the last cannot move down.
    await expect(page.getByRole("button", { name: `Move up ${after[0]}` })).toHaveCount(0);
    await expect(page.getByRole("button", { name: `Move down ${after[after.length - 1]}` })).toHaveCount(0);
    return after;
  });

  await test.step("invite two panellists and mark the event ready", async () => {
    const priya = await inviteLink(page, "Priya Shah");
    await expectAccessible(page);
    const tom = await inviteLink(page, "Tom Okafor");
    expect(tom).not.toBe(priya);
    // Shown once: after another action the link is gone from the page.
    await page.getByRole("button", { name: "Mark ready" }).click();
    await expect(page.getByText("The event is ready.")).toBeVisible();
    await expect(page.getByTestId("invite-link")).toHaveCount(0);
    await expect(page.getByRole("row", { name: /Priya Shah Invited, not opened yet/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /Tom Okafor Invited, not opened yet/ })).toBeVisible();
    await expectAccessible(page);
  });

  const screen = await newBrowserPage(browser, { desktop: true });
  // why: the screen's clock runs as usual but can be moved on, so "the paused timer does not
  // move" is checked by running its timers, not by waiting.
  await screen.clock.install();
  await test.step("open the big screen in another browser", async () => {
    await loginAs(screen, "organiser", `/screen/${eventId}`);
    await expect(screen.getByRole("heading", { level: 1, name: "Autumn pitch night" })).toBeVisible();
    await expect(screen.getByText("Starting soon")).toBeVisible();
    await expect(screen.getByText("Press F for full screen")).toBeVisible();
    // No audience vote in this round: no join code.
    await expect(screen.getByText("Vote on your phone")).toHaveCount(0);
    await screen.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await expectAccessible(screen);
  });

  await test.step("the chair starts the event and the first pitch", async () => {
    await page.getByRole("link", { name: "Open the chair’s controls" }).click();
    await page.waitForURL(/\/control$/);
    await expect(page.getByText("Chair’s controls", { exact: true })).toBeVisible();
    await expect(page.getByText("Live: updates as they happen.")).toBeVisible();
    await page.getByRole("button", { name: "Start the event" }).click();
    await expect(screen.getByText("Welcome")).toBeVisible();

    await page.getByRole("button", { name: `Start next pitch: ${order[0]}` }).click();
    await expect(page.getByRole("heading", { level: 2, name: order[0] })).toBeVisible();
    await expect(screen.getByRole("heading", { level: 1, name: order[0] })).toBeVisible();
    await expect(screen.getByText(/Pitch 1 of \d+ · Pitching/)).toBeVisible();
    await expect(screen.getByRole("timer")).toHaveText(/^(3:00|2:[0-5]\d) ar ôl \/ left$/);
    const first = await secondsOn(screen);
    await expect.poll(() => secondsOn(screen), { timeout: 5_000 }).toBeLessThan(first);
    await expect(screen.getByText("0 of 2 panellists have scored this pitch")).toBeVisible();
    await expect(screen.getByRole("complementary")).toContainText(`Next${order[1]}`);
  });

  await test.step("pause, +30 seconds and resume show on the screen at once", async () => {
    await page.getByRole("button", { name: "Pause timer" }).click();
    await expect(screen.getByRole("timer")).toContainText("Paused");
    await expect(screen.getByText(/Pitch 1 of \d+ · Pitching, paused/)).toBeVisible();
    const paused = await secondsOn(screen);
    await screen.clock.runFor(3_000);
    expect(await secondsOn(screen)).toBe(paused);

    await page.getByRole("button", { name: "+30 seconds" }).click();
    await expect.poll(() => secondsOn(screen)).toBe(paused + 30);

    await page.getByRole("button", { name: "Resume timer" }).click();
    await expect(screen.getByRole("timer")).not.toContainText("Paused");
    await expect.poll(() => secondsOn(screen), { timeout: 5_000 }).toBeLessThan(paused + 30);
  });

  await test.step("an illegal lock is refused with a reason; the quorum warning shows", async () => {
    await page.getByRole("button", { name: "Lock scoring for this pitch" }).click();
    await expect(page.getByRole("alert")).toContainText("Move this pitch on to scoring before locking it.");
    await expect(page.getByRole("region", { name: "Quorum warning" })).toContainText("Only 2 panellists can score this pitch; the rule needs 3.");
    await expectAccessible(page);
    await expectAccessible(screen);
  });

  await test.step("next phase: questions, on the screen without a reload", async () => {
    await page.getByRole("button", { name: "Next phase: questions" }).click();
    await expect(screen.getByText(/Pitch 1 of \d+ · Questions/)).toBeVisible();
    await expect(screen.getByRole("timer")).toHaveText(/^(2:00|1:[0-5]\d) ar ôl \/ left$/);
    expect(await screen.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  await test.step("with JavaScript off, the chair can still move the evening on", async () => {
    const plain = await newBrowserPage(browser, { javaScriptEnabled: false });
    await loginAs(plain, "organiser", `/staff/events/${eventId}/control`);
    await expect(plain.getByRole("link", { name: "Refresh" })).toBeVisible();
    await expect(plain.getByText(`Questions for ${order[0]}.`)).toBeVisible();

    await plain.getByRole("button", { name: "Next phase: panel scoring" }).click();
    await expect(plain.getByText(`The panel is scoring ${order[0]}.`)).toBeVisible();
    await expect(screen.getByText(/Pitch 1 of \d+ · Scoring/)).toBeVisible();
    await expect(screen.getByText("Panel scoring")).toBeVisible();

    await plain.getByRole("button", { name: `Start next pitch: ${order[1]}` }).click();
    await expect(plain.getByText(`Pitch 2 of ${order.length}: ${order[1]} is pitching.`)).toBeVisible();
    await expect(screen.getByRole("heading", { level: 1, name: order[1] })).toBeVisible();

    // The earlier pitch is still open for late scores until the chair locks it.
    await plain.getByRole("button", { name: `Lock scoring for ${order[0]}` }).click();
    await expect(plain.getByRole("listitem").filter({ hasText: order[0] })).toContainText("Scores locked");

    // A stale page (another tablet moved things on) is refused, not applied twice.
    await page.getByRole("button", { name: "Pause timer" }).click();
    // why: wait until the pause is applied, or the plain page's press could land first.
    await expect(page.getByRole("button", { name: "Resume timer" })).toBeVisible();
    await plain.getByRole("button", { name: "Pause timer" }).click();
    await expect(plain.getByRole("alert")).toContainText("The event changed on another screen");
    await plain.getByRole("link", { name: "Refresh" }).click();
    await expect(plain.getByRole("button", { name: "Resume timer" })).toBeVisible();
    expect(await screen.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await plain.context().close();
  });

  await screen.context().close();
});

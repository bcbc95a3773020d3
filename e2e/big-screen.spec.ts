import { readFileSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { bigScreenFixturePath, type BigScreenFixture } from "./big-screen-fixture";
import { expectAccessible, loginAs } from "./fixtures";

// The big screen on the projectors a hall may have (4:3 and 16:9, 768 to 1080 pixels high), in
// every phase of the evening, with 13 pitches whose names are as long as the bid form allows
// (seeded by e2e/seed-big-screen.ts): the join code, the countdown, the scored line and every
// results row shown lie inside the window, and the page never scrolls. The chair runs the
// evening from the real controls; a screenshot of every phase at every size is kept.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

// why: the project's default device is a phone; a projector is a desktop browser at scale 1.
const PROJECTOR = { isMobile: false, hasTouch: false, deviceScaleFactor: 1, userAgent: undefined };

function seeded(): BigScreenFixture {
  const port = new URL(test.info().project.use.baseURL ?? "").port;
  return JSON.parse(readFileSync(bigScreenFixturePath(port), "utf8")) as BigScreenFixture;
}

/** One signed-in browser per projector size, sharing the session of `signedIn`. */
async function projectors(browser: Browser, signedIn: BrowserContext) {
  const storageState = await signedIn.storageState();
  const baseURL = test.info().project.use.baseURL;
  return Promise.all(SIZES.map(async (viewport) => (await browser.newContext({ baseURL, viewport, storageState, ...PROJECTOR })).newPage()));
}

/**
 * Whether an element is shown whole: inside the window, inside the screen's column it belongs
 * to, and not cut off by any ancestor that hides what overflows it.
 */
async function placement(part: Locator) {
  return part.evaluate((el) => {
    const rect = el.getBoundingClientRect();
    const problems: string[] = [];
    const inside = (outer: DOMRect, what: string) => {
      const slack = 1;
      if (rect.left < outer.left - slack || rect.top < outer.top - slack || rect.right > outer.right + slack || rect.bottom > outer.bottom + slack) {
        problems.push(`${what}: [${Math.round(rect.left)},${Math.round(rect.top)} → ${Math.round(rect.right)},${Math.round(rect.bottom)}] outside [${Math.round(outer.left)},${Math.round(outer.top)} → ${Math.round(outer.right)},${Math.round(outer.bottom)}]`);
      }
    };
    inside(new DOMRect(0, 0, window.innerWidth, window.innerHeight), "window");
    const column = el.closest(".screen__main, .screen__side");
    if (column) inside(column.getBoundingClientRect(), "its column");
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX !== "visible" || style.overflowY !== "visible") inside(up.getBoundingClientRect(), `clipped by .${up.className}`);
    }
    if (rect.width === 0 || rect.height === 0) problems.push("it has no size");
    return problems;
  });
}

/** Every part shown lies in the window, the page does not scroll; a screenshot is kept. */
async function expectFits(page: Page, phase: string, parts: Locator[]) {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const size = `${width}x${height}`;
  const page_ = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
  expect(page_.height, `${phase} at ${size}: the page's height`).toBeLessThanOrEqual(height);
  expect(page_.width, `${phase} at ${size}: the page's width`).toBeLessThanOrEqual(width);
  for (const part of parts) {
    const all = await part.all();
    expect(all.length, `${phase} at ${size}: ${part} is on the screen`).toBeGreaterThan(0);
    for (const one of all) expect(await placement(one), `${phase} at ${size}: ${part}`).toEqual([]);
  }
  const file = test.info().outputPath(`${phase}-${size}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(`${phase} at ${size}`, { path: file, contentType: "image/png" });
}

const joinCode = (page: Page) => page.locator(".screen__code");
const countdown = (page: Page) => page.locator(".countdown");
const scored = (page: Page) => page.locator(".screen__scored");
const stage = (page: Page) => [page.locator(".screen__phase"), page.locator(".screen__group"), page.locator(".screen__project")];

test("the big screen fits every projector in every phase, with long names and 13 pitches", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { eventId, overtimeEventId, pitches, latePitch } = seeded();
  await loginAs(page, "organiser", `/staff/events/${eventId}/control`);
  const screens = await projectors(browser, page.context());
  const each = (check: (screen: Page) => Promise<void>) => Promise.all(screens.map(check));

  await test.step("over time: the pitch ran out minutes ago", async () => {
    await each(async (screen) => {
      await screen.goto(`/screen/${overtimeEventId}`);
      await expect(screen.getByRole("timer")).toHaveText(/^\+\d+:\d\d dros amser \/ over$/);
    });
    await expectAccessible(screens[1]);
    await each((screen) => expect(screen.getByText(`Pitch ${latePitch} of ${pitches} · Pitching`)).toBeVisible());
    for (const screen of screens) await expectFits(screen, "over-time", [...stage(screen), joinCode(screen), countdown(screen), scored(screen)]);
  });

  await test.step("waiting: the running order and how to vote", async () => {
    await each(async (screen) => {
      await screen.goto(`/screen/${eventId}`);
      await expect(screen.getByText("Starting soon")).toBeVisible();
      await expect(screen.locator(".screen-order__row")).toHaveCount(pitches);
    });
    await expectAccessible(screens[1]);
    for (const screen of screens) await expectFits(screen, "waiting", [...stage(screen), joinCode(screen), screen.locator(".screen-order__row")]);
  });

  const chair = (name: string | RegExp) => page.getByRole("button", { name }).click();

  await test.step("pitching", async () => {
    await chair("Start the event");
    await each((screen) => expect(screen.getByText("Welcome", { exact: true })).toBeVisible());
    await chair(/^Start next pitch: 1\. /);
    await each((screen) => expect(screen.getByText(`Pitch 1 of ${pitches} · Pitching`)).toBeVisible());
    await each((screen) => expect(screen.getByRole("timer")).toHaveText(/^\d:\d\d ar ôl \/ left$/));
    await expectAccessible(screens[1]);
    for (const screen of screens) await expectFits(screen, "pitching", [...stage(screen), joinCode(screen), countdown(screen), scored(screen), screen.locator(".screen__next")]);
  });

  await test.step("paused", async () => {
    await chair("Pause timer");
    await each((screen) => expect(screen.getByRole("timer")).toContainText("Paused"));
    for (const screen of screens) await expectFits(screen, "paused", [...stage(screen), joinCode(screen), countdown(screen), scored(screen)]);
    await chair("Resume timer");
    await each((screen) => expect(screen.getByRole("timer")).not.toContainText("Paused"));
  });

  await test.step("questions", async () => {
    await chair("Next phase: questions");
    await each((screen) => expect(screen.getByText(`Pitch 1 of ${pitches} · Questions`)).toBeVisible());
    await expectAccessible(screens[1]);
    for (const screen of screens) await expectFits(screen, "questions", [...stage(screen), joinCode(screen), countdown(screen), scored(screen)]);
  });

  await test.step("scoring", async () => {
    await chair("Next phase: panel scoring");
    await each((screen) => expect(screen.getByText("Panel scoring")).toBeVisible());
    await each((screen) => expect(scored(screen)).toContainText("0 of 3 panellists have scored this pitch (1 declared a conflict of interest)"));
    for (const screen of screens) await expectFits(screen, "scoring", [...stage(screen), joinCode(screen), countdown(screen), scored(screen)]);
  });

  await test.step("closed", async () => {
    await page.getByLabel(/^Close even though \d+ pitches have not been heard/).check();
    await chair("Close scoring for the event");
    await each((screen) => expect(screen.getByText("Scoring closed")).toBeVisible());
    await expectAccessible(screens[1]);
    for (const screen of screens) await expectFits(screen, "closed", stage(screen));
  });

  await test.step("the results: the audience vote for all 13 pitches", async () => {
    await chair("Show the results on the screen");
    await each((screen) => expect(screen.locator(".screen-reveal__row")).toHaveCount(pitches));
    await expectAccessible(screens[1]);
    for (const screen of screens) {
      await expectFits(screen, "results", [screen.locator(".screen__group"), screen.locator(".screen-reveal__row"), screen.locator(".screen-reveal__totals")]);
    }
  });

  await Promise.all(screens.map((screen) => screen.context().close()));
});

test("the awards reveal fits every projector: 13 funded groups with long names, then the totals", async ({ page, browser }) => {
  const { awardsEventId, pitches } = seeded();
  await loginAs(page, "organiser", "/staff");
  const screens = await projectors(browser, page.context());
  await Promise.all(
    screens.map(async (screen) => {
      await screen.goto(`/screen/${awardsEventId}`);
      await expect(screen.getByRole("heading", { name: "Tonight’s awards" })).toBeVisible();
      await expect(screen.locator(".screen-reveal__row")).toHaveCount(pitches);
      await expect(screen.locator(".screen-reveal__totals")).toContainText("Left in the fund");
    }),
  );
  await expectAccessible(screens[1]);
  for (const screen of screens) {
    await expectFits(screen, "awards", [screen.locator(".screen-reveal__row"), screen.locator(".screen-reveal__amount"), screen.locator(".screen-reveal__totals")]);
  }
  await Promise.all(screens.map((screen) => screen.context().close()));
});

test("full screen and the projector view hide every piece of page chrome", async ({ page, browser }) => {
  const { overtimeEventId } = seeded();
  await loginAs(page, "organiser", `/staff/events/${overtimeEventId}/control`);
  const [, screen] = await projectors(browser, page.context());

  await test.step("the projector view", async () => {
    await expect(page.getByRole("link", { name: /Open the projector view/ })).toHaveAttribute("href", `/screen/${overtimeEventId}?view=projector`);
    await screen.goto(`/screen/${overtimeEventId}?view=projector`);
    await expect(screen.getByRole("timer")).toBeVisible();
    await expect(screen.getByRole("banner")).toBeHidden();
    await expect(screen.getByText("Press F for full screen")).toBeHidden();
    await expect(screen.getByRole("button", { name: "F shortcut" })).toBeHidden();
    await expectAccessible(screen);
    await expectFits(screen, "projector-view", [joinCode(screen), countdown(screen), scored(screen)]);
  });

  await test.step("F puts the screen full screen, with no tools showing", async () => {
    await screen.goto(`/screen/${overtimeEventId}`);
    await expect(screen.getByText("Press F for full screen")).toBeVisible();
    await screen.keyboard.press("f");
    await expect(screen.locator(".screen")).toHaveClass(/screen--full/);
    await expect(screen.getByText("Press F for full screen")).toBeHidden();
    await expect(screen.getByRole("button", { name: "Full screen" })).toBeHidden();
    await expectFits(screen, "full-screen", [joinCode(screen), countdown(screen), scored(screen)]);
  });

  await screen.context().close();
});

test("the screen's sign-in says why; staff home has today's and coming events a click from the chair and the screen", async ({ page }) => {
  const { eventId, overtimeEventId } = seeded();
  await page.goto(`/screen/${eventId}`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await expect(page.getByText("The big screen needs a staff sign-in: sign in as the chair or organiser.")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/login");
  await expect(page.getByText("The big screen needs a staff sign-in")).toHaveCount(0);

  await loginAs(page, "organiser", "/staff");
  const card = () =>
    page
      .getByRole("region", { name: "Today and coming up" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^1\. Over time at the Thornbury/ }) });
  await expect(card()).toContainText("Live");
  await expectAccessible(page);
  await card().getByRole("link", { name: /^Chair’s controls for / }).click();
  await expect(page).toHaveURL(`/staff/events/${overtimeEventId}/control`);
  await expect(page.getByText("Chair’s controls", { exact: true })).toBeVisible();
  await page.goBack();
  await card().getByRole("link", { name: /^Big screen for / }).click();
  await expect(page).toHaveURL(`/screen/${overtimeEventId}`);
  await expect(page.getByRole("timer")).toBeVisible();
});

test("offline, the panellist's and the audience's phones say so; the audience cannot tick more pitches than their votes", async ({ browser }) => {
  test.setTimeout(120_000);
  const { overtimeJoinCode, panelInvitePath, latePitch } = seeded();
  const baseURL = test.info().project.use.baseURL;

  await test.step("the panellist", async () => {
    const panellist = await (await browser.newContext({ baseURL })).newPage();
    await panellist.goto(panelInvitePath);
    await panellist.getByRole("button", { name: "Use this phone to score" }).click();
    await expect(panellist.getByText("Live: updates as they happen.")).toBeVisible();
    await panellist.context().setOffline(true);
    await expect(panellist.getByText("Offline: your scores are kept and will be sent when the connection is back.")).toBeVisible();
    await expectAccessible(panellist);
    await panellist.context().setOffline(false);
    await expect(panellist.getByText(/^Offline/)).toHaveCount(0);
    await panellist.context().close();
  });

  await test.step("the audience, with JavaScript: boxes close once the votes are used", async () => {
    const phone = await (await browser.newContext({ baseURL })).newPage();
    await phone.goto(`/vote/${overtimeJoinCode}`);
    const boxes = phone.getByRole("checkbox");
    await expect(boxes).toHaveCount(latePitch);
    await expect(phone.getByText("You have used 0 of 3 votes.")).toBeVisible();
    for (const n of [0, 1, 2]) await boxes.nth(n).check();
    await expect(phone.getByText("You have used 3 of 3 votes. Untick a pitch to choose another.")).toBeVisible();
    await expect(boxes.nth(3)).toBeDisabled();
    await expectAccessible(phone);
    await boxes.nth(1).uncheck();
    await expect(phone.getByText("You have used 2 of 3 votes.")).toBeVisible();
    await expect(boxes.nth(3)).toBeEnabled();
    await boxes.nth(3).check();
    await expect(boxes.nth(1)).toBeDisabled();

    await phone.context().setOffline(true);
    await expect(phone.getByText("Offline: your vote is kept on this phone and will be sent when the connection is back.")).toBeVisible();
    await phone.getByRole("button", { name: "Vote" }).click();
    await expect(phone.getByText("Waiting for connection — will send automatically.")).toBeVisible();
    await phone.context().setOffline(false);
    await expect(phone.getByText("Your vote is counted")).toBeVisible();
    await phone.context().close();
  });

  await test.step("the audience, without JavaScript: the server refuses too many, beside the field", async () => {
    const phone = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
    await phone.goto(`/vote/${overtimeJoinCode}`);
    const boxes = phone.getByRole("checkbox");
    await expect(boxes).toHaveCount(latePitch);
    for (let n = 0; n < latePitch; n++) await boxes.nth(n).check();
    await phone.getByRole("button", { name: "Vote" }).click();
    const field = phone.getByRole("group", { name: "Choose up to 3 pitches" });
    await expect(field).toContainText(`You can vote for up to 3 pitches; you chose ${latePitch}.`);
    await expect(phone.getByRole("link", { name: `You can vote for up to 3 pitches; you chose ${latePitch}.` })).toBeVisible();
    await expect(boxes.nth(0)).toBeChecked();
    // why no axe here: it runs as a script in the page, which this browser does not run.
    await phone.context().close();
  });
});

import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, latestMailTo, loginAs } from "./fixtures";

// The phones in the village hall. The organiser opens the closed demo round (autumn-2026) to
// an audience vote, shortlists three bids, sets up the event and invites two panellists; the
// chair runs it. Priya scores on her phone through a Wi-Fi that drops (offline, "Waiting for
// connection", then "Saved" only on the server's word), sees a late score refused once the
// pitch is locked, and declares a conflict. Sam's phone has JavaScript off: plain form posts.
// An audience member joins by the code on the screen, votes, and changes the vote.

const ROUND_TITLE = "Autumn 2026 community pitches";
const CRITERIA = ["Need", "Difference", "Deliverability", "Value for money"];
const WAITING = "Waiting for connection — will send automatically";
const IN_USE = "This invite is already in use on another phone; ask the organiser for a new link";

// why: every phone is its own browser (own cookies, own storage), like the phones in the hall.
async function newPhone(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const { defaultBrowserType: _unused, ...pixel } = devices["Pixel 7"];
  const context = await browser.newContext({ ...pixel, baseURL: test.info().project.use.baseURL, javaScriptEnabled: options.javaScriptEnabled ?? true });
  return context.newPage();
}

async function shortlist(page: Page, count: number) {
  await page.goto("/staff");
  await page.getByRole("link", { name: ROUND_TITLE, exact: true }).click();
  await page.waitForURL(/\/staff\/rounds\/[^/?#]+$/);
  const roundId = /\/staff\/rounds\/([^/?#]+)/.exec(page.url())![1];
  await page.goto(`/staff/rounds/${roundId}/bids?status=submitted`);
  const hrefs = await page.locator("table a[href^='/staff/bids/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const href of hrefs.slice(0, count)) {
    await page.goto(href);
    await page.getByLabel("Yes, shortlist it").check();
    await page.getByRole("button", { name: "Save decision" }).click();
    await expect(page.getByText("Bid shortlisted.")).toBeVisible();
  }
  return roundId;
}

async function inviteLink(page: Page, name: string) {
  await page.getByLabel("Invite a panellist").fill(name);
  await page.getByRole("button", { name: "Invite panellist" }).click();
  await expect(page.getByRole("heading", { name: `Invite link for ${name}` })).toBeVisible();
  return new URL((await page.getByTestId("invite-link").textContent())!.trim()).pathname;
}

/** The running order by group name, as the chair's buttons name the pitches. */
async function runningOrder(page: Page) {
  return page.locator(".order-table tbody tr td:nth-child(2)").evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent?.trim() ?? ""));
}

function score(page: Page, criterion: string, value: number) {
  return page.getByRole("group", { name: criterion, exact: true }).getByRole("radio", { name: String(value), exact: true });
}

function pitchInOrder(page: Page, group: string) {
  return page.locator(".pitch-list__item").filter({ hasText: group });
}

test("panellists score on their phones through a dropping Wi-Fi, and the audience votes", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await loginAs(page, "organiser");

  const roundId = await test.step("the organiser lets the audience vote with the code on the screen", async () => {
    const id = await shortlist(page, 3);
    await page.goto(`/staff/rounds/${id}/edit`);
    await page.getByLabel("Anyone in the room can vote with the event's join code").check();
    await page.getByLabel("Votes per person").fill("2");
    await page.getByLabel("Panel's weight, in percent").fill("80");
    await page.getByLabel("Audience's weight, in percent").fill("20");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(new RegExp(`/staff/rounds/${id}(\\?|$)`));
    return id;
  });

  const { eventId, order, priyaLink, samLink, joinCode } = await test.step("set up the event, invite two panellists, start it", async () => {
    await page.goto(`/staff/rounds/${roundId}/events/new`);
    await page.getByLabel("Title").fill("Autumn pitch night");
    await page.getByLabel("Starts").fill("2026-12-01T19:00");
    await page.getByLabel("Venue").fill("Thornbury Town Hall");
    await page.getByLabel("Pitch length").fill("3:00");
    await page.getByLabel("Time for questions").fill("2:00");
    await page.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByText("Event created.")).toBeVisible();
    const id = /\/staff\/events\/([^/?#]+)/.exec(page.url())![1];
    const groups = await runningOrder(page);
    const code = (await page.locator(".join-code-inline").textContent())!.trim();
    const priya = await inviteLink(page, "Priya Shah");
    const sam = await inviteLink(page, "Sam Jones");
    await page.getByRole("button", { name: "Mark ready" }).click();
    await expect(page.getByText("The event is ready.")).toBeVisible();
    await page.goto(`/staff/events/${id}/control`);
    await page.getByRole("button", { name: "Start the event" }).click();
    await expect(page.getByText("The event has started.")).toBeVisible();
    await page.getByRole("button", { name: `Start next pitch: ${groups[0]}` }).click();
    await expect(page.getByRole("button", { name: "Next phase: questions" })).toBeVisible();
    return { eventId: id, order: groups, priyaLink: priya, samLink: sam, joinCode: code };
  });

  const audience = await newPhone(browser);
  await test.step("an audience member joins with the code on the screen and votes for the pitch on stage", async () => {
    await audience.goto("/vote");
    await audience.getByLabel("Your code").fill("K7QM3");
    await audience.getByRole("button", { name: "Continue" }).click();
    await expect(audience.getByRole("link", { name: /this one has 5/ })).toBeVisible();
    await audience.getByLabel("Your code").fill(` ${joinCode.toLowerCase()} `);
    await audience.getByRole("button", { name: "Continue" }).click();
    await expect(audience.getByRole("group", { name: "Choose up to 2 pitches" })).toBeVisible();
    await expect(audience.getByRole("checkbox")).toHaveCount(1);
    await expectAccessible(audience);
    await audience.getByRole("button", { name: "Vote" }).click();
    await expect(audience.getByRole("link", { name: "Choose at least one pitch to vote for." })).toBeVisible();
    await audience.getByRole("checkbox", { name: new RegExp(order[0]) }).check();
    await audience.getByRole("button", { name: "Vote" }).click();
    await expect(audience.getByText("Your vote is counted")).toBeVisible();
    await expect(audience.getByRole("button", { name: "Change my vote" })).toBeVisible();
  });

  await page.getByRole("button", { name: "Next phase: questions" }).click();
  await expect(page.getByRole("button", { name: "Next phase: panel scoring" })).toBeVisible();

  const priya = await newPhone(browser);
  await test.step("Priya opens her invite link on her phone and sees the pitch on stage with its score pad", async () => {
    await priya.goto(priyaLink);
    await expect(priya.getByText("as Priya Shah")).toBeVisible();
    await priya.getByRole("button", { name: "Use this phone to score" }).click();
    await expect(priya.getByRole("heading", { level: 1, name: "Autumn pitch night" })).toBeVisible();
    const now = priya.locator(".now");
    await expect(now).toContainText(order[0]);
    await expect(now).toContainText("Questions");
    await expect(priya.getByRole("heading", { name: /^Your score for / })).toBeVisible();
    await expect(pitchInOrder(priya, order[0])).toContainText("Not scored");
    await priya.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await expectAccessible(priya);
  });

  await test.step("the same link on a second phone is refused", async () => {
    const second = await newPhone(browser);
    await second.goto(priyaLink);
    await expect(second.getByText(IN_USE)).toBeVisible();
    await expect(second.getByRole("button", { name: "Use this phone to score" })).toHaveCount(0);
    await second.context().close();
  });

  await test.step("Priya's score waits through a dropped connection and is saved only when the server has it", async () => {
    await score(priya, "Need", 4).check();
    await priya.getByRole("button", { name: "Save score" }).click();
    await expect(priya.getByRole("link", { name: "Choose a score for Difference, from 1 to 5." })).toBeVisible();
    await expect(priya.getByRole("group", { name: "Value for money", exact: true })).toContainText("Choose a score for Value for money, from 1 to 5.");
    await expect(score(priya, "Need", 4)).toBeChecked();

    for (const criterion of CRITERIA.slice(1)) await score(priya, criterion, 3).check();
    await priya.getByLabel("Comment (optional)").fill("Clear need; costs look right.");
    await priya.context().setOffline(true);
    await priya.getByRole("button", { name: "Save score" }).click();
    // why no wait here: offline, the queue sends nothing until the browser's `online` event.
    await expect(priya.getByRole("status").filter({ hasText: WAITING })).toBeVisible();
    await expect(priya.getByText(/Saved — version/)).toHaveCount(0);

    await priya.context().setOffline(false);
    await expect(priya.getByRole("status").filter({ hasText: /Saved — version 1 at \d\d:\d\d/ })).toBeVisible();
    await expect(pitchInOrder(priya, order[0])).toContainText("Scored (version 1)");
    await expect(page.getByText(/1 of 2 panellists has scored/).first()).toBeVisible();

    await score(priya, "Need", 5).check();
    await priya.getByRole("button", { name: "Save changes" }).click();
    await expect(priya.getByRole("status").filter({ hasText: /Saved — version 2 at \d\d:\d\d/ })).toBeVisible();
    await expectAccessible(priya);
  });

  const sam = await newPhone(browser, { javaScriptEnabled: false });
  await test.step("Sam's phone has JavaScript off: he joins and scores with plain form posts", async () => {
    await sam.goto(samLink);
    await sam.getByRole("button", { name: "Use this phone to score" }).click();
    await expect(sam.getByRole("heading", { name: /^Your score for / })).toBeVisible();
    await expect(sam.getByRole("link", { name: "Refresh" })).toBeVisible();
    await score(sam, "Need", 2).check();
    await sam.getByRole("button", { name: "Save score" }).click();
    await expect(sam.getByRole("link", { name: "Choose a score for Deliverability, from 1 to 5." })).toBeVisible();
    await expect(score(sam, "Need", 2)).toBeChecked();
    for (const criterion of CRITERIA.slice(1)) await score(sam, criterion, 4).check();
    await sam.getByRole("button", { name: "Save score" }).click();
    await expect(sam.getByText(/Saved — version 1 at \d\d:\d\d/)).toBeVisible();
    await expect(sam.getByText("Scored (version 1)")).toBeVisible();
  });

  await test.step("the audience changes the vote once the second pitch has started, without reloading", async () => {
    await page.getByRole("button", { name: "Next phase: panel scoring" }).click();
    // why: the chair's page ignores a press while the previous one is on its way; wait for it.
    await expect(page.getByText(`The panel is scoring ${order[0]}.`)).toBeVisible();
    await page.getByRole("button", { name: `Start next pitch: ${order[1]}` }).click();
    await expect(page.getByRole("button", { name: "Next phase: questions" })).toBeVisible();
    await expect(audience.getByRole("checkbox")).toHaveCount(2);
    await expect(audience.getByRole("checkbox", { name: new RegExp(order[0]) })).toBeChecked();
    await audience.getByRole("checkbox", { name: new RegExp(order[1]) }).check();
    await expect(audience.getByText("You have changed your choice.")).toBeVisible();
    await audience.getByRole("button", { name: "Change my vote" }).click();
    await expect(audience.getByText("Your vote is counted")).toBeVisible();
    await audience.reload();
    await expect(audience.getByText("Your vote is counted")).toBeVisible();
    await expect(audience.getByRole("checkbox", { name: new RegExp(order[1]) })).toBeChecked();
    await expect(audience.getByRole("checkbox", { name: new RegExp(order[0]) })).toBeChecked();
    await expectAccessible(audience);
  });

  await test.step("a late change to a locked pitch is refused on Priya's phone, with her answers kept", async () => {
    // Priya's page followed the chair to the second pitch, its one page included, without a reload.
    await expect(priya.locator(".now")).toContainText(order[1]);
    await expect(priya.locator(".one-page")).toContainText(order[1]);
    await expect(priya.locator(".now")).toContainText("Pitching");
    expect(await priya.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await priya.getByRole("link", { name: /^Change your score for / }).click();
    await expect(score(priya, "Need", 5)).toBeChecked();
    await priya.context().setOffline(true);
    await score(priya, "Need", 1).check();
    await priya.getByRole("button", { name: "Save changes" }).click();
    await expect(priya.getByRole("status").filter({ hasText: WAITING })).toBeVisible();

    await page.getByRole("button", { name: `Lock scoring for ${order[0]}` }).click();
    await expect(page.locator(".running-order__item").filter({ hasText: order[0] })).toContainText("Scores locked");

    await priya.context().setOffline(false);
    const refusal = priya.getByRole("alert").filter({ hasText: "Your score was not saved" });
    await expect(refusal).toContainText(/Scoring for this pitch closed at \d\d:\d\d; your score was not saved\./);
    await expect(score(priya, "Need", 1)).toBeChecked();
    await expect(priya.getByText("Last saved: version 2")).toBeVisible();

    await priya.reload();
    await expect(refusal).toBeVisible();
    await refusal.getByRole("button", { name: "Dismiss" }).click();
    await expect(priya.getByText("Scoring for this pitch is locked.")).toBeVisible();
    await expect(score(priya, "Need", 5)).toBeChecked();
    await expect(score(priya, "Need", 5)).toBeDisabled();
  });

  await test.step("Priya declares a conflict with the third pitch and can no longer score it", async () => {
    await priya.goto(`/panel/${eventId}`);
    await priya.getByRole("link", { name: "Declare a conflict of interest" }).click();
    await priya.getByRole("button", { name: "Declare conflict" }).click();
    await expect(priya.getByRole("link", { name: "Choose the pitch you have a conflict with." })).toBeVisible();
    await priya.getByLabel("Why do you have a conflict?").fill("My sister chairs this group.");
    await priya.getByRole("button", { name: "Declare conflict" }).click();
    await expect(priya.getByLabel("Why do you have a conflict?")).toHaveValue("My sister chairs this group.");
    await priya.getByRole("radio", { name: new RegExp(order[2]) }).check();
    await priya.getByRole("button", { name: "Declare conflict" }).click();
    await expect(priya.getByText("Your conflict of interest is recorded.")).toBeVisible();
    await expectAccessible(priya);
    await priya.getByRole("link", { name: "Back to the running order" }).click();
    await expect(pitchInOrder(priya, order[2])).toContainText("Recused");
    await pitchInOrder(priya, order[2]).getByRole("link").click();
    await expect(priya.getByText("You declared a conflict of interest with this pitch, so you do not score it.")).toBeVisible();
    await expect(priya.getByRole("button", { name: "Save score" })).toHaveCount(0);
  });

  await test.step("Sam declares a conflict during the questions; his open score form is then refused", async () => {
    await page.getByRole("button", { name: "Next phase: questions" }).click();
    await expect(page.getByRole("button", { name: "Next phase: panel scoring" })).toBeVisible();
    await sam.goto(`/panel/${eventId}`);
    await pitchInOrder(sam, order[1]).getByRole("link").click();
    await expect(sam.getByRole("heading", { name: /^Your score for / })).toBeVisible();

    const desk = await sam.context().newPage();
    await desk.goto(`/panel/${eventId}/conflicts`);
    await desk.getByRole("radio", { name: new RegExp(order[1]) }).check();
    await desk.getByLabel("Why do you have a conflict?").fill("I was their treasurer until last year.");
    await desk.getByRole("button", { name: "Declare conflict" }).click();
    await expect(desk.getByText("Your conflict of interest is recorded.")).toBeVisible();

    for (const criterion of CRITERIA) await score(sam, criterion, 3).check();
    await sam.getByRole("button", { name: "Save score" }).click();
    await expect(sam.getByRole("alert").filter({ hasText: "Your score was not saved" })).toContainText(
      "You declared a conflict of interest with this pitch, so you cannot score it; your score was not saved.",
    );
    await expect(score(sam, "Value for money", 3)).toBeChecked();
  });

  const firstTitle = await priyaTitle(priya, eventId, order[0]);
  await test.step("the organiser's audience pages: the trade-off of tickets, and a first count of paper votes", async () => {
    await page.goto(`/staff/events/${eventId}/tickets`);
    await expect(page.getByRole("heading", { name: "Audience tickets" })).toBeVisible();
    await expect(page.getByText(/^Tickets allow one vote per printed ticket, so nobody can vote twice/)).toBeVisible();
    await expect(page.getByText(/tickets are not used/)).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/staff/events/${eventId}/paper`);
    await expect(page.locator(".summary > div").filter({ hasText: "Phones that voted" })).toContainText("1");
    await expect(page.locator(".summary > div").filter({ hasText: "Votes from phones" })).toContainText("2");
    const firstPitch = page.locator(".paper-row").filter({ has: page.getByRole("heading", { name: firstTitle }) });
    await firstPitch.getByLabel(/^Your count for /).fill("seven");
    await firstPitch.getByRole("button", { name: "Save count" }).click();
    await expect(page.getByRole("link", { name: "Enter the number of paper votes as a whole number, 0 or more." })).toBeVisible();
    await firstPitch.getByLabel(/^Your count for /).fill("7");
    await firstPitch.getByRole("button", { name: "Save count" }).click();
    await expect(firstPitch).toContainText("Waiting for the second count");
    await expect(firstPitch).toContainText("7 (you)");
    await expectAccessible(page);
  });

  await test.step("a second organiser counts the same paper votes; the difference is settled with a note, then counted", async () => {
    const counter = await newPhone(browser);
    const email = `robin.${Date.now()}@example.org`;
    const password = "lantern meadow copper";
    await loginAs(counter, "admin", "/admin/users");
    await counter.getByLabel("Email address").fill(email);
    await counter.getByLabel("Full name").fill("Robin Counter");
    await counter.getByRole("checkbox", { name: /Organiser/ }).check();
    await counter.getByRole("button", { name: "Send invite" }).click();
    await expect(counter.getByRole("status")).toContainText("Invite sent");
    const mail = await latestMailTo(counter, email);
    const link = (await mail.textContent())?.match(/https?:\/\/[^\s]+\/invite\/[A-Za-z0-9_-]+/)?.[0];
    await counter.getByRole("button", { name: /Sign out/ }).click();
    await counter.goto(new URL(link!).pathname);
    await counter.getByLabel("Choose a password").fill(password);
    await counter.getByLabel("Type the password again").fill(password);
    await counter.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(counter).toHaveURL(/\/staff$/);

    await counter.goto(`/staff/events/${eventId}/paper`);
    const row = counter.locator(".paper-row").filter({ has: counter.getByRole("heading", { name: firstTitle }) });
    const figure = (label: string) => counter.locator(".summary > div").filter({ hasText: label });
    await expect(row).toContainText("7 (another organiser)");
    await row.getByLabel(/^Your count for /).fill("9");
    await row.getByRole("button", { name: "Save count" }).click();
    await expect(row).toContainText("Counts differ: resolve with a note");
    await expect(figure("Paper votes counted")).toContainText("0");
    await expect(figure("Still to settle")).toContainText("1 pitch needs a second count or a note");

    await row.getByLabel(/^Agreed count for /).fill("8");
    await row.getByRole("button", { name: "Settle the counts" }).click();
    await expect(counter.getByRole("link", { name: "Add a note saying how the difference was settled (for example, a recount by whom)." })).toBeVisible();
    await expect(row.getByLabel(/^Agreed count for /)).toHaveValue("8");
    await row.getByLabel("How was the difference settled?").fill("Recounted by Robin and Olu: 8 both times.");
    await row.getByRole("button", { name: "Settle the counts" }).click();
    await expect(row).toContainText("Resolved");
    await expect(row).toContainText("8: Recounted by Robin and Olu: 8 both times.");
    // Paper votes count with the phones' votes: 2 from the one phone that voted, 8 on paper.
    await expect(figure("Paper votes counted")).toContainText("8");
    await expect(figure("All votes")).toContainText("10");
    await expectAccessible(counter);
    await counter.context().close();
  });

  await Promise.all([audience, priya, sam].map((p) => p.context().close()));
});

/** The project title Priya's phone shows for a group's pitch. */
async function priyaTitle(priya: Page, eventId: string, group: string) {
  await priya.goto(`/panel/${eventId}`);
  return ((await pitchInOrder(priya, group).locator(".pitch-list__title").textContent()) ?? "").trim();
}

import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { readPdfText } from "../app/testing/pdf-text";
import { expectAccessible, latestMailTo, loginAs, STAFF } from "./fixtures";

// After the last pitch: the funder reads the ranking and why each bid is placed where it is,
// departs from one proposal with a reason, and confirms; the chair reveals the awards on the big
// screen (one, then the rest), followed live by an audience phone, a group's own page and the
// public results; the awards are offered; one group
// accepts through its private link, sets up payment on (the local fake of) Stripe and is paid
// once a second funder approves; another accepts on the organiser's laptop and is paid by bank
// transfer; the award letter downloads as a PDF. The evening before it is run as briefly as the
// real pages allow: three pitches, two panellists on phones with JavaScript off.
// Needs the app started with STRIPE_FAKE=on (the default in playwright.config.ts).

const ROUND_TITLE = "Autumn 2026 community pitches";
const CRITERIA = ["Need", "Difference", "Deliverability", "Value for money"];
// Demo bids (prisma/seed/bids.ts) and what each panellist gives every criterion of its pitch.
const KNIT = { group: "Castle Court Knit and Natter", email: "knitandnatter@castlecourt.example", score: 5 };
const FOODBANK = { group: "Thornbury Foodbank Cookery Group", email: "cookery@thornburyfoodbank.example", score: 4 };
const FOOTBALL = { group: "Thornbury Youth Football Club", email: "welfare@thornburyyfc.example", score: 3 };
const PITCHES = [KNIT, FOODBANK, FOOTBALL];

async function newBrowser(browser: Browser, options: { javaScriptEnabled?: boolean; phone?: boolean } = {}) {
  const { defaultBrowserType: _unused, ...pixel } = devices["Pixel 7"];
  const context = await browser.newContext({
    ...(options.phone ? pixel : { viewport: { width: 1280, height: 900 } }),
    baseURL: test.info().project.use.baseURL,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    acceptDownloads: true,
  });
  return context.newPage();
}

/** The group's private link, from the emails it was sent when it applied. */
async function privateLink(page: Page, email: string) {
  await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
  const hrefs = await page.locator("article.mail a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const link = hrefs.find((href) => /\/bid\/[A-Za-z0-9_-]{43}$/.test(href));
  if (!link) throw new Error(`No private link in the mail to ${email}`);
  return new URL(link).pathname;
}

function card(page: Page, group: string) {
  return page.locator("section.decision-card").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(group) }) });
}

test("the funder decides with a reason, a second funder approves, and the groups are paid", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const organiser = page;
  await loginAs(organiser, "organiser");

  const { eventId, phones, order, joinCode } = await test.step("the evening: three pitches scored by two panellists, then scoring closes", async () => {
    await organiser.goto("/staff");
    await organiser.getByRole("link", { name: ROUND_TITLE, exact: true }).click();
    await organiser.waitForURL(/\/staff\/rounds\/[^/?#]+$/);
    const roundId = /\/staff\/rounds\/([^/?#]+)/.exec(organiser.url())![1];
    for (const { group } of PITCHES) {
      await organiser.goto(`/staff/rounds/${roundId}/bids?status=submitted`);
      await organiser.getByRole("link", { name: new RegExp(`, ${group}$`) }).click();
      await organiser.getByLabel("Yes, shortlist it").check();
      await organiser.getByRole("button", { name: "Save decision" }).click();
      await expect(organiser.getByText("Bid shortlisted.")).toBeVisible();
    }
    // why: two panellists tonight, so the rule's quorum of three would leave every pitch short.
    await organiser.goto(`/staff/rounds/${roundId}/edit`);
    await organiser.getByLabel("Quorum").fill("2");
    // The audience may follow on their phones (the vote carries no weight in this rule).
    await organiser.getByLabel("Anyone in the room can vote with the event's join code").check();
    await organiser.getByRole("button", { name: "Save changes" }).click();
    await organiser.waitForURL(new RegExp(`/staff/rounds/${roundId}(\\?|$)`));

    await organiser.goto(`/staff/rounds/${roundId}/events/new`);
    await organiser.getByLabel("Title").fill("Autumn pitch night");
    await organiser.getByLabel("Starts").fill("2026-12-01T19:00");
    await organiser.getByLabel("Venue").fill("Thornbury Town Hall");
    await organiser.getByLabel("Pitch length").fill("3:00");
    await organiser.getByLabel("Time for questions").fill("2:00");
    await organiser.getByRole("button", { name: "Create event" }).click();
    await expect(organiser.getByText("Event created.")).toBeVisible();
    const id = /\/staff\/events\/([^/?#]+)/.exec(organiser.url())![1];
    const code = (await organiser.locator(".join-code-inline").textContent())!.trim();
    const links: string[] = [];
    for (const name of ["Priya Shah", "Tom Okafor"]) {
      await organiser.getByLabel("Invite a panellist").fill(name);
      await organiser.getByRole("button", { name: "Invite panellist" }).click();
      await expect(organiser.getByRole("heading", { name: `Invite link for ${name}` })).toBeVisible();
      links.push(new URL((await organiser.getByTestId("invite-link").textContent())!.trim()).pathname);
    }
    await organiser.getByRole("button", { name: "Mark ready" }).click();
    await expect(organiser.getByText("The event is ready.")).toBeVisible();

    const panel = [];
    for (const link of links) {
      const phone = await newBrowser(browser, { phone: true, javaScriptEnabled: false });
      await phone.goto(link);
      await phone.getByRole("button", { name: "Use this phone to score" }).click();
      panel.push(phone);
    }

    await organiser.goto(`/staff/events/${id}/control`);
    await organiser.getByRole("button", { name: "Start the event" }).click();
    const running = (await organiser.locator(".running-order__group").allTextContents()).map((g) => g.trim());
    for (const groupName of running) {
      const pitch = PITCHES.find((p) => p.group === groupName.trim())!;
      await organiser.getByRole("button", { name: `Start next pitch: ${pitch.group}` }).click();
      await organiser.getByRole("button", { name: "Next phase: questions" }).click();
      await expect(organiser.getByRole("button", { name: "Next phase: panel scoring" })).toBeVisible();
      for (const phone of panel) {
        await phone.goto(`/panel/${id}`);
        await expect(phone.locator(".now")).toContainText(pitch.group);
        for (const criterion of CRITERIA) {
          await phone.getByRole("group", { name: criterion, exact: true }).getByRole("radio", { name: String(pitch.score), exact: true }).check();
        }
        await phone.getByRole("button", { name: "Save score" }).click();
        await expect(phone.getByText(/Saved — version 1 at \d\d:\d\d/)).toBeVisible();
      }
      await organiser.getByRole("button", { name: "Next phase: panel scoring" }).click();
      await expect(organiser.getByText(`The panel is scoring ${pitch.group}.`)).toBeVisible();
    }
    await organiser.getByRole("button", { name: "Close scoring for the event" }).click();
    await expect(organiser.getByRole("heading", { name: "Over to the funder" })).toBeVisible();
    // The chair's way on to the decisions; an organiser reads them but cannot make them.
    await organiser.getByRole("link", { name: "Go to the decisions" }).click();
    await expect(organiser.getByText("You can read the ranking and the decisions. Only a funder can make or change them.")).toBeVisible();
    await expect(organiser.getByRole("button", { name: /Save decision/ })).toHaveCount(0);
    return { eventId: id, phones: panel, order: running, joinCode: code };
  });
  await Promise.all(phones.map((p) => p.context().close()));

  const funder = await newBrowser(browser);
  const decisions = `/staff/events/${eventId}/decisions`;
  await test.step("the funder reads the ranking and why each bid is placed where it is", async () => {
    await loginAs(funder, "funder");
    await funder.getByRole("link", { name: "Awards and payments" }).click();
    await funder.getByRole("link", { name: "Autumn pitch night" }).click();
    await expect(funder).toHaveURL(new RegExp(`${decisions}$`));
    const places = await funder.locator(".ranking-table tbody th[scope=row] a").allTextContents();
    expect(places.map((p) => p.replace(": decision and explanation", ""))).toEqual([KNIT.group, FOODBANK.group, FOOTBALL.group]);
    await expect(funder.locator(".ranking-table tbody tr").first()).toContainText("2 counted");
    await expect(funder.locator(".allocation-table")).toContainText("Funded in full: £3,100");

    const why = card(funder, FOODBANK.group).locator("details.explain");
    await why.getByText("Why is this bid ranked here?").click();
    await expect(why.getByRole("row", { name: /Priya Shah 4 4 4 4 4\.00 Counted/ })).toBeVisible();
    await expect(why).toContainText("(4.00 + 4.00) ÷ 2 = 4.00 out of 5");
    await expect(why).toContainText("(4.00 − 1) ÷ (5 − 1) = 0.750");
    await expect(why).toContainText("2 counted, 2 needed: met");
    await expectAccessible(funder);
  });

  await test.step("the funder confirms two proposals and overrides the third, with a reason", async () => {
    for (const { group } of [KNIT, FOODBANK]) {
      await card(funder, group).getByRole("button", { name: `Save decision for ${group}` }).click();
      await expect(funder.getByRole("status")).toHaveText(`Decision saved for ${group}.`);
    }
    const football = card(funder, FOOTBALL.group);
    // This round does not allow part-funding, and the fund allows no exceptions to its rules.
    await football.getByRole("radio", { name: "Part-fund" }).check();
    await football.getByLabel("Amount to award if part-funding").fill("1000");
    await football.getByLabel("Reason, if your decision differs from the proposal").fill("We would rather spread the pot further this year.");
    await football.getByRole("button", { name: `Save decision for ${FOOTBALL.group}` }).click();
    const ruleError = "Part-funded at 32 % of the ask; the round does not allow part-funding. The fund's policy allows no exceptions to the round's rules.";
    await expect(football.locator(".field--error")).toContainText(ruleError);
    await expect(funder.getByRole("alert")).toContainText(`${FOOTBALL.group}: Decision: Part-funded at 32 % of the ask`);
    await expect(football.getByLabel("Amount to award if part-funding")).toHaveValue("1000");
    await expect(football).toContainText("Not decided yet");
    await expectAccessible(funder);
    await football.getByLabel("Reason, if your decision differs from the proposal").fill("");

    await football.getByRole("radio", { name: "Do not fund" }).check();
    await football.getByLabel("Feedback for the group (optional)").fill("A strong pitch; come back with match funding from the league.");
    await football.getByRole("button", { name: `Save decision for ${FOOTBALL.group}` }).click();
    const reasonError = "Explain why this differs from the proposal (fund in full, £3,100), in at least 10 characters";
    await expect(funder.getByRole("alert").getByRole("link", { name: new RegExp(reasonError.replace(/[()£,]/g, ".")) })).toBeVisible();
    await expect(football.locator(".field--error")).toContainText(reasonError);
    await expect(football.getByLabel("Feedback for the group (optional)")).toHaveValue("A strong pitch; come back with match funding from the league.");
    await expectAccessible(funder);

    await football.getByLabel("Reason, if your decision differs from the proposal").fill("The pitches are not leased yet, so the work could not start this season.");
    await football.getByRole("button", { name: `Save decision for ${FOOTBALL.group}` }).click();
    await expect(funder.getByRole("status")).toContainText(`Decision saved for ${FOOTBALL.group}, as an override`);
    await expect(football.getByText("Override", { exact: true })).toBeVisible();
    await expect(football).toContainText("The pitches are not leased yet");

    await funder.getByRole("button", { name: "Confirm all decisions" }).click();
    await expect(funder.getByRole("status")).toContainText("Decisions confirmed: 2 funded, 1 not funded. The event is closed. Each group hears its outcome, on its page and by email, when the chair reveals the awards");
    await expect(funder.getByRole("button", { name: /Save decision/ })).toHaveCount(0);
  });

  await test.step("the chair reveals the awards, one then the rest; the screen, a phone, a group's page and /results follow", async () => {
    const funded = order.filter((g) => g === KNIT.group || g === FOODBANK.group);
    const amounts: Record<string, string> = { [KNIT.group]: "£1,200", [FOODBANK.group]: "£950" };
    const screen = await organiser.context().newPage();
    await screen.goto(`/screen/${eventId}`);
    await expect(screen.locator(".screen__phase")).toContainText("Decisions made");
    const audience = await newBrowser(browser, { phone: true });
    await audience.goto(`/vote/${joinCode}`);
    await expect(audience.getByText("Voting has closed")).toBeVisible();
    const football = await newBrowser(browser, { phone: true });
    await football.goto(await privateLink(football, FOOTBALL.email));
    await expect(football.getByText("The decision on your bid has been made")).toBeVisible();
    await expect(football.getByText("A strong pitch; come back with match funding")).toHaveCount(0);
    await expectAccessible(football);

    await organiser.goto(`/staff/events/${eventId}/control`);
    await expect(organiser.getByRole("heading", { name: "Reveal the awards" })).toBeVisible();
    await expectAccessible(organiser);
    await organiser.getByRole("button", { name: "Reveal next award (1 of 2)" }).click();
    await expect(organiser.getByRole("button", { name: "Reveal next award (2 of 2)" })).toBeVisible();

    const rows = screen.locator(".screen-reveal__row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(funded[0]);
    await expect(rows.first()).toContainText(amounts[funded[0]]);
    await expect(screen.locator(".screen-reveal__totals")).toHaveCount(0);
    await expect(screen.locator(".screen")).not.toContainText(FOOTBALL.group);
    await expectAccessible(screen);
    const onPhone = audience.getByRole("region", { name: /Tonight.s awards/ });
    await expect(onPhone.getByRole("listitem")).toHaveCount(1);
    await expect(onPhone).toContainText(funded[0]);
    await expectAccessible(audience);
    const results = await newBrowser(browser);
    await results.goto(`/results/${eventId}`);
    const table = results.getByRole("table", { name: "Projects funded at Autumn pitch night" });
    await expect(table.getByRole("row")).toHaveCount(3); // header, one project, awarded so far
    await expect(table.getByRole("row", { name: new RegExp(`Awarded so far.*${amounts[funded[0]]}`) })).toBeVisible();
    await expect(results.getByText("The awards are being announced at the event.")).toBeVisible();
    await expectAccessible(results);
    await expect(football.getByText("The decision on your bid has been made")).toBeVisible();

    await organiser.getByRole("button", { name: "Reveal all the rest" }).click();
    await expect(organiser.getByText("Every award and the totals are showing on the screen")).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText(funded[1]);
    await expect(screen.locator(".screen-reveal__totals")).toContainText("Awarded tonight: £2,150");
    await expect(screen.locator(".screen-reveal__totals")).toContainText("Left in the fund:");
    await expect(screen.locator(".screen")).not.toContainText(FOOTBALL.group);
    await expectAccessible(screen);
    await expect(onPhone.getByRole("listitem")).toHaveCount(2);
    await expect(onPhone).toContainText("Awarded tonight: £2,150");
    // The group's own page shows its outcome and the feedback as the reveal ends, without a reload.
    await expect(football.getByText("A strong pitch; come back with match funding from the league.")).toBeVisible();
    await expect(football.getByRole("heading", { name: "Where to go from here" })).toBeVisible();
    await expectAccessible(football);
    await results.reload();
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("row", { name: /Total awarded at this event.*£2,150/ })).toBeVisible();
    await expect(results.getByText(FOOTBALL.group)).toHaveCount(0);
    await expectAccessible(results);

    // Confirming and revealing each took a checkpoint of the audit log by itself: emailed to the
    // auditors, and its head listed on the public results page for anyone to keep.
    const mail = await latestMailTo(results, STAFF.auditor);
    await expect(mail).toContainText('the awards of "Autumn pitch night" were revealed');
    const [, seq, hash] = /--expect-head (\d+):([0-9a-f]{64})/.exec(await mail.innerText()) ?? [];
    expect(hash).toBeTruthy();
    await results.goto("/results");
    const checkpoints = results.getByRole("region", { name: "Checkpoints of the audit log" });
    await expect(checkpoints.getByRole("listitem").filter({ hasText: `Entry #${seq},` })).toContainText(`after awards revealed: ${hash}`);
    await expect(checkpoints.getByRole("listitem").filter({ hasText: "after decisions confirmed:" })).not.toHaveCount(0);
    await expectAccessible(results);
    await screen.close();
    await Promise.all([audience, football, results].map((p) => p.context().close()));
  });

  const awardUrls: Record<string, string> = {};
  await test.step("the funder offers the two awards with their conditions", async () => {
    for (const { group } of [KNIT, FOODBANK]) {
      await funder.goto(`${decisions}#awards`);
      await expect(funder.getByLabel(`Conditions of the award to ${group}`)).toHaveValue(/Spend the award only on the project described in bid PD-/);
      await funder.getByRole("button", { name: `Offer the award to ${group}` }).click();
      await expect(funder.getByRole("status")).toContainText("Award offered.");
      awardUrls[group] = new URL(funder.url()).pathname;
    }
  });

  const group = await newBrowser(browser, { phone: true });
  let fake = "";
  let knitLink = "";
  await test.step("the group accepts the conditions through its private link and sets up payment on Stripe", async () => {
    knitLink = await privateLink(group, KNIT.email);
    await group.goto(knitLink);
    await expect(group.getByRole("heading", { name: "Your award" })).toBeVisible();
    await expect(group.getByText("Offered: accept the conditions")).toBeVisible();
    await group.getByRole("link", { name: "Accept the conditions" }).click();
    await group.getByRole("button", { name: "Accept the conditions" }).click();
    await expect(group.getByRole("link", { name: "Your name: Enter the full name of the person accepting for the group" })).toBeVisible();
    await group.getByLabel("Your full name").fill("Priya Shah");
    await group.getByLabel(/I can sign for/).check();
    await group.getByRole("button", { name: "Accept the conditions" }).click();
    await expect(group.getByText("You have accepted the conditions of the award")).toBeVisible();
    await expect(group.getByText(/Priya Shah accepted the conditions on/)).toBeVisible();
    await expectAccessible(group);

    await group.getByRole("link", { name: "Set up payment" }).click();
    await expect(group.getByRole("heading", { name: "Set up payment" })).toBeVisible();
    await group.getByRole("link", { name: "Continue to Stripe" }).click();
    await expect(group.getByRole("heading", { name: `Set up payouts for ${KNIT.group}` })).toBeVisible();
    fake = new URL(group.url()).origin;
    await group.getByRole("button", { name: "Complete onboarding" }).click();
    await expect(group.getByRole("heading", { name: "Your payment account is set up" })).toBeVisible();
    await expectAccessible(group);
  });

  await test.step("the award letter downloads as a PDF", async () => {
    await group.goto(knitLink);
    const [download] = await Promise.all([group.waitForEvent("download"), group.getByRole("link", { name: "Download your award letter (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^award-letter-PD-\d{4}-\d{4}\.pdf$/);
    const pdf = await readPdfText(readFileSync((await download.path())!));
    expect(pdf.text).toContain(`Award of £1,200 to ${KNIT.group}`);
    expect(pdf.text).toContain("Thornbury Town Council");
    expect(pdf.text).toContain("accepted for Castle Court Knit and Natter by Priya Shah");
  });

  const second = await newBrowser(browser);
  await test.step("one funder asks for the Stripe payment; only a second funder can approve it", async () => {
    await funder.goto(awardUrls[KNIT.group]);
    await expect(funder.getByText("Stripe says the group’s account can receive payments.")).toBeVisible();
    await funder.getByRole("radio", { name: /Stripe transfer/ }).check();
    await funder.getByRole("button", { name: "Ask for payment" }).click();
    await expect(funder.getByRole("status")).toContainText("Payment asked for. Another funder must approve it");
    await expect(funder.getByRole("button", { name: /Approve/ })).toHaveCount(0);
    await expect(funder.getByText("You made the funding decision on this award, so another funder must approve its payment.")).toBeVisible();
    await expectAccessible(funder);

    await loginAs(second, "funder2");
    await second.goto("/staff/awards");
    await second.getByRole("link", { name: `Review and approve the payment to ${KNIT.group}` }).click();
    await second.getByRole("button", { name: "Approve and send payment" }).click();
    await expect(second.getByRole("status")).toContainText("Payment approved and sent: Stripe has made the transfer");
    await expect(second.locator(".payment")).toContainText(/Stripe transfer\s*tr_/);
    await expect(second.getByText("Paid", { exact: true }).first()).toBeVisible();

    const state = (await (await second.request.get(`${fake}/_fake/state`)).json()) as { transfers: { amount: number; destination: string }[] };
    expect(state.transfers).toHaveLength(1);
    expect(state.transfers[0].amount).toBe(120_000);

    await group.reload();
    await expect(group.getByText(/£1,200 was paid into your Stripe account on/)).toBeVisible();
  });

  await test.step("the other group accepts on the organiser's laptop and is paid by bank transfer", async () => {
    await organiser.goto(awardUrls[FOODBANK.group]);
    await organiser.getByLabel("Full name of the person accepting for the group").fill("Jo Baker");
    await organiser.getByLabel(/I can sign for/).check();
    await organiser.getByRole("button", { name: "Accept the conditions for the group" }).click();
    await expect(organiser.getByRole("status")).toContainText("Acceptance recorded.");

    await funder.goto(awardUrls[FOODBANK.group]);
    await funder.getByRole("radio", { name: "Bank transfer (made outside Pitchday)" }).check();
    await funder.getByRole("button", { name: "Ask for payment" }).click();
    await expect(funder.getByRole("status")).toContainText("Payment asked for.");
    await second.goto(awardUrls[FOODBANK.group]);
    await second.getByRole("button", { name: "Approve payment" }).click();
    await expect(second.getByRole("status")).toContainText("Payment approved.");

    await funder.reload();
    await funder.getByLabel("Bank transfer reference").fill("TCC-0042");
    await funder.getByLabel("Date paid").fill("01/01/2099");
    await funder.getByRole("button", { name: "Record payment as made" }).click();
    await expect(funder.getByRole("alert")).toContainText("Date paid: The payment date cannot be in the future");
    await expect(funder.getByLabel("Bank transfer reference")).toHaveValue("TCC-0042");
    // why: today where the fund is, as the form shows a date (14/05/2027).
    await funder.getByLabel("Date paid").fill(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London" }).format(new Date()));
    await funder.getByRole("button", { name: "Record payment as made" }).click();
    await expect(funder.getByRole("status")).toContainText("Payment recorded as made. The group has been emailed.");
    await expect(funder.locator(".payment")).toContainText("TCC-0042");
    await expectAccessible(funder);
  });

  await test.step("the group that was not funded reads the feedback and where to go next", async () => {
    await group.goto(await privateLink(group, FOOTBALL.email));
    await expect(group.getByText("A strong pitch; come back with match funding from the league.")).toBeVisible();
    await expect(group.getByRole("heading", { name: "Where to go from here" })).toBeVisible();
    await expect(group.getByText("The pitches are not leased yet")).toHaveCount(0);
    await expectAccessible(group);
  });

  await Promise.all([funder, second, group].map((p) => p.context().close()));
});

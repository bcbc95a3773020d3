import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { bigScreenFixturePath, type BigScreenFixture } from "./big-screen-fixture";
import { expectAccessible } from "./fixtures";

// Keyboard only (issue 14): a voter, a panellist and a group applying, using Tab, Shift+Tab,
// Enter, Space and the arrow keys, never the mouse. Each step checks where the focus went
// (role and accessible name of document.activeElement, in the order a keyboard user meets
// them) and that the focus can be seen (an outline or box-shadow while :focus-visible). Runs on
// the big screen's server, whose seeded over-time event is live with its join code and a
// panel invite kept for this spec.

function seeded(): BigScreenFixture {
  const port = new URL(test.info().project.use.baseURL ?? "").port;
  return JSON.parse(readFileSync(bigScreenFixturePath(port), "utf8")) as BigScreenFixture;
}

interface Focused {
  role: string;
  name: string;
  visible: boolean;
}

/** What has the focus: its role and accessible name (as a screen reader meets it), and whether it shows. */
async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const input = el as HTMLInputElement;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute("type") ?? "").toLowerCase();
    const role =
      el.getAttribute("role") ??
      (tag === "a" ? "link" : tag === "button" || (tag === "input" && type === "submit") ? "button" : tag === "summary" ? "summary" : tag === "select" ? "combobox" : "");
    const implicit = tag === "input" && (type === "checkbox" || type === "radio") ? type : tag === "input" || tag === "textarea" ? "textbox" : "";
    const labelledBy = el.getAttribute("aria-labelledby");
    const name = (
      el.getAttribute("aria-label") ??
      (labelledBy ? labelledBy.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : null) ??
      (input.labels && input.labels.length > 0 ? input.labels[0].textContent : null) ??
      el.textContent ??
      ""
    )
      .replace(/\s+/g, " ")
      .trim();
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    // why: a radio or checkbox drawn as a styled label shows its focus on the label's span.
    const sibling = el.nextElementSibling ? getComputedStyle(el.nextElementSibling) : null;
    const siblingRing = sibling !== null && ((sibling.outlineStyle !== "none" && parseFloat(sibling.outlineWidth) > 0) || sibling.boxShadow !== "none");
    // why: a date box's calendar button is a part inside the box; while it has the focus the box
    // matches :focus-within but not :focus-visible, and the ring is the box's.
    const keyboardFocus = el.matches(":focus-visible") || (!el.matches(":focus") && el.matches(":focus-within"));
    return { role: role || implicit || tag, name, visible: keyboardFocus && (outline || shadow || siblingRing) };
  });
}

/** Presses `key` until `target` has the focus (at most `limit` presses), returning every stop on the way. */
async function pressUntil(page: Page, key: string, target: Locator, limit = 40): Promise<Focused[]> {
  const trail: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now) trail.push(now);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return trail;
  }
  throw new Error(`${key} never reached the target; the focus went: ${trail.map((f) => `${f.role} "${f.name}"`).join(" > ")}`);
}

/** Every stop was visible, and the stops named came in this order (others may come between). */
function expectOrder(trail: Focused[], expected: { role: string; name: RegExp }[]) {
  expect(trail.filter((f) => !f.visible)).toEqual([]);
  let at = 0;
  for (const stop of trail) if (at < expected.length && stop.role === expected[at].role && expected[at].name.test(stop.name)) at++;
  expect({ reached: expected.slice(0, at).map((e) => `${e.role} ${e.name}`), trail: trail.map((f) => `${f.role} "${f.name}"`) }).toMatchObject({
    reached: expected.map((e) => `${e.role} ${e.name}`),
  });
}

test("a voter joins with the code on the screen, votes and changes the vote with the keyboard alone", async ({ browser }) => {
  const { overtimeJoinCode } = seeded();
  const phone = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-GB" })).newPage();
  await phone.goto("/vote");

  await test.step("the skip link comes first and takes the focus past the header", async () => {
    const trail = await pressUntil(phone, "Tab", phone.getByRole("link", { name: "Skip to main content" }), 1);
    expectOrder(trail, [{ role: "link", name: /Skip to main content/ }]);
    await phone.keyboard.press("Enter");
    const code = phone.getByRole("textbox", { name: "Your code" });
    expectOrder(await pressUntil(phone, "Tab", code, 2), [{ role: "textbox", name: /Your code/ }]);
  });

  await test.step("the code is typed and sent with Enter", async () => {
    await phone.keyboard.type(overtimeJoinCode);
    expectOrder(await pressUntil(phone, "Tab", phone.getByRole("button", { name: "Continue" }), 1), [{ role: "button", name: /Continue/ }]);
    await phone.keyboard.press("Enter");
    await expect(phone).toHaveURL(new RegExp(`/vote/${overtimeJoinCode}$`));
  });

  const boxes = phone.getByRole("checkbox");
  await test.step("Tab reaches the pitches in order, Space ticks one, and Enter on the button votes", async () => {
    await expect(boxes.first()).toBeVisible();
    // why: after the code is sent the page changes in place, so Tab goes on from where the form was.
    const trail = await pressUntil(phone, "Tab", boxes.nth(1));
    expectOrder(trail, [
      { role: "checkbox", name: /.+/ },
      { role: "checkbox", name: /.+/ },
    ]);
    await phone.keyboard.press("Space");
    await expect(boxes.nth(1)).toBeChecked();
    const vote = phone.getByRole("button", { name: "Vote", exact: true });
    expectOrder(await pressUntil(phone, "Tab", vote), [{ role: "button", name: /^Vote$/ }]);
    await phone.keyboard.press("Enter");
    await expect(phone.getByRole("button", { name: "Change my vote" })).toBeVisible();
    await expect(boxes.nth(1)).toBeChecked();
    await expectAccessible(phone);
  });

  await test.step("Shift+Tab goes back up to the pitches; the vote is changed with Space and Enter", async () => {
    const change = phone.getByRole("button", { name: "Change my vote" });
    if (!(await change.evaluate((el) => el === document.activeElement))) await pressUntil(phone, "Tab", change);
    const trail = await pressUntil(phone, "Shift+Tab", boxes.first());
    expectOrder(trail, [{ role: "checkbox", name: /.+/ }]);
    await phone.keyboard.press("Space");
    await expect(boxes.first()).toBeChecked();
    await pressUntil(phone, "Tab", change);
    await phone.keyboard.press("Enter");
    await expect(phone.getByRole("button", { name: "Change my vote" })).toBeEnabled();
    await expect(boxes.first()).toBeChecked();
    await expect(boxes.nth(1)).toBeChecked();
    await expectAccessible(phone);
  });
  await phone.context().close();
});

test("a panellist joins the panel and reaches the bid and the conflict form with the keyboard alone", async ({ browser }) => {
  const { keyboardPanelInvitePath } = seeded();
  const phone = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-GB" })).newPage();
  await phone.goto(keyboardPanelInvitePath);

  await test.step("Tab reaches the one button, Enter joins", async () => {
    const join = phone.getByRole("button", { name: "Use this phone to score" });
    expectOrder(await pressUntil(phone, "Tab", join), [{ role: "link", name: /Skip to main content/ }, { role: "button", name: /Use this phone to score/ }]);
    await phone.keyboard.press("Enter");
    await expect(phone.getByText("Live: updates as they happen.")).toBeVisible();
  });

  await test.step("the bid on stage opens with Enter on its summary", async () => {
    const summary = phone.locator("summary").first();
    await expect(summary).toBeVisible();
    expectOrder(await pressUntil(phone, "Tab", summary), [{ role: "summary", name: /.+/ }]);
    const details = phone.locator("details").first();
    const wasOpen = await details.evaluate((d) => (d as HTMLDetailsElement).open);
    await phone.keyboard.press("Enter");
    await expect(details).toHaveJSProperty("open", !wasOpen);
  });

  await test.step("the conflict form: a radio group moved with the arrows, errors focused after Enter", async () => {
    const declare = phone.getByRole("link", { name: "Declare a conflict of interest" });
    await pressUntil(phone, "Tab", declare);
    await phone.keyboard.press("Enter");
    await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();
    const radios = phone.getByRole("radio");
    await expect(radios.first()).toBeVisible();
    expectOrder(await pressUntil(phone, "Tab", radios.first()), [{ role: "link", name: /.+/ }, { role: "radio", name: /.+/ }]);
    await phone.keyboard.press("Space");
    await expect(radios.first()).toBeChecked();
    if ((await radios.count()) > 1) {
      await phone.keyboard.press("ArrowDown");
      await expect(radios.nth(1)).toBeChecked();
      await expect(radios.nth(1)).toBeFocused();
    }
    const submit = phone.locator("form button[type=submit]").last();
    expectOrder(await pressUntil(phone, "Tab", submit), [{ role: "textbox", name: /.+/ }, { role: "button", name: /.+/ }]);
    await phone.keyboard.press("Enter");
    const summaryBox = phone.locator(".error-summary");
    await expect(summaryBox).toBeFocused();
    // why: the error's link takes the focus to the field that needs fixing.
    expectOrder(await pressUntil(phone, "Tab", summaryBox.getByRole("link").first(), 3), [{ role: "link", name: /.+/ }]);
    await phone.keyboard.press("Enter");
    await expect(phone.getByRole("textbox").first()).toBeFocused();
    await expectAccessible(phone);
  });
  await phone.context().close();
});

test("a group starts a bid with the keyboard alone: the errors, then each field from its error", async ({ page }) => {
  await page.goto("/rounds");

  await test.step("from the list of rounds to the form", async () => {
    const round = page.locator('main a[href="/rounds/spring-2027"]').first();
    await pressUntil(page, "Tab", round);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/rounds\/[^/]+$/);
    const apply = page.locator('main a[href$="/apply"]').first();
    await pressUntil(page, "Tab", apply);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/apply$/);
  });

  await test.step("the first field comes first in main, and an empty form's errors take the focus", async () => {
    // why: the form came in place of the round page, so Shift+Tab walks back up to the skip link.
    const up = await pressUntil(page, "Shift+Tab", page.getByRole("link", { name: "Skip to main content" }), 15);
    expectOrder(up, [{ role: "link", name: /Cymraeg/ }, { role: "link", name: /Pitchday/ }, { role: "link", name: /Skip to main content/ }]);
    await page.keyboard.press("Enter");
    const first = await pressUntil(page, "Tab", page.getByRole("textbox", { name: "Name of your group" }), 3);
    expect(first.at(-1)?.visible).toBe(true);
    const save = page.getByRole("button", { name: "Save and continue" });
    const trail = await pressUntil(page, "Tab", save, 120);
    expect(trail.filter((f) => !f.visible)).toEqual([]);
    await page.keyboard.press("Enter");
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expectAccessible(page);
  });

  await test.step("Enter on an error's link moves the focus to its field, where typing fixes it", async () => {
    const summary = page.locator(".error-summary");
    const link = summary.getByRole("link").first();
    await pressUntil(page, "Tab", link, 3);
    await page.keyboard.press("Enter");
    const field = page.locator(":focus");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const role = await focused(page);
    expect(role?.visible).toBe(true);
  });

  await test.step("a date box shows its focus like every other field, and nothing covers it (WCAG 2.4.7, 2.4.11)", async () => {
    const date = page.locator('input[name="startDate"]');
    const ring = () =>
      date.evaluate((el) => {
        const style = getComputedStyle(el);
        return { outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, shadow: style.boxShadow };
      });
    // 2.4.11: the focused box is on screen and nothing (a sticky bar, a notice) lies over it.
    const uncovered = () =>
      date.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return onTop === el || el.contains(onTop);
      });
    const before = await ring();
    // why: Chromium moves a date box's focus through its day, month and year parts; each is the box.
    await pressUntil(page, "Tab", date, 120);
    const after = await ring();
    expect(after.outline).not.toEqual(before.outline);
    expect(after.outline).toMatch(/^solid /);
    expect(after.shadow).not.toEqual(before.shadow);
    expect(await uncovered()).toBe(true);
    expect((await focused(page))?.visible).toBe(true);
    // the box's other stops (month, year, its calendar button) keep the ring; then the focus leaves it.
    const stops = await pressUntil(page, "Tab", page.locator('input[name="endDate"]'), 8);
    const inside = stops.slice(0, -1);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside).toEqual(inside.map(() => ({ role: "textbox", name: "Start date", visible: true })));
    expect(await ring()).toEqual(before);
  });
});

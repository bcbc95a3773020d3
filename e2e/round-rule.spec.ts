import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// The public round page states the whole decision rule before anyone bids (issue 13).
test("the round page states the whole decision rule in plain words", async ({ page }) => {
  await page.goto("/rounds/spring-2027");
  const rule = page.getByRole("list", { name: "How bids are judged" });
  await expect(rule).toBeVisible();
  await expect(rule.getByRole("listitem")).toHaveText([
    /^Each panellist scores every pitch, from 1 to 5, on 4 criteria: Need \(weight 3\), Difference \(weight 2\), Deliverability \(weight 2\) and Value for money \(weight 1\)\./,
    "Bids are ranked on the panel's scores (70%) and the audience vote (30%).",
    /^The audience votes with the event's join code; each person has \d+ votes?\.$/,
    /^(Panellists' scores are used as given\.|Each panellist's scores are evened out)/,
    /^A pitch needs scores from at least 3 panellists for its result to count; one with fewer is ranked below the rest/,
    /^If two pitches finish level, the one with .+ goes first; if they are still level, the lower bid reference does\.$/,
    "A bid that does not fit in what is left may be offered part of its request, in whole pounds, but no less than 50% of it.",
    "Money goes to bids in ranked order while the pot lasts. No award is less than £200 or more than £5,000.",
  ]);
  await expectAccessible(page);
});

import type { Page } from "@playwright/test";

// The bid form as a group writing in Welsh fills it (e2e/cymraeg-bid.spec.ts, cymraeg-mail.spec.ts).

function isoDaysFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Fills the bid form, its labels in Welsh, with a Welsh repair café's bid asking for `amount`. */
export async function fillBidInWelsh(page: Page, { amount, email }: { amount: string; email: string }) {
  await page.getByLabel("Enw eich grŵp").fill("Caffi Trwsio Thornbury");
  await page.getByLabel(/^Grŵp cyfansoddiadol/).check();
  await page.getByLabel("Ardal neu god post lle bydd y prosiect yn digwydd").fill("BS35 2AA");
  await page.getByLabel("Enw llawn").fill("Siân Gwyn");
  await page.getByLabel("Cyfeiriad e-bost").fill(email);
  await page.getByLabel("Teitl y prosiect").fill("Caffi trwsio misol");
  await page.getByLabel("Crynodeb o’ch prosiect").fill("Byddwn yn trwsio pethau yn lle eu taflu.");
  await page.getByLabel("Y gwahaniaeth y bydd yn ei wneud").fill("Llai o wastraff, a phobl yn dysgu trwsio.");
  await page.getByLabel("Pwy fydd yn elwa").fill("Aelwydydd yn Thornbury");
  await page.getByLabel("Tua faint o bobl fydd yn elwa").fill("300");
  await page.getByLabel("Faint ydych chi’n gofyn amdano?").fill(amount);
  await page.getByLabel("Llinell 1: beth mae ar ei gyfer").fill("Offer");
  await page.getByLabel("Llinell 1: cost mewn punnoedd").fill("1,200");
  await page.getByLabel("Llinell 2: beth mae ar ei gyfer").fill("Cyhoeddusrwydd");
  await page.getByLabel("Llinell 2: cost mewn punnoedd").fill("300");
  await page.getByLabel("Dyddiad dechrau").fill(isoDaysFromNow(14));
  await page.getByLabel("Dyddiad gorffen").fill(isoDaysFromNow(120));
}

import { randomBytes } from "node:crypto";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { deliverOutbox } from "~/coordinators/outbox.server";
import { runReminders } from "~/coordinators/reminders.server";
import { reissueLink } from "~/models/bid.server";
import type { MailSender, OutgoingMail } from "~/services/mail/sender.server";
import { makePaidGrant } from "~/testing/grant-fixtures";

// What the outbox sends a group is in the language its bid was written in: Welsh for a Welsh
// bid, Welsh then English on a bilingual round, English otherwise, through both ways a group's
// email is addressed (the bid's own mail, and the award's groupMail used by the reminder job).

useTestDatabase();
afterAll(() => closeLiveBus());

function recordingSender() {
  const sent: OutgoingMail[] = [];
  const sender: MailSender = { send: async (mail) => void sent.push(mail), close: () => {} };
  return { sent, sender };
}

let grants = 0;

async function grantIn(language: "en" | "cy", bilingual = false) {
  const email = `cy-${randomBytes(4).toString("hex")}@example.test`;
  const grant = await makePaidGrant({ paidOn: "2027-06-01", reportDueMonths: 6, email });
  // why: the award's own emails (decision, offer, payment) were queued before the language was set.
  await sentTo(email);
  await db().bid.update({ where: { id: grant.bid.id }, data: { language, groupName: "Cwmni Bro Ŵyl Dŷ", reference: `PD-2031-${String((grants += 1)).padStart(4, "0")}` } });
  const bid = await db().bid.findUniqueOrThrow({ where: { id: grant.bid.id }, select: { reference: true, roundId: true } });
  await db().round.update({ where: { id: bid.roundId }, data: { bilingual, titleCy: "Cyflwyniadau'r hydref" } });
  return { email, reference: bid.reference, roundId: bid.roundId };
}

async function sentTo(email: string) {
  const { sent, sender } = recordingSender();
  await deliverOutbox(sender, { from: "pitchday@example.test", batch: 100 });
  return sent.filter((mail) => mail.to === email);
}

describe("the outbox, for a group", () => {
  it("sends the report reminder in Welsh for a Welsh bid, ŵ and ŷ intact", async () => {
    const { email, reference } = await grantIn("cy");
    await runReminders(new Date("2027-11-20T09:00:00Z"));
    const [mail, ...more] = await sentTo(email);
    expect(more).toHaveLength(0);
    expect(mail.subject).toBe(`Adroddiad diwedd grant yn ddyledus ar gyfer ${reference}`);
    expect(mail.text).toContain("Mae angen cyflwyno eich adroddiad diwedd grant erbyn 1 Rhagfyr 2027.");
    expect(mail.text).toContain('beth wnaeth Cwmni Bro Ŵyl Dŷ gyda\'r grant o "Cyflwyniadau\'r hydref"');
    expect(mail.text).not.toContain("Your end-of-grant report");
  });

  it("sends Welsh then English in one email when the round is bilingual, whatever the bid's language", async () => {
    const { email, reference } = await grantIn("en", true);
    await runReminders(new Date("2027-11-20T09:00:00Z"));
    const [mail] = await sentTo(email);
    expect(mail.subject).toBe(`Adroddiad diwedd grant yn ddyledus ar gyfer ${reference} / End-of-grant report due for ${reference}`);
    const welsh = mail.text.indexOf("erbyn 1 Rhagfyr 2027");
    expect(welsh).toBeGreaterThan(-1);
    expect(mail.text.indexOf("is due on 1 December 2027")).toBeGreaterThan(welsh);
  });

  it("sends a new private link in the bid's language, and English for an English bid as before", async () => {
    const welsh = await grantIn("cy");
    const english = await grantIn("en");
    const round = await db().round.findUniqueOrThrow({ where: { id: welsh.roundId }, select: { slug: true } });
    const other = await db().round.findUniqueOrThrow({ where: { id: english.roundId }, select: { slug: true } });
    await reissueLink({ slug: round.slug, email: welsh.email, reference: welsh.reference });
    await reissueLink({ slug: other.slug, email: english.email, reference: english.reference });
    const { sent, sender } = recordingSender();
    await deliverOutbox(sender, { from: "pitchday@example.test", batch: 100 });
    const cy = sent.find((mail) => mail.to === welsh.email)!;
    const en = sent.find((mail) => mail.to === english.email)!;
    expect(cy.subject).toBe(`Dolen newydd i'ch cais ${welsh.reference}`);
    expect(cy.text).toContain("Eich dolen breifat:");
    expect(en.subject).toBe(`A new link to your bid ${english.reference}`);
    expect(en.text).toContain("Your private link:");
    expect(en.text).not.toContain("Annwyl");
  });
});

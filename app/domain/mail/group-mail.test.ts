import { mailVoice } from "~/i18n/mail-voice.server";
import { fundedMail, paymentSentMail } from "~/domain/mail/award-messages";
import { submittedMail } from "~/domain/mail/bid-messages";
import { reportReminderMail } from "~/domain/mail/grant-messages";
import type { GroupMailContext } from "~/domain/mail/mail";
import { payeeDetailsMail } from "~/domain/mail/payee-messages";

// A group's emails in the language its bid was written in, and in both (Welsh first) when its
// round is bilingual. English stays word for word what it was.

const context = (language: string, bilingual = false): GroupMailContext => ({
  baseUrl: "https://pitchday.example",
  to: "cwmni@example.org",
  contactName: "Siân",
  reference: "PD-2026-0042",
  groupName: "Cwmni Bro Ŵyl Dŷ",
  roundTitle: "Autumn community pitches",
  roundTitleCy: "Cyflwyniadau cymunedol yr hydref",
  roundSlug: "autumn",
  voice: mailVoice(language, bilingual),
});
const bid = { closesAt: new Date("2026-10-14T16:00:00Z"), timeZone: "Europe/London", token: "tok", amount: "£1,800" };

describe("a group's emails", () => {
  it("are in English for an English bid, as before", () => {
    const mail = submittedMail({ ...context("en"), ...bid });
    expect(mail.subject).toBe("Bid received: PD-2026-0042");
    expect(mail.text).toContain('We have received the bid from Cwmni Bro Ŵyl Dŷ to "Autumn community pitches", asking for £1,800.');
    expect(mail.text).toContain("You can change your bid until the round closes on Wednesday 14 October 2026 at 5pm.");
    expect(mail.text).toContain("https://pitchday.example/bid/tok");
    expect(mail.text).not.toMatch(/Annwyl|cais/);
  });

  it("are in Welsh for a Welsh bid, with the round's Welsh title and a Welsh date", () => {
    const mail = submittedMail({ ...context("cy"), ...bid });
    expect(mail.subject).toBe("Cais wedi dod i law: PD-2026-0042");
    expect(mail.text.startsWith("Annwyl Siân,\n")).toBe(true);
    expect(mail.text).toContain('Mae\'r cais gan Cwmni Bro Ŵyl Dŷ i "Cyflwyniadau cymunedol yr hydref", yn gofyn am £1,800, wedi dod i law.');
    expect(mail.text).toContain("nes i'r cylch gau: 14 Hydref 2026 am 17:00.");
    expect(mail.text).toContain("https://pitchday.example/bid/tok");
    expect(mail.text).not.toContain("We have received");
  });

  it("are in Welsh then English in one email on a bilingual round", () => {
    const mail = fundedMail({ ...context("en", true), amount: "£1,800", requested: "£2,400", partFunded: true, feedback: "Gwych / Great" });
    expect(mail.subject).toBe("Penderfyniad ariannu ar gyfer PD-2026-0042: wedi'i ariannu / Funding decision for PD-2026-0042: funded");
    const welsh = mail.text.indexOf("Llongyfarchiadau: mae'r cyllidwr wedi penderfynu dyfarnu £1,800 o'r £2,400 y gofynnoch chi amdano i Cwmni Bro Ŵyl Dŷ");
    const english = mail.text.indexOf("Congratulations: the funder has decided to award £1,800 of the £2,400 you asked for to Cwmni Bro Ŵyl Dŷ");
    expect(welsh).toBeGreaterThan(-1);
    expect(english).toBeGreaterThan(welsh);
    expect(mail.text.match(/Gwych \/ Great/g)).toHaveLength(2);
  });

  it("write payments, bank details and report reminders in Welsh without an English word left", () => {
    const paid = paymentSentMail({ ...context("cy"), amount: "£900", how: { method: "cheque", number: "100234" } });
    expect(paid.text).toContain("Mae'r cyllidwr wedi talu £900 i Cwmni Bro Ŵyl Dŷ ar gyfer PD-2026-0042: drwy siec (rhif 100234).");
    const payee = payeeDetailsMail({
      ...context("cy"),
      payee: { kind: "BANK", party: "GROUP", name: "Cwmni Bro", account: "08-99-99, account ending 4958", sortCode: "08-99-99", accountEnding: "4958" },
      changed: true,
      approvalWithdrawn: false,
    });
    expect(payee.subject).toBe("Manylion banc wedi newid ar gyfer PD-2026-0042");
    expect(payee.text).toContain("i'r cyfrif Cwmni Bro, cod didoli 08-99-99, rhif cyfrif yn gorffen â 4958");
    const reminder = reportReminderMail({ ...context("cy"), kind: "report_before", due: new Date("2027-03-01T00:00:00Z") });
    expect(reminder.text).toContain("erbyn 1 Mawrth 2027.");
    for (const mail of [paid, payee, reminder]) expect(mail.text).not.toMatch(/\b(the|your|private link|If you)\b/);
  });
});

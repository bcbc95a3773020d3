import { PDFDocument, rgb } from "pdf-lib";
import type { AwardLetter, LetterLang } from "~/domain/award-letter";
import { translate } from "~/i18n/catalogue.server";
import { htmlLang } from "~/i18n/lang";
import { zonedDay } from "~/i18n/zoned-dates";
import { embedPdfFonts } from "~/services/pdf/fonts.server";
import { LetterWriter, MARGIN } from "~/services/pdf/letter-writer.server";
import { A4, drawable, MUTED, wrap } from "~/services/pdf/text.server";

export type { AwardLetter };

// The award letter as a PDF: who offers what to whom, on which conditions, with the references
// a treasurer or an auditor quotes later, in the bid's language (the whole letter in Welsh,
// then in English, on a bilingual round). Words come from the "letter" catalogue; the group's
// own words (its name, project, the funder's conditions) are drawn as given.
//
// Interface:
//   renderAwardLetter(letter: AwardLetter) -> Promise<Uint8Array>   (A4, one or more pages)
//   letterFileName(reference)              -> "award-letter-PD-2026-0001.pdf"

const BRAND = rgb(0.114, 0.31, 0.569);

export function letterFileName(reference: string) {
  return `award-letter-${reference.replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
}

type Say = ((key: string, values?: Record<string, string | number>) => string) & { round: string };

function sayIn(lang: LetterLang, letter: AwardLetter): Say {
  const round = lang === "cy" && letter.roundTitleCy ? letter.roundTitleCy : letter.roundTitle;
  const facts = {
    funder: letter.funderName,
    fund: letter.fundName,
    round,
    group: letter.groupName,
    parent: letter.paidToParent ?? "",
    project: letter.projectTitle || letter.reference,
    reference: letter.reference,
    amount: letter.amount,
    partOf: letter.partOf ?? "",
  };
  return Object.assign((key: string, values?: Record<string, string | number>) => translate(lang, `letter.${key}`, { ...facts, ...values }), { round });
}

function writeSummary(w: LetterWriter, letter: AwardLetter, say: Say, lang: LetterLang) {
  w.text(letter.funderName, { size: 18, bold: true, color: BRAND });
  w.text(`${letter.fundName}: ${say.round}`, { color: MUTED });
  w.rule();
  w.gap(6);
  w.field(say("field.date"), zonedDay(lang, letter.date, letter.timeZone));
  w.field(say("field.reference"), letter.reference);
  w.field(say("field.grantId"), letter.grantId);
  w.field(say("field.to"), letter.groupName);
  if (letter.paidToParent) w.field(say("field.paidTo"), say("paidToValue"));
  w.field(say("field.project"), letter.projectTitle || say("noProject"));
  w.field(say("field.amount"), letter.partOf ? say("amountPartOf") : letter.amount);
  if (letter.cancelled) {
    w.gap(10);
    w.text(say("cancelled"), { bold: true });
  }
}

function writeBody(w: LetterWriter, letter: AwardLetter, say: Say, lang: LetterLang) {
  w.heading(say("heading"));
  w.text([say("offer"), letter.partOf ? say("offerPartOf") : "", letter.paidToParent ? say("offerParent") : ""].filter(Boolean).join(" "));
  w.heading(say("conditionsHeading"));
  w.text(letter.conditions);
  w.heading(say("acceptanceHeading"));
  w.text(letter.acceptance ? say("accepted", { by: letter.acceptance.by, on: zonedDay(lang, letter.acceptance.on, letter.timeZone) }) : say("howToAccept"));
  w.heading(say("paymentHeading"));
  w.text([say(letter.paidToParent ? "payParent" : "payGroup"), say("approval"), say("quote")].join(" "));
  w.gap(11 * 2);
  w.text(say("signOff"));
}

export async function renderAwardLetter(letter: AwardLetter): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc);
  const says = letter.langs.map((lang) => ({ lang, say: sayIn(lang, letter) }));

  doc.setTitle(says.map(({ say }) => say("title")).join(" / "), { showInWindowTitleBar: true });
  doc.setAuthor(drawable(fonts.regular, letter.funderName));
  doc.setSubject(drawable(fonts.regular, says.map(({ say }) => say("heading")).join(" / ")));
  doc.setCreator("Pitchday");
  doc.setProducer("Pitchday (pdf-lib)");
  doc.setLanguage(htmlLang(letter.langs[0]));

  const w = new LetterWriter(doc, fonts, letter.langs[0]);
  says.forEach(({ lang, say }, index) => {
    if (index > 0) w.startLanguage(lang);
    writeSummary(w, letter, say, lang);
    writeBody(w, letter, say, lang);
  });

  const footers = new Map(says.map(({ lang, say }) => [lang, say]));
  w.pages.forEach((page, index) => {
    const note = footers.get(w.pageLangs[index])!("footer", { page: index + 1, pages: w.pages.length });
    const size = 9;
    const line = wrap(drawable(fonts.regular, note), fonts.regular, size, A4.width - 2 * MARGIN)[0];
    page.drawText(line, { x: MARGIN, y: MARGIN - 24, size, font: fonts.regular, color: MUTED });
  });

  // why: a copy backed by a plain ArrayBuffer is what a Response body takes.
  return new Uint8Array(await doc.save());
}

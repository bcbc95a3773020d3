import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { readPdfText } from "~/testing/pdf-text";
import { renderAwardLetter, type AwardLetter } from "./award-letter.server";

// A group that wrote its bid in Welsh gets its award letter in Welsh, with ŵ and ŷ drawn in the
// embedded font (the standard Helvetica dropped them) and read back out of the PDF's text; on a
// bilingual round it gets the whole letter in Welsh, then in English. The font is subset, so
// the letter stays small.

const letter: AwardLetter = {
  langs: ["cy"],
  funderName: "Cyngor Tref Llanymddyfri",
  fundName: "Cronfa Gymunedol Llanymddyfri",
  roundTitle: "Autumn community pitches",
  roundTitleCy: "Cyflwyniadau cymunedol yr hydref",
  groupName: "Cwmni Bro Ŵyl Dŷ",
  paidToParent: null,
  projectTitle: "Gŵyl gerddoriaeth ar lannau'r Tywi: â, ê, î, ô, û, ŵ, ŷ, ï, ë",
  reference: "PD-2026-0042",
  grantId: "360G-llanymddyfri-PD-2026-0042",
  amount: "£1,800",
  partOf: "£2,400",
  conditions: "1. Gwario'r grant ar yr ŵyl.\n2. Anfon adroddiad erbyn 31 Mawrth 2027.",
  date: new Date("2027-02-14T10:00:00Z"),
  timeZone: "Europe/London",
  acceptance: { by: "Siân Llŷr", on: new Date("2027-02-20T12:00:00Z") },
  cancelled: false,
};

const SIZE_LIMIT = 30_000;

describe("the award letter in Welsh", () => {
  it("is written in Welsh, with ŵ and ŷ in the group's own words, and its Welsh dates", async () => {
    const bytes = await renderAwardLetter(letter);
    const pdf = await readPdfText(bytes);
    expect(pdf.title).toBe("Llythyr dyfarnu grant PD-2026-0042");
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(["Dyddiad", "14 Chwefror 2027", "At", "Cwmni Bro Ŵyl Dŷ", "£1,800 (o'r £2,400 y gofynnwyd amdano)"]));
    for (const words of [
      "Cronfa Gymunedol Llanymddyfri: Cyflwyniadau cymunedol yr hydref",
      "Mae'n bleser gan Cyngor Tref Llanymddyfri gynnig grant o £1,800 i Cwmni Bro Ŵyl Dŷ",
      "Gŵyl gerddoriaeth ar lannau'r Tywi: â, ê, î, ô, û, ŵ, ŷ, ï, ë",
      "Amodau'r grant",
      "1. Gwario'r grant ar yr ŵyl.",
      "Derbyniwyd yr amodau ar ran Cwmni Bro Ŵyl Dŷ gan Siân Llŷr ar 20 Chwefror 2027.",
      "Dros ac ar ran Cyngor Tref Llanymddyfri",
      "PD-2026-0042 · Cwmni Bro Ŵyl Dŷ · tudalen 1 o 1",
    ]) {
      expect(pdf.text).toContain(words);
    }
    expect(pdf.text).not.toContain("Conditions of the award");
    expect(pdf.text).not.toContain("?");
  });

  it(`embeds only the glyphs it draws: a Welsh letter is under ${SIZE_LIMIT / 1000} kB`, async () => {
    const bytes = await renderAwardLetter(letter);
    expect(bytes.byteLength).toBeLessThan(SIZE_LIMIT);
    // The two faces are embedded once each (each TTF alone is over 600 kB: the size shows they are subset).
    const doc = await PDFDocument.load(bytes);
    const fontNames = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"))
      .map((descriptor) => descriptor.get(PDFName.of("FontName"))?.toString());
    expect(fontNames.sort()).toEqual([expect.stringMatching(/^\/NotoSans-Bold\b/), expect.stringMatching(/^\/NotoSans-Regular\b/)]);
  });

  it("on a bilingual round, is the whole letter in Welsh first, then in English, each page footed in its language", async () => {
    const pdf = await readPdfText(await renderAwardLetter({ ...letter, langs: ["cy", "en"] }));
    expect(pdf.title).toBe("Llythyr dyfarnu grant PD-2026-0042 / Award letter PD-2026-0042");
    expect(pdf.pageCount).toBe(2);
    expect(pdf.pages[0].join(" ")).toContain("Amodau'r grant");
    expect(pdf.pages[0].join(" ")).toContain("tudalen 1 o 2");
    expect(pdf.pages[1].join(" ")).toContain("Cyngor Tref Llanymddyfri is pleased to offer Cwmni Bro Ŵyl Dŷ an award of £1,800");
    expect(pdf.pages[1].join(" ")).toContain("Autumn community pitches");
    expect(pdf.pages[1].join(" ")).toContain("accepted for Cwmni Bro Ŵyl Dŷ by Siân Llŷr on 20 February 2027");
    expect(pdf.pages[1].join(" ")).toContain("page 2 of 2");
  });
});

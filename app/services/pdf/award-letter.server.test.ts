import { readPdfText } from "~/testing/pdf-text";
import { letterFileName, renderAwardLetter, type AwardLetter } from "./award-letter.server";

// The letter is read back from its bytes as a PDF reader would: it must load, and every fact
// a treasurer quotes must be on it.

const letter: AwardLetter = {
  langs: ["en"],
  funderName: "Thornbury Town Council",
  fundName: "Thornbury Community Chest",
  roundTitle: "Autumn 2026 community pitches",
  roundTitleCy: "",
  groupName: "Thornbury Allotment Society",
  paidToParent: null,
  projectTitle: "A polytunnel for the community plot",
  reference: "PD-2026-0001",
  grantId: "360G-thornburytc-PD-2026-0001",
  amount: "£2,450",
  partOf: null,
  conditions: "1. Spend it on the polytunnel.\n2. Report back by 31 March 2027 with photos.",
  date: new Date("2027-05-14T09:00:00Z"),
  timeZone: "Europe/London",
  acceptance: null,
  cancelled: false,
};

describe("the award letter", () => {
  it("is a PDF that names the funder, the group, the project, the amount, the conditions, the reference and the date", async () => {
    const bytes = await renderAwardLetter(letter);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await readPdfText(bytes);
    expect(pdf.title).toBe("Award letter PD-2026-0001");
    expect(pdf.author).toBe("Thornbury Town Council");
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(["Thornbury Town Council", "14 May 2027", "PD-2026-0001", "£2,450"]));
    for (const fact of [
      "Thornbury Allotment Society",
      "A polytunnel for the community plot",
      "360G-thornburytc-PD-2026-0001",
      "1. Spend it on the polytunnel.",
      "2. Report back by 31 March 2027 with photos.",
      "Thornbury Town Council is pleased to offer Thornbury Allotment Society an award of £2,450 from Thornbury Community Chest",
      "For and on behalf of Thornbury Town Council",
    ]) {
      expect(pdf.text).toContain(fact);
    }
    expect(pdf.text).toContain("accepts these conditions through the group's private link");
  });

  it("records who accepted, and says so when part of the request was awarded", async () => {
    const pdf = await readPdfText(
      await renderAwardLetter({ ...letter, amount: "£1,500", partOf: "£2,450", acceptance: { by: "Margaret Hale", on: new Date("2027-05-20T15:00:00Z") } }),
    );
    expect(pdf.text).toContain("£1,500 (of the £2,450 asked for)");
    expect(pdf.text).toContain("This is part of the £2,450 the group asked for.");
    expect(pdf.text).toContain("accepted for Thornbury Allotment Society by Margaret Hale on 20 May 2027");
    expect(pdf.text).not.toContain("private link");
  });

  it("names the parent organisation as the one paid, on the group's behalf, when the group chose it as payee", async () => {
    const own = await readPdfText(await renderAwardLetter(letter));
    expect(own.text).toContain("The award is paid to the group's own account");
    expect(own.text).not.toContain("Paid to");

    const pdf = await readPdfText(await renderAwardLetter({ ...letter, paidToParent: "Thornbury Community Action" }));
    expect(pdf.pages[0]).toContain("Paid to");
    expect(pdf.text).toContain("Paid to Thornbury Community Action, on behalf of Thornbury Allotment Society");
    expect(pdf.text).toContain("the award is paid to Thornbury Community Action, its parent organisation, which receives it on behalf of Thornbury Allotment Society");
    expect(pdf.text).toContain("The award is paid to Thornbury Community Action, on behalf of Thornbury Allotment Society, by cheque or bank transfer");
    expect(pdf.text).not.toContain("the group's own account");
    // The award is still the group's: the offer names it.
    expect(pdf.text).toContain("is pleased to offer Thornbury Allotment Society an award of £2,450");
  });

  it("marks a cancelled award on its face", async () => {
    const pdf = await readPdfText(await renderAwardLetter({ ...letter, cancelled: true }));
    expect(pdf.text).toContain("This award has been cancelled.");
  });

  it("runs long conditions onto further pages, numbered, without losing a word", async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Condition ${i + 1}: keep receipts for every purchase made with the award.`).join("\n");
    const pdf = await readPdfText(await renderAwardLetter({ ...letter, conditions: long }));
    expect(pdf.pageCount).toBeGreaterThan(2);
    expect(pdf.text).toContain("Condition 1: keep receipts");
    expect(pdf.text).toContain("Condition 120: keep receipts for every purchase made with the award.");
    expect(pdf.pages.at(-1)).toContain(`PD-2026-0001 · Thornbury Allotment Society · page ${pdf.pageCount} of ${pdf.pageCount}`);
  });

  it("draws every accent someone typed in the embedded font, and '?' only for what no font here has", async () => {
    const pdf = await readPdfText(await renderAwardLetter({ ...letter, groupName: "Café Ŵelsh Club 🌱", projectTitle: "Ąžuolas" }));
    expect(pdf.text).toContain("Café Ŵelsh Club ?");
    expect(pdf.text).toContain("Ąžuolas");
  });

  it("names the download after the reference", () => {
    expect(letterFileName("PD-2026-0001")).toBe("award-letter-PD-2026-0001.pdf");
    expect(letterFileName('PD"/../x')).toBe("award-letter-PDx.pdf");
  });
});

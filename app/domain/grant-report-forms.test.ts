import { translate } from "~/i18n/catalogue.server";
import { parseForm } from "~/utils/forms";
import { reportSchema } from "./grant-report-forms";
import { REPORT_ERROR_VALUES, spentField } from "./grant-report-limits";

describe("the report form's errors, in Welsh and English", () => {
  it("name the budget line and the limits in each language", () => {
    const lines = [{ id: "l1", item: "Paent a brwshys" }];
    const sent = parseForm(reportSchema(lines, { submit: true }), { whatWasDone: "Short", participants: "lots", contactEmail: "nope" });
    expect(sent.ok).toBe(false);
    if (sent.ok) return;
    const values = { ...REPORT_ERROR_VALUES, item: lines[0].item };
    const said = (lang: "cy" | "en") => Object.fromEntries(Object.entries(sent.errors).map(([name, key]) => [name, translate(lang, key, values)]));
    expect(said("cy")).toEqual({
      whatWasDone: "Dywedwch wrth y cyllidwr beth a wnaed gyda’r grant, mewn o leiaf 50 nod",
      participants: "Rhowch faint o bobl a gymerodd ran, fel rhif cyfan, er enghraifft 40",
      [spentField("l1")]: "Rhowch faint a wariwyd ar “Paent a brwshys”, neu 0 os na wariwyd dim",
      contactName: "Rhowch enw rhywun y gall y cyllidwr ei holi am yr adroddiad",
      contactEmail: "Rhowch gyfeiriad e-bost fel enw@example.org",
    });
    expect(said("en")[spentField("l1")]).toBe("Enter what was spent on “Paent a brwshys”, or 0 if nothing");
    expect(translate("cy", "bid.report.error.whatTooLong", values)).toBe("Cadwch hyn i 5,000 nod neu lai");
  });
});

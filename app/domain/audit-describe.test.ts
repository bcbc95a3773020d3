import {
  ACTION_DESCRIPTIONS,
  actionGroups,
  describeAction,
  describeActor,
  describePayload,
  formatAuditTime,
  humanise,
  subjectLink,
} from "~/domain/audit-describe";
import { AUDIT_PAYLOADS } from "~/domain/audit-events";
import { formatMoney } from "~/domain/money";
import { can, type Permission, type Role } from "~/domain/permissions";

const declared = Object.keys(AUDIT_PAYLOADS);
const format = { money: (pence: number) => formatMoney(pence, "GBP"), timeZone: "Europe/London" };

describe("describeAction", () => {
  it("has a plain-English description for every declared audit action", () => {
    const missing = declared.filter((action) => !ACTION_DESCRIPTIONS[action as keyof typeof ACTION_DESCRIPTIONS]);
    expect(missing).toEqual([]);
  });

  it("describes nothing that is not a declared action", () => {
    expect(Object.keys(ACTION_DESCRIPTIONS).filter((action) => !declared.includes(action))).toEqual([]);
  });

  it("gives each action its own words, so two actions never read the same in the log", () => {
    const texts = Object.values(ACTION_DESCRIPTIONS);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("reads like a sentence, not a code", () => {
    for (const text of Object.values(ACTION_DESCRIPTIONS)) {
      expect(text).toMatch(/^[A-Z]/);
      expect(text).not.toMatch(/[._]/);
    }
    expect(describeAction("bid.declined")).toBe("Bid not shortlisted");
    expect(describeAction("personal_data.erased")).toBe("Group's contact details erased");
  });

  it("still shows an action it does not know, by its name", () => {
    expect(describeAction("widget.frobbed")).toBe("Other action (widget.frobbed)");
  });
});

describe("actionGroups", () => {
  it("puts every declared action in a named area, none in Other", () => {
    const groups = actionGroups(declared);
    expect(groups.flatMap((g) => g.options.map((o) => o.value)).sort()).toEqual([...declared].sort());
    expect(groups.map((g) => g.label)).not.toContain("Other");
    expect(groups[0]).toMatchObject({ label: "Staff accounts" });
  });

  it("keeps an unknown action findable under Other", () => {
    expect(actionGroups(["bid.submitted", "widget.frobbed"])).toEqual([
      { label: "Bids", options: [{ value: "bid.submitted", label: "Bid submitted" }] },
      { label: "Other", options: [{ value: "widget.frobbed", label: "Other action (widget.frobbed)" }] },
    ]);
  });
});

describe("describeActor", () => {
  it("names staff, groups by reference, and the others by their part", () => {
    expect(describeActor({ type: "user", name: "Olu Organiser" })).toBe("Olu Organiser");
    expect(describeActor({ type: "user", name: null })).toBe("A staff member whose account no longer exists");
    expect(describeActor({ type: "group", name: "PD-2026-0042" })).toBe("The group PD-2026-0042");
    expect(describeActor({ type: "panellist" })).toBe("A panellist");
    expect(describeActor({ type: "audience" })).toBe("An audience member");
    expect(describeActor({ type: "system" })).toBe("Pitchday (automatic)");
  });
});

describe("subjectLink", () => {
  const as = (role: Role) => (permission: Permission) => can({ id: "x", roles: [role] }, permission);

  it("links each kind of subject to the page that shows it", () => {
    const organiser = as("ORGANISER");
    expect(subjectLink("bid", "b1", organiser)).toBe("/staff/bids/b1");
    expect(subjectLink("round", "r1", organiser)).toBe("/staff/rounds/r1");
    expect(subjectLink("fund", "f1", organiser)).toBe("/staff/funds/f1");
    expect(subjectLink("event", "e1", organiser)).toBe("/staff/events/e1");
    expect(subjectLink("user", "u1", as("ADMIN"))).toBe("/admin/users/u1");
  });

  it("does not offer a link the reader would be refused", () => {
    const auditor = as("AUDITOR");
    expect(subjectLink("bid", "b1", auditor)).toBe("/staff/bids/b1");
    expect(subjectLink("user", "u1", auditor)).toBeNull();
    // An auditor reads an event through its decision report instead of the organiser's page.
    expect(subjectLink("event", "e1", auditor)).toBe("/audit/events/e1");
    expect(subjectLink("bid", "b1", as("ADMIN"))).toBeNull();
  });

  it("has no link for things without a page of their own", () => {
    expect(subjectLink("payment", "p1", as("ADMIN"))).toBeNull();
    expect(subjectLink("mystery", "m1", as("ADMIN"))).toBeNull();
  });
});

describe("describePayload", () => {
  it("labels fields, formats money in pounds and times in London, and keeps the order written", () => {
    const rows = describePayload(
      "round.created",
      { fundId: "f1", title: "Spring 2027", slug: "spring-2027", opensAt: "2027-03-01T09:00:00.000Z", closesAt: "2027-07-01T16:00:00.000Z" },
      format,
    );
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ["Fund", "f1"],
      ["Title", "Spring 2027"],
      ["Web address name", "spring-2027"],
      ["Opens", "1 March 2027 at 09:00"],
      // British Summer Time: 16:00 UTC is 17:00 in London.
      ["Closes", "1 July 2027 at 17:00"],
    ]);
    expect(rows[0].link).toEqual({ type: "fund", id: "f1" });
  });

  it("names a round's words in each language, the Welsh ones marked as Welsh", () => {
    const rows = describePayload(
      "round.created",
      { title: "Green spaces", description: "Small grants.", bilingual: true, titleCy: "Mannau gwyrdd", descriptionCy: "Grantiau bach.", eligibilityCy: "" },
      format,
    );
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ["Title", "Green spaces"],
      ["Description", "Small grants."],
      ["Bilingual round (Welsh and English)", "Yes"],
      ["Name of the round in Welsh", "Mannau gwyrdd"],
      ["Description in Welsh", "Grantiau bach."],
      ["Who can apply, in Welsh", "(empty)"],
    ]);
    expect(rows.map((r) => r.parts.filter((p) => p.lang === "cy").map((p) => p.text))).toEqual([[], [], [], ["Mannau gwyrdd"], ["Grantiau bach."], []]);
  });

  it("marks the Welsh words inside a round's changes", () => {
    const [row] = describePayload("round.updated", { changes: { bilingual: true, titleCy: "Mannau gwyrdd", quorum: 4 } }, format);
    expect(row.value).toBe("Bilingual round (Welsh and English): Yes, Name of the round in Welsh: Mannau gwyrdd, Quorum: 4");
    expect(row.parts).toEqual([
      { text: "Bilingual round (Welsh and English): Yes" },
      { text: ", Name of the round in Welsh: " },
      { text: "Mannau gwyrdd", lang: "cy" },
      { text: ", Quorum: 4" },
    ]);
  });

  it("shows amounts, yes/no, empty text and missing values in words", () => {
    const rows = describePayload(
      "round.bids_exported",
      { count: 3, filter: "all", searched: false, contacts: true, note: "", extra: null, amountPence: 245_050 },
      format,
    );
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual({
      count: "3",
      filter: "all",
      searched: "No",
      contacts: "Yes",
      note: "(empty)",
      extra: "None",
      amountPence: "£2,450.50",
    });
  });

  it("shows nested changes and lists of objects field by field", () => {
    const rows = describePayload("score.submitted", { items: [{ criterionId: "c1", value: 4 }, { criterionId: "c2", value: 2 }], changes: { potPence: 100_000 } }, format);
    expect(rows[0].value).toBe("Criterion: c1, Score: 4; Criterion: c2, Score: 2");
    expect(rows[1].value).toBe("Pot: £1,000");
  });

  it("puts the erasure reason and the checkpoint's origin in words", () => {
    const erased = describePayload("personal_data.erased", { pseudonymId: "p1", reason: "retention", retentionMonths: 12, mailRedacted: 2 }, format);
    expect(erased.map((r) => r.value)).toEqual(["p1", "The retention period ended", "12", "2"]);
    const checkpoint = describePayload("audit.checkpoint_created", { checkpointId: "c1", via: "cli" }, format);
    expect(checkpoint.map((r) => `${r.label}: ${r.value}`)).toEqual([
      "Checkpoint: c1",
      "How: On the server's command line",
    ]);
    const automatic = describePayload("audit.checkpoint_created", { checkpointId: "c2", via: "auto", triggers: ["decisions_confirmed", "payment_made"], auditorsMailed: 2 }, format);
    expect(automatic.map((r) => `${r.label}: ${r.value}`)).toEqual([
      "Checkpoint: c2",
      "How: By Pitchday itself, and emailed to the auditors",
      "Taken after: Decisions confirmed; Payment made",
      "Auditors emailed: 2",
    ]);
  });

  it("shows nothing for a payload that is not an object", () => {
    expect(describePayload("bid.withdrawn", null, format)).toEqual([]);
    expect(describePayload("bid.withdrawn", [1], format)).toEqual([]);
  });

  it("turns unknown field names into words", () => {
    expect(humanise("pausedRemainingMs")).toBe("Paused remaining ms");
    expect(humanise("leave_unheard")).toBe("Leave unheard");
  });
});

describe("formatAuditTime", () => {
  it("shows the time to the second in London, summer and winter", () => {
    expect(formatAuditTime(new Date("2027-07-01T08:30:05Z"), "Europe/London")).toBe("1 July 2027, 09:30:05");
    expect(formatAuditTime(new Date("2027-12-01T08:30:05Z"), "Europe/London")).toBe("1 December 2027, 08:30:05");
  });
});

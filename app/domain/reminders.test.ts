import { dueDraftReminder, dueReportReminder } from "~/domain/reminders";

const dueDay = new Date("2028-01-15T00:00:00Z");
const grant = { awardId: "award-1", dueDay, reportStatus: null, cancelled: false };
const at = (iso: string) => new Date(iso);

describe("report reminders", () => {
  it.each([
    ["2027-12-31T23:59:59Z", null],
    ["2028-01-01T00:00:00Z", "report_before"],
    ["2028-01-14T23:59:59Z", "report_before"],
    ["2028-01-15T00:00:00Z", "report_due"],
    ["2028-01-21T23:59:59Z", "report_due"],
    ["2028-01-22T00:00:00Z", "report_after"],
    ["2028-03-14T23:59:59Z", "report_after"],
    ["2028-03-15T00:00:00Z", null],
  ])("at %s the reminder due is %s", (now, kind) => {
    expect(dueReportReminder(grant, at(now))?.kind ?? null).toBe(kind);
  });

  it("is keyed by the grant and its due day, so a moved due date has reminders of its own", () => {
    expect(dueReportReminder(grant, at("2028-01-15T09:00:00Z"))).toEqual({ kind: "report_due", subjectId: "award-1", dueSlot: "2028-01-15" });
  });

  it("goes only while a report is owed", () => {
    const now = at("2028-01-15T09:00:00Z");
    expect(dueReportReminder({ ...grant, reportStatus: "DRAFT" }, now)?.kind).toBe("report_due");
    expect(dueReportReminder({ ...grant, reportStatus: "MORE_REQUESTED" }, now)?.kind).toBe("report_due");
    expect(dueReportReminder({ ...grant, reportStatus: "SUBMITTED" }, now)).toBeNull();
    expect(dueReportReminder({ ...grant, reportStatus: "ACCEPTED" }, now)).toBeNull();
    expect(dueReportReminder({ ...grant, cancelled: true }, now)).toBeNull();
    expect(dueReportReminder({ ...grant, dueDay: null }, now)).toBeNull();
  });

  it("follows the rules it is given", () => {
    const rules = { reportBeforeDays: 2, reportAfterDays: 1, reportStopAfterDays: 3, draftBeforeCloseDays: 1 };
    expect(dueReportReminder(grant, at("2028-01-12T12:00:00Z"), rules)).toBeNull();
    expect(dueReportReminder(grant, at("2028-01-13T12:00:00Z"), rules)?.kind).toBe("report_before");
    expect(dueReportReminder(grant, at("2028-01-16T12:00:00Z"), rules)?.kind).toBe("report_after");
    expect(dueReportReminder(grant, at("2028-01-18T00:00:00Z"), rules)).toBeNull();
  });
});

describe("draft reminders before a round closes", () => {
  const closesAt = at("2027-05-10T12:00:00Z");
  it("go in the three days before the deadline, to drafts only", () => {
    const draft = { bidId: "bid-1", status: "DRAFT", closesAt };
    expect(dueDraftReminder(draft, at("2027-05-07T11:59:59Z"))).toBeNull();
    expect(dueDraftReminder(draft, at("2027-05-07T12:00:00Z"))).toEqual({ kind: "draft_before_close", subjectId: "bid-1", dueSlot: "2027-05-10T12:00:00.000Z" });
    expect(dueDraftReminder(draft, at("2027-05-10T11:59:59Z"))?.kind).toBe("draft_before_close");
    expect(dueDraftReminder(draft, at("2027-05-10T12:00:00Z"))).toBeNull();
    expect(dueDraftReminder({ ...draft, status: "SUBMITTED" }, at("2027-05-09T00:00:00Z"))).toBeNull();
  });
});

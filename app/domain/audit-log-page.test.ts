import { AUDIT_PAGE_SIZE } from "~/domain/audit-filter";
import { can, type Permission } from "~/domain/permissions";
import { auditLogPageView, type AuditEntryInput, type AuditLogInput } from "./audit-log-page";

const HASH = "ab".repeat(32);
const timeZone = "Europe/London";
const now = new Date("2027-05-14T17:30:05Z");
const auditor = (permission: Permission) => can({ id: "auditor-1", roles: ["AUDITOR"] }, permission);

function entry(over: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    seq: 7,
    at: new Date("2027-05-14T18:00:00Z"),
    hash: HASH,
    action: "award.cancelled",
    payload: { bidId: "bid-1", amountPence: 150000, from: "OFFERED", reason: "Group dissolved" },
    actor: { type: "user", id: "user-1", name: "Ann Funder" },
    subject: { type: "event", id: "event-1", name: "Spring pitches" },
    ...over,
  };
}

function input(over: Partial<AuditLogInput> = {}): AuditLogInput {
  return {
    state: { chain: { ok: true, count: 7, head: { seq: 7, hash: HASH } }, latest: null },
    options: { actions: ["award.cancelled"], users: [{ id: "user-1", name: "Ann Funder" }], events: [] },
    currency: "GBP",
    page: { entries: [entry()], total: 1, page: 1, pageCount: 1 },
    ...over,
  };
}

describe("the audit log page", () => {
  it("says when the chain was checked, in UK time, and shows the head by its short hash", () => {
    const view = auditLogPageView(input(), { allowed: auditor, now, timeZone });
    expect(view.checkedAt).toBe("14 May 2027, 18:30:05");
    expect(view.chain).toEqual({ ok: true, count: 7, head: { seq: 7, hash: expect.stringMatching(/^abab/) } });
    expect(view.chain.ok && view.chain.head?.hash.length).toBeLessThan(HASH.length);
    expect(view.latest).toBeNull();
  });

  it("names where a broken chain breaks", () => {
    const broken = input({ state: { chain: { ok: false, count: 7, firstBadSeq: 4, index: 3, reason: "hash does not match" }, latest: null } });
    expect(auditLogPageView(broken, { allowed: auditor, now, timeZone }).chain).toEqual({ ok: false, firstBadSeq: 4, reason: "hash does not match" });
  });

  it("puts an entry in words, linking only to pages the reader may open", () => {
    const [shown] = auditLogPageView(input(), { allowed: auditor, now, timeZone }).entries;
    expect(shown).toMatchObject({ seq: 7, who: "Ann Funder", whoFilter: "user:user-1", action: "award.cancelled" });
    // An auditor reads the event's decision report, not the organiser's setup page.
    expect(shown.subject).toEqual({ kind: "Pitch event", name: "Spring pitches", href: "/audit/events/event-1" });
    const amount = shown.payload.find((row) => row.key === "amountPence");
    expect(amount?.value).toBe("£1,500");
    expect(shown.payload.find((row) => row.key === "bidId")?.href).toBe("/staff/bids/bid-1");
    const [unlinked] = auditLogPageView(input(), { allowed: () => false, now, timeZone }).entries;
    expect(unlinked.subject.href).toBeNull();
    expect(unlinked.payload.find((row) => row.key === "bidId")?.href).toBeNull();
  });

  it("shows amounts in pence when the funds use different currencies, and offers no 'everything they did' for the system", () => {
    const view = auditLogPageView(input({ currency: null, page: { entries: [entry({ actor: { type: "system", id: null } })], total: 1, page: 1, pageCount: 1 } }), {
      allowed: auditor,
      now,
      timeZone,
    });
    expect(view.entries[0].payload.find((row) => row.key === "amountPence")?.value).toBe("150000 pence");
    expect(view.entries[0].whoFilter).toBeNull();
  });

  it("counts which entries of how many this page shows", () => {
    const entries = [entry({ seq: 60 }), entry({ seq: 59 })];
    const view = auditLogPageView(input({ page: { entries, total: AUDIT_PAGE_SIZE + 2, page: 2, pageCount: 2 } }), { allowed: auditor, now, timeZone });
    expect(view.page).toEqual({ number: 2, count: 2, total: AUDIT_PAGE_SIZE + 2, first: AUDIT_PAGE_SIZE + 1, last: AUDIT_PAGE_SIZE + 2 });
    const empty = auditLogPageView(input({ page: { entries: [], total: 0, page: 1, pageCount: 1 } }), { allowed: auditor, now, timeZone });
    expect(empty.page).toMatchObject({ first: 0, last: 0 });
    expect(auditLogPageView(input({ page: null }), { allowed: auditor, now, timeZone })).toMatchObject({ page: null, entries: [] });
  });

  it("lists events with their round and start, and staff as actor filters", () => {
    const options = {
      actions: ["award.cancelled"],
      users: [{ id: "user-1", name: "Ann Funder" }],
      events: [{ id: "event-1", title: "Spring pitches", startsAt: new Date("2027-05-14T17:00:00Z"), round: { title: "Spring 2027" } }],
    };
    const view = auditLogPageView(input({ options }), { allowed: auditor, now, timeZone });
    expect(view.options.staff).toEqual([{ value: "user:user-1", label: "Ann Funder" }]);
    expect(view.options.events[0].value).toBe("event-1");
    expect(view.options.events[0].label).toMatch(/^Spring pitches \(Spring 2027, .*18:00/);
  });
});

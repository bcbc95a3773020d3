import { randomBytes } from "node:crypto";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { runReminders, startReminderJob } from "~/coordinators/reminders.server";
import { makePaidGrant } from "~/testing/grant-fixtures";

useTestDatabase();
afterAll(() => closeLiveBus());

const mailTo = (to: string, subject: string) => db().mailMessage.count({ where: { to, subject: { contains: subject } } });

describe("the reminder job", () => {
  it("sends a report reminder once however often and however concurrently it runs, and a new job instance sends nothing again", async () => {
    const email = `grant-${randomBytes(4).toString("hex")}@example.test`;
    await makePaidGrant({ paidOn: "2027-06-01", reportDueMonths: 6, email });
    const beforeDue = new Date("2027-11-20T09:00:00Z"); // due 1 Dec 2027: 11 days to go

    await runReminders(beforeDue);
    await runReminders(beforeDue);
    await Promise.all([runReminders(beforeDue), runReminders(beforeDue), runReminders(beforeDue)]);
    expect(await mailTo(email, "End-of-grant report due")).toBe(1);
    const mail = await db().mailMessage.findFirstOrThrow({ where: { to: email, subject: { contains: "End-of-grant" } } });
    expect(mail.text).toContain("is due on 1 December 2027");

    const restarted = startReminderJob({ intervalMs: 3_600_000, now: () => beforeDue });
    await restarted.firstRun;
    restarted.stop();
    expect(await mailTo(email, "End-of-grant report")).toBe(1);

    // On the day, and after it, each reminder goes once more.
    await Promise.all([runReminders(new Date("2027-12-01T08:00:00Z")), runReminders(new Date("2027-12-01T08:00:00Z"))]);
    await Promise.all([runReminders(new Date("2027-12-09T08:00:00Z")), runReminders(new Date("2027-12-09T08:00:00Z"))]);
    expect(await mailTo(email, "End-of-grant report due")).toBe(2);
    expect(await mailTo(email, "End-of-grant report overdue")).toBe(1);
    expect(await db().reminderSent.count({ where: { dueSlot: "2027-12-01" } })).toBeGreaterThanOrEqual(3);
  });

  it("sends nothing once the report is in", async () => {
    const email = `sent-${randomBytes(4).toString("hex")}@example.test`;
    const { awardId } = await makePaidGrant({ paidOn: "2027-06-01", reportDueMonths: 6, email });
    await db().grantReport.create({ data: { awardId, status: "SUBMITTED", submittedAt: new Date("2027-11-01T00:00:00Z") } });
    await runReminders(new Date("2027-12-01T08:00:00Z"));
    expect(await mailTo(email, "End-of-grant report")).toBe(0);
  });

  it("reminds a group with an unsent draft in the days before the round closes, once", async () => {
    const email = `draft-${randomBytes(4).toString("hex")}@example.test`;
    const { round } = await makePaidGrant({ email });
    const bid = await db().bid.create({
      data: { roundId: round.id, reference: `PD-D${randomBytes(3).toString("hex")}`, editTokenHash: randomBytes(32).toString("hex"), groupName: "Draft Group", contact: { create: { name: "Dee", email } } },
    });
    // The fixture's round closes 1 March 2027 at 17:00 UTC.
    await runReminders(new Date("2027-02-25T12:00:00Z"));
    expect(await mailTo(email, "has not been sent yet")).toBe(0);
    await Promise.all([runReminders(new Date("2027-02-27T12:00:00Z")), runReminders(new Date("2027-02-28T12:00:00Z"))]);
    expect(await mailTo(email, "has not been sent yet")).toBe(1);
    await db().bid.update({ where: { id: bid.id }, data: { status: "SUBMITTED" } });
  });
});

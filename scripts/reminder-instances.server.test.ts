import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { database, db } from "~/db.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { useTestDatabase } from "~/testing/database";
import { makePaidGrant } from "~/testing/grant-fixtures";
import { whileTransactionHolds } from "~/testing/hold-transaction";
import { ROOT } from "./bench/processes";

// Issue 13 §3: reminders are "sent by a scheduled job that runs inside the app on either engine
// and survives restarts without sending twice". Each instance here is a process of its own
// (scripts/lib/reminder-instance.ts) with its own connections to this file's database, starting
// the job as the app's start-up does. On PostgreSQL the two first instances are held at the
// reminders' key table until both wait there, so they meet on the very same reminder; PGlite
// serves one statement at a time, so there they simply start together on its socket.

useTestDatabase();
afterAll(() => closeLiveBus());

const NOW = "2027-11-20T09:00:00Z";
const LATER = "2027-12-02T09:00:00Z";
const tag = () => randomBytes(4).toString("hex");

interface Instance {
  /** Resolves once the process has loaded the app and opened its connections. */
  ready: Promise<void>;
  /** Tells it to start the job. */
  go(): void;
  /** What its first run sent. */
  sent: Promise<number>;
}

/** One instance of the job, as a process of its own, on this file's database. */
function startInstance(now: string): Instance {
  const { NODE_OPTIONS: _vm, ...parent } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/lib/reminder-instance.ts"), now], {
    cwd: ROOT,
    env: { ...parent, DATABASE_URL: database().url },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let output = "";
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
    if (/^ready$/m.test(stdout)) markReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // why: the word to start may reach a process that has already died; its exit tells the test.
  child.stdin.on("error", () => undefined);
  const sent = new Promise<number>((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`The reminder instance failed (exit ${code}):\n${output}`));
      resolve((JSON.parse(stdout.trim().split("\n").pop() ?? "") as { sent: number }).sent);
    });
  });
  // why: a process that dies while loading must fail the test, not leave it waiting for "ready".
  sent.catch(() => markReady());
  return { ready, go: () => child.stdin.end("go\n"), sent };
}

async function instancesAtOnce(now: string, hold: boolean): Promise<number[]> {
  const instances = [startInstance(now), startInstance(now)];
  await Promise.all(instances.map((i) => i.ready));
  const race = () => {
    for (const i of instances) i.go();
    return Promise.all(instances.map((i) => i.sent));
  };
  if (!hold || database().engine === "pglite") return race();
  // why SHARE ROW EXCLUSIVE: it blocks the key row's INSERT (ROW EXCLUSIVE) but not the reads
  // before it, so both instances find the same reminders due and then wait at the same insert.
  return whileTransactionHolds((tx) => tx.$executeRawUnsafe(`LOCK TABLE "ReminderSent" IN SHARE ROW EXCLUSIVE MODE`), 2, race);
}

const remindersTo = (to: string) =>
  db().mailMessage.findMany({
    where: { to, OR: [{ subject: { startsWith: "End-of-grant report" } }, { subject: { contains: "has not been sent yet" } }] },
    select: { subject: true },
    orderBy: { createdAt: "asc" },
  });

const keys = async () =>
  (await db().reminderSent.findMany({ select: { kind: true, subjectId: true, dueSlot: true } }))
    .map((k) => `${k.kind} ${k.subjectId} ${k.dueSlot}`)
    .sort();

describe("the reminder job in several app processes", () => {
  it("sends each reminder once when two instances run at the same moment, and nothing again after a restart", async () => {
    // On 20 November 2027: one report due in 11 days, one due 2 days ago, one 50 days overdue,
    // and a draft whose round closes in two days.
    const before = await makePaidGrant({ paidOn: "2027-06-01", reportDueMonths: 6, email: `before-${tag()}@example.test` });
    const dueNow = await makePaidGrant({ paidOn: "2027-05-18", reportDueMonths: 6, email: `due-${tag()}@example.test` });
    const overdue = await makePaidGrant({ paidOn: "2027-04-01", reportDueMonths: 6, email: `overdue-${tag()}@example.test` });
    const draftEmail = `draft-${tag()}@example.test`;
    await db().round.update({ where: { id: overdue.round.id }, data: { closesAt: new Date("2027-11-22T17:00:00Z") } });
    const draft = await db().bid.create({
      data: {
        roundId: overdue.round.id,
        reference: `PD-D${tag()}`,
        editTokenHash: randomBytes(32).toString("hex"),
        groupName: "Draft Group",
        contact: { create: { name: "Dee", email: draftEmail } },
      },
    });
    const emailOf = async (bidId: string) => (await db().bidContact.findUniqueOrThrow({ where: { bidId } })).email;
    const [beforeTo, dueTo, overdueTo] = await Promise.all([before, dueNow, overdue].map((g) => emailOf(g.bid.id)));

    const sent = await instancesAtOnce(NOW, true);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(4);
    const expected = [
      `draft_before_close ${draft.id} 2027-11-22T17:00:00.000Z`,
      `report_after ${overdue.awardId} 2027-10-01`,
      `report_before ${before.awardId} 2027-12-01`,
      `report_due ${dueNow.awardId} 2027-11-18`,
    ].sort();
    expect(await keys()).toEqual(expected);
    expect(await remindersTo(beforeTo)).toEqual([{ subject: `End-of-grant report due for ${before.bid.reference}` }]);
    expect(await remindersTo(dueTo)).toEqual([{ subject: `End-of-grant report due for ${dueNow.bid.reference}` }]);
    expect(await remindersTo(overdueTo)).toEqual([{ subject: `End-of-grant report overdue for ${overdue.bid.reference}` }]);
    expect(await remindersTo(draftEmail)).toEqual([{ subject: `Your bid ${draft.reference} has not been sent yet` }]);

    // Both instances restart on the same day: nothing is due that has not gone.
    expect(await instancesAtOnce(NOW, false)).toEqual([0, 0]);
    expect(await keys()).toEqual(expected);
    for (const to of [beforeTo, dueTo, overdueTo, draftEmail]) expect(await remindersTo(to)).toHaveLength(1);

    // On 2 December the first report is due today and the second a week overdue: those two go,
    // once each, from whichever instance; the overdue one already told is not told again.
    const later = await instancesAtOnce(LATER, true);
    expect(later.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await keys()).toEqual([...expected, `report_due ${before.awardId} 2027-12-01`, `report_after ${dueNow.awardId} 2027-11-18`].sort());
    expect(await remindersTo(beforeTo)).toEqual([
      { subject: `End-of-grant report due for ${before.bid.reference}` },
      { subject: `End-of-grant report due for ${before.bid.reference}` },
    ]);
    expect(await remindersTo(dueTo)).toEqual([
      { subject: `End-of-grant report due for ${dueNow.bid.reference}` },
      { subject: `End-of-grant report overdue for ${dueNow.bid.reference}` },
    ]);
    expect(await remindersTo(overdueTo)).toHaveLength(1);
    expect(await remindersTo(draftEmail)).toHaveLength(1);
  }, 300_000);
});

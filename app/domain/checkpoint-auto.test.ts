import { NOTE_MAX } from "~/domain/checkpoint";
import {
  automaticNote,
  checkpointDueAt,
  checkpointReason,
  distinctTriggers,
  PART_REVEAL_WAIT_MS,
  verifyCommand,
} from "~/domain/checkpoint-auto";
import { checkpointMail } from "~/domain/mail/checkpoint-messages";

const now = new Date("2027-05-14T21:00:00Z");
const hash = "ab".repeat(32);

describe("when a requested checkpoint falls due", () => {
  it("is at once for decisions, payments and the press that shows the totals", () => {
    expect(checkpointDueAt("decisions_confirmed", now)).toEqual(now);
    expect(checkpointDueAt("payment_made", now)).toEqual(now);
    expect(checkpointDueAt("awards_revealed", now, { revealComplete: true })).toEqual(now);
  });

  it("waits after a reveal part-way, so the last press covers the evening with one checkpoint", () => {
    expect(checkpointDueAt("awards_revealed", now, { revealComplete: false }).getTime()).toBe(now.getTime() + PART_REVEAL_WAIT_MS);
  });
});

describe("what a checkpoint says it followed", () => {
  it("lists each change once, in order, and says how it came to be taken", () => {
    expect(distinctTriggers([{ trigger: "payment_made" }, { trigger: "decisions_confirmed" }, { trigger: "payment_made" }])).toEqual([
      "payment_made",
      "decisions_confirmed",
    ]);
    expect(checkpointReason(["decisions_confirmed", "payment_made"])).toBe("after decisions confirmed and payment made");
    expect(checkpointReason([])).toBe("by hand");
    expect(automaticNote(["the decisions of \"A\" were confirmed", "a payment was made", "a payment was made"])).toBe(
      'Taken automatically after the decisions of "A" were confirmed; a payment was made.',
    );
  });

  it("keeps the note within the checkpoint's limit, counting what it leaves out", () => {
    const labels = Array.from({ length: 40 }, (_, i) => `a payment of £1,000 for PD-2027-${String(i).padStart(4, "0")} was made by bank transfer`);
    const note = automaticNote(labels);
    expect(note.length).toBeLessThanOrEqual(NOTE_MAX);
    expect(note).toMatch(/; and \d+ more\.$/);
    expect(note).toContain("PD-2027-0000");
  });
});

describe("the auditors' email", () => {
  it("gives the head, when and why, and the exact command that checks the log against it", () => {
    const mail = checkpointMail({
      baseUrl: "https://grants.example.org",
      to: "ada@example.test",
      name: "Ada",
      seq: 42,
      hash,
      at: "14 May 2027 at 22:00 UK time (2027-05-14T21:00:00.000Z)",
      labels: ['the decisions of "Pitch night" were confirmed'],
    });
    expect(mail.to).toBe("ada@example.test");
    expect(mail.subject).toBe("Audit checkpoint #42: keep this email");
    expect(mail.text).toContain(`Hash: ${hash}`);
    expect(mail.text).toContain("Taken: 14 May 2027 at 22:00 UK time");
    expect(mail.text).toContain('- the decisions of "Pitch night" were confirmed');
    expect(mail.text).toContain(`    npm run audit:verify -- --expect-head 42:${hash}`);
    expect(mail.text).toContain("https://grants.example.org/results");
    expect(verifyCommand({ seq: 42, hash })).toBe(`npm run audit:verify -- --expect-head 42:${hash}`);
  });
});

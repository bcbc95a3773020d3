import net from "node:net";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { listMail, queueMail } from "~/models/mail.server";
import { deliverOutbox, MAX_ATTEMPTS, retryDelayMs } from "~/coordinators/outbox.server";
import { smtpSender, type MailSender, type OutgoingMail } from "~/services/mail/sender.server";

useTestDatabase();

/** A tiny SMTP server that accepts mail, except to addresses at refused.example. */
function fakeSmtpServer() {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    socket.write("220 fake.example ESMTP\r\n");
    let buffer = "";
    let inData = false;
    let message = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(message);
            message = "";
            socket.write("250 2.0.0 queued\r\n");
          } else message += `${line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO" || command === "HELO") socket.write("250 fake.example\r\n");
        else if (command === "RCPT" && line.includes("refused.example")) socket.write("550 5.1.1 no such mailbox\r\n");
        else if (command === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (command === "QUIT") {
          socket.write("221 bye\r\n");
          socket.end();
        } else socket.write("250 OK\r\n");
      }
    });
  });
  return new Promise<{ url: string; received: string[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

function recordingSender(fail: (mail: OutgoingMail) => boolean = () => false): MailSender & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      await new Promise((r) => setTimeout(r, 5));
      if (fail(mail)) throw new Error(`mailbox unavailable: ${mail.to}`);
      sent.push(mail);
    },
    close() {},
  };
}

beforeEach(async () => {
  await db().mailMessage.deleteMany();
});

describe("the outbox", () => {
  it("keeps mail queued in a transaction only if the transaction commits", async () => {
    await db().$transaction((tx) => queueMail(tx, { to: "kept@example.org", subject: "Kept", text: "Hello" }));
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(tx, { to: "lost@example.org", subject: "Lost", text: "Hello" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await listMail()).map((m) => m.subject)).toEqual(["Kept"]);
  });

  it("lists newest first and filters by address whatever its case", async () => {
    for (const [to, subject] of [["a@example.org", "First"], ["b@example.org", "Other"], ["A@Example.org", "Second"]]) {
      await db().$transaction((tx) => queueMail(tx, { to, subject, text: "x" }));
    }
    expect((await listMail({ to: "a@example.org" })).map((m) => m.subject)).toEqual(["Second", "First"]);
    expect(await listMail({ to: "b@example.org" })).toHaveLength(1);
    expect(await listMail()).toHaveLength(3);
  });
});

describe("sending", () => {
  it("sends each message once and marks it sent", async () => {
    await db().$transaction(async (tx) => {
      await queueMail(tx, { to: "one@example.org", subject: "One", text: "1" });
      await queueMail(tx, { to: "two@example.org", subject: "Two", text: "2" });
    });
    const sender = recordingSender();
    expect(await deliverOutbox(sender, { from: "Pitchday <no-reply@example.org>" })).toEqual({ sent: 2, failed: 0 });
    expect(await deliverOutbox(sender)).toEqual({ sent: 0, failed: 0 });
    expect(sender.sent.map((m) => m.to).sort()).toEqual(["one@example.org", "two@example.org"]);
    expect(sender.sent[0].from).toBe("Pitchday <no-reply@example.org>");
    expect((await listMail()).every((m) => m.sentAt !== null && m.attempts === 1)).toBe(true);
  });

  it("never sends a message twice when two workers run at once", async () => {
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 6; i++) await queueMail(tx, { to: `p${i}@example.org`, subject: `M${i}`, text: "x" });
    });
    const sender = recordingSender();
    const reports = await Promise.all([deliverOutbox(sender), deliverOutbox(sender), deliverOutbox(sender)]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(new Set(sender.sent.map((m) => m.to)).size).toBe(6);
    expect(sender.sent).toHaveLength(6);
  });

  it("retries a failed message after a back-off, then gives up after the last attempt and keeps the error", async () => {
    await db().$transaction((tx) => queueMail(tx, { to: "flaky@example.org", subject: "Flaky", text: "x" }));
    let clock = new Date("2027-01-15T10:00:00Z");
    const now = () => clock;
    const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
    let failuresLeft = 2;
    const flaky = recordingSender(() => failuresLeft-- > 0);
    expect(await deliverOutbox(flaky, { now })).toEqual({ sent: 0, failed: 1 });
    expect((await listMail())[0]).toMatchObject({ sentAt: null, attempts: 1, lastError: "mailbox unavailable: flaky@example.org" });
    expect(await deliverOutbox(flaky, { now })).toEqual({ sent: 0, failed: 0 });
    later(retryDelayMs(1));
    expect(await deliverOutbox(flaky, { now })).toEqual({ sent: 0, failed: 1 });
    later(retryDelayMs(2) - 1);
    expect(await deliverOutbox(flaky, { now })).toEqual({ sent: 0, failed: 0 });
    later(1);
    expect(await deliverOutbox(flaky, { now })).toEqual({ sent: 1, failed: 0 });
    expect((await listMail())[0]).toMatchObject({ attempts: 3, lastError: null });

    await db().$transaction((tx) => queueMail(tx, { to: "gone@example.org", subject: "Gone", text: "x" }));
    const broken = recordingSender(() => true);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await deliverOutbox(broken, { now });
      later(retryDelayMs(MAX_ATTEMPTS));
    }
    const gone = (await listMail({ to: "gone@example.org" }))[0];
    expect(gone).toMatchObject({ sentAt: null, attempts: MAX_ATTEMPTS });
  });

  it("leaves a message another worker is sending alone until its lease runs out", async () => {
    await db().$transaction((tx) => queueMail(tx, { to: "slow@example.org", subject: "Slow", text: "x" }));
    let release!: () => void;
    const stuck: MailSender = { send: () => new Promise<void>((r) => (release = r)), close() {} };
    const first = deliverOutbox(stuck);
    while (!release) await new Promise((r) => setTimeout(r, 5));
    const second = recordingSender();
    expect(await deliverOutbox(second)).toEqual({ sent: 0, failed: 0 });
    release();
    expect(await first).toEqual({ sent: 1, failed: 0 });
    expect(second.sent).toHaveLength(0);
  });

  it("talks SMTP: a real conversation with a server, and a refused mailbox is a failure to retry", async () => {
    const server = await fakeSmtpServer();
    const sender = smtpSender(server.url);
    try {
      await db().$transaction(async (tx) => {
        await queueMail(tx, { to: "jo@example.org", subject: "Your private link", text: "Open https://pitchday.example/bid/abc" });
        await queueMail(tx, { to: "nobody@refused.example", subject: "Refused", text: "x" });
      });
      expect(await deliverOutbox(sender, { from: "Pitchday <no-reply@example.org>" })).toEqual({ sent: 1, failed: 1 });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]).toMatch(/Subject: Your private link/);
      expect(server.received[0]).toMatch(/To: jo@example.org/);
      expect(server.received[0]).toMatch(/https:\/\/pitchday.example\/bid\/abc/);
      expect((await listMail({ to: "nobody@refused.example" }))[0].lastError).toMatch(/550/);
    } finally {
      sender.close();
      await server.close();
    }
  });
});

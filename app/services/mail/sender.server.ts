import nodemailer from "nodemailer";
import { env } from "~/utils/env.server";

// The outside world's end of email: SMTP through nodemailer. Anything that can send one message
// (a test double, another provider) can stand in for it.

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** smtp://user:pass@host:587 or smtps://...; nodemailer reads the rest from the URL. */
export function smtpSender(url: string): MailSender {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
    close() {
      transport.close();
    },
  };
}

/** The configured sender, or null when SMTP_URL is unset (mail then stays in the outbox). */
export function senderFromEnv(): MailSender | null {
  const url = env().SMTP_URL;
  return url ? smtpSender(url) : null;
}

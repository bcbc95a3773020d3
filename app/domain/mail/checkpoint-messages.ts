import { headArgument, verifyCommand } from "~/domain/checkpoint-auto";
import { mailLink, staffGreeting, type MailInput } from "~/domain/mail/mail";

// The email each auditor gets when Pitchday takes a checkpoint by itself. It is the copy of the
// log's head that lives outside the database: kept in an inbox, it still proves what the log
// held if someone later cuts the tail and deletes the stored checkpoints too.

export interface CheckpointMailContext {
  baseUrl: string;
  to: string;
  name: string;
  seq: number;
  hash: string;
  /** When it was taken, in words (the fund's time zone). */
  at: string;
  /** What it followed: "the decisions of "Autumn pitch night" were confirmed". */
  labels: readonly string[];
}

export function checkpointMail(c: CheckpointMailContext): MailInput {
  return {
    to: c.to,
    subject: `Audit checkpoint #${c.seq}: keep this email`,
    text: [
      staffGreeting(c.name),
      "",
      "Pitchday took a checkpoint of its audit log, after:",
      ...c.labels.map((label) => `- ${label}`),
      "",
      `Entry: #${c.seq}`,
      `Hash: ${c.hash}`,
      `Taken: ${c.at}`,
      `Head: ${headArgument(c)}`,
      "",
      "Please keep this email. It is a copy of the log's head held outside Pitchday's database: if",
      "entries after it were ever deleted, or the log rewritten, checking against it shows it. To check,",
      "whoever runs Pitchday types, in its folder:",
      "",
      `    ${verifyCommand(c)}`,
      "",
      "It exits 0 when the log still holds this entry with this hash and only grew since, and 1 when",
      "it does not. Signed in as an auditor, you can download the checkpoint as a file, and check the",
      "log against a file you kept, on the audit checkpoints page:",
      mailLink(c.baseUrl, "/audit/checkpoints"),
      "",
      "The same head is listed on the public results page:",
      mailLink(c.baseUrl, "/results"),
      "",
      "Pitchday",
    ].join("\n"),
  };
}

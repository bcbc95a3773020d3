// What every email we send is made of, and the small parts they share. Builders here are pure:
// the caller passes the app's public address (APP_URL), because an email has no browser
// request to take an address from, and, for a group's email, its voice: the languages to write
// in and the catalogue's words (app/i18n/mail-voice.server.ts), so the domain holds no text a
// group reads and imports no i18n machinery.

export interface MailInput {
  to: string;
  subject: string;
  text: string;
}

export type MailLang = "cy" | "en";
export type MailValues = Record<string, string | number>;

/** How a group's emails are written: which languages, whose words. */
export interface MailVoice {
  /** The bid's language, or Welsh then English when its round is bilingual. */
  langs: readonly MailLang[];
  /** A catalogue message (namespace "email") in a language. */
  t: (lang: MailLang, key: string, values?: MailValues) => string;
  /** A moment in the fund's time zone, in a language's words. */
  when: (lang: MailLang, instant: Date, timeZone: string) => string;
  /** A calendar day in a language's words. */
  day: (lang: MailLang, instant: Date, timeZone: string) => string;
}

/** Who a group's email goes to and which bid and round it is about. */
export interface GroupMailContext {
  /** The app's public address (APP_URL), for links. */
  baseUrl: string;
  to: string;
  contactName: string;
  reference: string;
  groupName: string;
  roundTitle: string;
  /** The organiser's Welsh title for the round ("" when there is none: the title is used). */
  roundTitleCy: string;
  roundSlug: string;
  voice: MailVoice;
}

/** One language's version of a group's email, with that language's words to hand. */
export interface MailWriter {
  lang: MailLang;
  /** A message with the bid's facts ({name}, {group}, {reference}, {round}, {roundLink}, {roundsLink}) filled in. */
  t: (key: string, values?: MailValues) => string;
  when: (instant: Date, timeZone: string) => string;
  day: (instant: Date, timeZone: string) => string;
}

export interface MailVersion {
  subject: string;
  lines: string[];
}

/** An absolute link for an email: `path` on the app's public address. */
export function mailLink(baseUrl: string, path: string) {
  return new URL(path, baseUrl).toString();
}

function writerFor(c: GroupMailContext, lang: MailLang): MailWriter {
  const facts: MailValues = {
    name: c.contactName,
    group: c.groupName,
    reference: c.reference,
    round: lang === "cy" && c.roundTitleCy ? c.roundTitleCy : c.roundTitle,
    roundLink: mailLink(c.baseUrl, `/rounds/${c.roundSlug}`),
    roundsLink: mailLink(c.baseUrl, "/rounds"),
  };
  return {
    lang,
    t: (key, values) => c.voice.t(lang, key, { ...facts, ...values }),
    when: (instant, timeZone) => c.voice.when(lang, instant, timeZone),
    day: (instant, timeZone) => c.voice.day(lang, instant, timeZone),
  };
}

// why a rule of dashes: a bilingual email is two letters in one, Welsh first as bilingual
// signage has it; the rule shows a reader of either language where theirs starts.
const BETWEEN_LANGUAGES = `\n\n${"-".repeat(40)}\n\n`;

/** A group's email in its voice's languages: one version each, subjects joined "Welsh / English". */
export function groupMailIn(c: GroupMailContext, write: (w: MailWriter) => MailVersion): MailInput {
  const versions = c.voice.langs.map((lang) => write(writerFor(c, lang)));
  return {
    to: c.to,
    subject: versions.map((v) => v.subject).join(" / "),
    text: versions.map((v) => v.lines.join("\n")).join(BETWEEN_LANGUAGES),
  };
}

/** "Hello Jo," (or "Hello," when there is no name), in the writer's language. */
export function greeting(w: MailWriter, name: string) {
  return name ? w.t("email.greeting", { name }) : w.t("email.greetingNoName");
}

/** Sends a group back to the private link it already has, which we keep only as a hash. */
export function lostLinkLine(w: MailWriter) {
  return w.t("email.lostLink");
}

/** Staff emails stay English (issue 14 leaves staff pages in English for now). */
export function staffGreeting(name: string) {
  return name ? `Hello ${name},` : "Hello,";
}

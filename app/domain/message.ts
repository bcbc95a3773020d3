// A sentence for a person, as the domain leaves it: a catalogue key and the values to put in
// it, never words, so the page or the route says it in the person's language
// (app/i18n/message-args.ts for facts, app/i18n/message-text.ts for form errors). Money and
// dates stay as facts (pence; an instant and its time zone; a calendar day).

export type MessageArg =
  | string
  | number
  | { pence: number; currency: string }
  /** A calendar day, YYYY-MM-DD. */
  | { day: string }
  /** An instant (ISO), said with its weekday and time in a time zone. */
  | { at: string; timeZone: string };

export interface Message {
  key: string;
  values?: Record<string, MessageArg>;
  /** Sums in pence, said as money in the page's language (form errors: "at most £5,000"). */
  pence?: Record<string, number>;
  /** A list of messages said as one ("A, B and C"), joined in the page's language. */
  lists?: Record<string, Message[]>;
}

/** A message whose values are plain words and numbers (form errors, refusals). */
export interface PlainMessage extends Message {
  values?: Record<string, string | number>;
  lists?: Record<string, PlainMessage[]>;
}

export function message(key: string, values?: PlainMessage["values"], pence?: Message["pence"]): PlainMessage {
  return { key, ...(values ? { values } : {}), ...(pence ? { pence } : {}) };
}

export type MessageErrors = Record<string, PlainMessage>;

/** One message for each of some fields (say, every box a control character was taken out of). */
export function eachSays(fields: Iterable<string>, key: string): MessageErrors {
  return Object.fromEntries([...fields].map((field) => [field, message(key)]));
}

export const money = (pence: number, currency: string): MessageArg => ({ pence, currency });

export const instant = (date: Date, timeZone: string): MessageArg => ({ at: date.toISOString(), timeZone });

// A sentence for a person, as a catalogue key and its values, so the domain says what is wrong
// and the page says it in its own language (app/i18n/message-text.ts). Money travels as pence
// in `pence`, for the page to format in its language's conventions.

export interface Message {
  key: string;
  values?: Record<string, string | number>;
  pence?: Record<string, number>;
  /** A list of messages said as one ("A, B and C"), joined in the page's language. */
  lists?: Record<string, Message[]>;
}

export function message(key: string, values?: Message["values"], pence?: Message["pence"]): Message {
  return { key, ...(values ? { values } : {}), ...(pence ? { pence } : {}) };
}

export type MessageErrors = Record<string, Message>;

/** One message for each of some fields (say, every box a control character was taken out of). */
export function eachSays(fields: Iterable<string>, key: string): MessageErrors {
  return Object.fromEntries([...fields].map((field) => [field, message(key)]));
}

import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// A sentence for a person, as the domain leaves it: a catalogue key and the values to put in
// it, never words. Money and dates stay as facts (pence; an instant and its time zone; a
// calendar day) so the page says them in its own language (app/i18n/message-args.ts).

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
}

export const money = (pence: number, currency: string): MessageArg => ({ pence, currency });

export const instant = (date: Date, timeZone: string): MessageArg => ({ at: date.toISOString(), timeZone });

/** The calendar day an instant falls on in a time zone, as a message's `day`. */
export const dayOf = (date: Date, timeZone: string): MessageArg => ({ day: format(new TZDate(date, timeZone), "yyyy-MM-dd") });

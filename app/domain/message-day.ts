import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { MessageArg } from "./message";

// Apart from message.ts so that pages whose scripts build messages (the bid form's checks, the
// ballot) do not carry date-fns and time zones to the phone.

/** The calendar day an instant falls on in a time zone, as a message's `day`. */
export const dayOf = (date: Date, timeZone: string): MessageArg => ({ day: format(new TZDate(date, timeZone), "yyyy-MM-dd") });

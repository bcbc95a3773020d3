import type { PlainMessage } from "./message";

// What the domain says to a person, by the name the phones' refusals use: the one message type
// of app/domain/message.ts (a catalogue key and its values), which the route (translate(),
// app/i18n/said.server.ts) or the page (useT()) says in the person's language.

export type Said = PlainMessage;
export type SaidValues = NonNullable<PlainMessage["values"]>;
export { message as said } from "./message";

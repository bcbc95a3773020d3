// Words for a person, given by the domain as a catalogue key and its values: the domain says
// what happened, and the route (translate(), app/i18n/catalogue.server.ts) or the page (useT())
// says it in the person's language.

export type SaidValues = Record<string, string | number>;

export interface Said {
  key: string;
  values?: SaidValues;
}

export function said(key: string, values?: SaidValues): Said {
  return values ? { key, values } : { key };
}

// Which parts of the catalogue a page needs, by its address, so a phone is sent only the
// messages its page can show (in its one language; the big screen, bilingual, gets both).
// A key's namespace is the part before its first dot ("vote.heading" is in "vote").

export const NAMESPACES = ["common", "live", "vote", "panel", "score", "screen", "round", "apply", "bid", "results", "email", "letter"] as const;
export type Namespace = (typeof NAMESPACES)[number];
// "email" and "letter" are the server's own (translate()): no page is sent them.

const ALWAYS: Namespace[] = ["common", "live"];

// Each prefix is one path segment: the root's shouldRevalidate reloads the messages when the
// first segment changes, and no other time.
const BY_PATH: Array<{ prefix: string; namespaces: Namespace[]; bilingual?: boolean }> = [
  { prefix: "/vote", namespaces: ["vote"] },
  { prefix: "/panel", namespaces: ["panel", "score"] },
  { prefix: "/screen", namespaces: ["screen"], bilingual: true },
  { prefix: "/rounds", namespaces: ["round", "apply"] },
  { prefix: "/bid", namespaces: ["apply", "bid"] },
  // Where Stripe sends a group back after set-up from the organiser's QR code.
  { prefix: "/payout", namespaces: ["bid"] },
  { prefix: "/results", namespaces: ["results"] },
];

const matches = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

export interface PageLanguageNeeds {
  namespaces: Namespace[];
  /** Both languages at once (Welsh first), whatever the person chose. */
  bilingual: boolean;
}

export function pageNeeds(pathname: string): PageLanguageNeeds {
  const found = BY_PATH.find((entry) => matches(pathname, entry.prefix));
  return { namespaces: [...ALWAYS, ...(found?.namespaces ?? [])], bilingual: Boolean(found?.bilingual) };
}

export function namespaceOf(key: string): string {
  return key.slice(0, key.indexOf("."));
}

import { BID_FILTERS, STATUS_LABELS, type BidStatusValue } from "~/domain/bid-review";
import { formatDateTime } from "~/domain/zoned-time";

// The organiser's page of one round, apart from its criteria and rule: the notice after a save,
// the bid counts by status (each linking to its tab of the bid list), and its events in words.
// Pure: the loader passes what the models read.
//
// Interface:
//   roundNotice(search)                 -> the notice after a redirect, or null
//   roundBidRows(byStatus)              -> [{ status, label, count, filter }] in the organiser's order
//   roundEventRows(events, timeZone)    -> [{ id, title, state, running, starts }]

const NOTICES: Record<string, string> = {
  created: "Round created. Groups can apply from its opening time.",
  saved: "Changes saved.",
  unchanged: "Nothing was changed.",
};

export function roundNotice(search: URLSearchParams): string | null {
  return NOTICES[search.get("notice") ?? ""] ?? null;
}

// In the order an organiser works through them; drafts last because nobody has sent them yet.
const STATUS_ORDER: BidStatusValue[] = ["SUBMITTED", "SHORTLISTED", "DECLINED", "WITHDRAWN", "FUNDED", "NOT_FUNDED", "DRAFT"];

export interface RoundBidRow {
  status: BidStatusValue;
  label: string;
  count: number;
  /** The bid list's tab showing exactly this status; null when none does (funded and not funded share one). */
  filter: string | null;
}

export function roundBidRows(byStatus: Partial<Record<BidStatusValue, number>>): RoundBidRow[] {
  return STATUS_ORDER.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    count: byStatus[status] ?? 0,
    filter: BID_FILTERS.find((f) => f.statuses.length === 1 && f.statuses[0] === status)?.key ?? null,
  }));
}

const EVENT_STATES: Record<string, string> = {
  DRAFT: "Being set up",
  READY: "Ready",
  LIVE: "Live",
  SCORING_CLOSED: "Scoring closed",
  DECIDED: "Decided",
};

export interface RoundEventRow {
  id: string;
  title: string;
  state: string;
  /** Ready, live or scoring closed: the chair's controls and the big screen are worth a link. */
  running: boolean;
  starts: string;
}

export function roundEventRows(events: { id: string; title: string; state: string; startsAt: Date }[], timeZone: string): RoundEventRow[] {
  return events.map((e) => ({
    id: e.id,
    title: e.title,
    state: EVENT_STATES[e.state] ?? e.state,
    running: e.state === "READY" || e.state === "LIVE" || e.state === "SCORING_CLOSED",
    starts: formatDateTime(e.startsAt, timeZone),
  }));
}

import { ownWordsLang } from "~/domain/own-words";
import { EVENT_STATE_LABELS, SLOT_STATE_LABELS, type EventState, type SlotState } from "~/domain/event-machine";
import { formatDuration } from "~/domain/event-setup";
import { AUDIENCE_MODE_LABELS, describeRule, type AudienceModeValue } from "~/domain/fund";
import { formatCode } from "~/domain/join-code";
import { formatDateTime, utcToLocalInput } from "~/domain/zoned-time";

// What the organiser's setup page of one event shows, built from the event, its round and its
// panel as the models read them. Pure: no request, no clock.

const SETUP_STATES: EventState[] = ["DRAFT", "READY"];

export const EVENT_SETUP_NOTICES: Record<string, string> = {
  created: "Event created. Check the running order, then invite the panel.",
  saved: "Details saved.",
  moved: "Running order changed.",
  revoked: "Panellist removed. Their link and phone no longer work; scores they already sent still count.",
  ready: "The event is ready. The chair can start it from the chair’s controls.",
  draft: "The event is back to being set up.",
};

/** The notice after "Refresh from shortlist": what changed, from the redirect's counts. */
export function refreshedNotice(params: URLSearchParams) {
  const added = Number(params.get("added") ?? 0);
  const removed = Number(params.get("removed") ?? 0);
  if (!added && !removed) return "The running order already matches the shortlist.";
  const parts = [];
  if (added) parts.push(`${added} newly shortlisted bid${added === 1 ? "" : "s"} added at the end`);
  if (removed) parts.push(`${removed} bid${removed === 1 ? "" : "s"} no longer shortlisted taken out`);
  return `Running order brought up to date: ${parts.join("; ")}.`;
}

export function eventSetupNotice(search: URLSearchParams) {
  const notice = search.get("notice");
  return notice === "refreshed" ? refreshedNotice(search) : EVENT_SETUP_NOTICES[notice ?? ""] ?? null;
}

export interface SetupEventSource {
  id: string;
  title: string;
  state: EventState;
  startsAt: Date;
  venue: string;
  pitchSeconds: number;
  questionSeconds: number;
  joinCode: string;
  round: { audienceMode: AudienceModeValue; fund: { timeZone: string } };
  slots: { id: string; bidId: string; state: SlotState; bid: { reference: string; groupName: string; projectTitle: string; language?: string; status: string } }[];
}

export type SetupRoundSource = Parameters<typeof describeRule>[0] & { id: string; title: string; fund: { name: string } };

export interface SetupPanellistSource {
  id: string;
  name: string;
  status: "INVITED" | "JOINED" | "REVOKED";
  joinedAt: Date | null;
  pitchesScored: number;
  conflicts: { bidId: string; reason: string; declaredAt: Date }[];
}

export function eventSetupView(event: SetupEventSource, round: SetupRoundSource, panel: SetupPanellistSource[]) {
  const tz = event.round.fund.timeZone;
  const slotsByBid = new Map(event.slots.map((slot) => [slot.bidId, slot.bid]));
  const movable = event.state !== "SCORING_CLOSED" && event.state !== "DECIDED";
  return {
    event: {
      id: event.id,
      title: event.title,
      state: event.state,
      stateLabel: EVENT_STATE_LABELS[event.state],
      starts: formatDateTime(event.startsAt, tz),
      venue: event.venue,
      pitch: formatDuration(event.pitchSeconds),
      questions: formatDuration(event.questionSeconds),
      editable: SETUP_STATES.includes(event.state),
      // why: substitutes can join until scoring closes; nothing about the panel changes after decisions.
      panelOpen: event.state !== "SCORING_CLOSED" && event.state !== "DECIDED",
      audience: AUDIENCE_MODE_LABELS[event.round.audienceMode],
      joinCode: event.round.audienceMode === "NONE" ? null : formatCode(event.joinCode),
      timeZone: tz,
    },
    round: { id: round.id, title: round.title, fund: round.fund.name },
    values: {
      title: event.title,
      startsAt: utcToLocalInput(event.startsAt, tz),
      venue: event.venue,
      pitchSeconds: formatDuration(event.pitchSeconds),
      questionSeconds: formatDuration(event.questionSeconds),
    },
    rule: describeRule(round),
    slots: event.slots.map((slot, index, all) => ({
      id: slot.id,
      number: index + 1,
      reference: slot.bid.reference,
      groupName: slot.bid.groupName,
      projectTitle: slot.bid.projectTitle,
      lang: ownWordsLang(slot.bid.language),
      state: slot.state,
      stateLabel: SLOT_STATE_LABELS[slot.state],
      shortlisted: slot.bid.status === "SHORTLISTED",
      // why: only pitches that have not started change places (see moveSlot).
      up: movable && slot.state === "WAITING" && all[index - 1]?.state === "WAITING",
      down: movable && slot.state === "WAITING" && all[index + 1]?.state === "WAITING",
    })),
    panel: panel.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      joined: p.joinedAt ? formatDateTime(p.joinedAt, tz) : null,
      pitchesScored: p.pitchesScored,
    })),
    conflicts: panel.flatMap((p) =>
      p.conflicts.map((c) => {
        const bid = slotsByBid.get(c.bidId);
        return {
          key: `${p.id}-${c.bidId}`,
          panellist: p.name,
          removed: p.status === "REVOKED",
          pitch: bid ? `${bid.reference}: ${bid.groupName}` : "A pitch no longer in the running order",
          reason: c.reason,
          declared: formatDateTime(c.declaredAt, tz),
        };
      }),
    ),
  };
}

export type EventSetupView = ReturnType<typeof eventSetupView>;

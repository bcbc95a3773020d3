import { ownWordsLang } from "~/domain/own-words";
import { db } from "~/db.server";
import { orderedSlots, type EventState, type SlotState } from "~/domain/event-machine";
import type { OnePageBid } from "~/domain/panel-phone";
import { hashSecretToken } from "~/utils/secret-token.server";

// What a panellist's phone reads. The caller has already found the panellist from the device
// cookie (app/requests/panel-device.server.ts); nothing here takes identity from a request.
//
// Interface:
//   findInvite(inviteToken)            -> { panellistId, eventId, eventTitle, name, status } | null
//                                         status: OPEN (not on a phone yet) | BOUND | REVOKED | FINISHED
//   panellistEvent(panellistId)        -> PanelView | null: the event, the round's criteria and the
//                                         running order with this panellist's sheet and conflict per pitch
//   pitchOnePage(eventId, bidId)       -> the bid as the panel reads it (no contact details), or null
//
// Bids are only the ones in the panellist's event; a bid id from another event finds nothing.

export type InviteStatus = "OPEN" | "BOUND" | "REVOKED" | "FINISHED";

export async function findInvite(inviteToken: string) {
  if (!inviteToken || inviteToken.length > 200) return null;
  const panellist = await db().panellist.findUnique({
    where: { inviteTokenHash: hashSecretToken(inviteToken) },
    select: { id: true, name: true, eventId: true, deviceTokenHash: true, revokedAt: true, event: { select: { title: true, state: true } } },
  });
  if (!panellist) return null;
  const status: InviteStatus = panellist.revokedAt
    ? "REVOKED"
    : panellist.event.state === "DECIDED"
      ? "FINISHED"
      : panellist.deviceTokenHash
        ? "BOUND"
        : "OPEN";
  return { panellistId: panellist.id, eventId: panellist.eventId, eventTitle: panellist.event.title, name: panellist.name, status };
}

export interface PanelPitch {
  slotId: string;
  position: number;
  bidId: string;
  reference: string;
  projectTitle: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh: its words are marked so. */
  lang: "cy" | undefined;
  state: SlotState;
  lockedAt: string | null;
  /** This panellist's current sheet (the latest version), if any. */
  sheet: { version: number; submittedAt: string; items: { criterionId: string; value: number }[]; comment: string } | null;
  conflict: { reason: string; declaredAt: string } | null;
}

export interface PanelView {
  panellist: { id: string; name: string };
  event: { id: string; title: string; state: EventState; venue: string; startsAt: string; currentSlotId: string | null; timeZone: string };
  criteria: { id: string; name: string; guidance: string; scaleMin: number; scaleMax: number }[];
  pitches: PanelPitch[];
}

export async function panellistEvent(panellistId: string): Promise<PanelView | null> {
  const panellist = await db().panellist.findUnique({
    where: { id: panellistId },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      conflicts: { select: { bidId: true, reason: true, declaredAt: true } },
      scoreSheets: {
        where: { current: true },
        select: { bidId: true, version: true, submittedAt: true, comment: true, items: { select: { criterionId: true, value: true } } },
      },
      event: {
        select: {
          id: true,
          title: true,
          state: true,
          venue: true,
          startsAt: true,
          currentSlotId: true,
          round: {
            select: {
              fund: { select: { timeZone: true } },
              criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, guidance: true, scaleMin: true, scaleMax: true } },
            },
          },
          slots: {
            select: {
              id: true,
              position: true,
              state: true,
              lockedAt: true,
              bid: { select: { id: true, reference: true, projectTitle: true, groupName: true, language: true } },
            },
          },
        },
      },
    },
  });
  if (!panellist || panellist.revokedAt) return null;
  const { event } = panellist;
  return {
    panellist: { id: panellist.id, name: panellist.name },
    event: {
      id: event.id,
      title: event.title,
      state: event.state,
      venue: event.venue,
      startsAt: event.startsAt.toISOString(),
      currentSlotId: event.currentSlotId,
      timeZone: event.round.fund.timeZone,
    },
    criteria: event.round.criteria,
    pitches: orderedSlots(event.slots).map((slot) => {
      const sheet = panellist.scoreSheets.find((s) => s.bidId === slot.bid.id);
      const conflict = panellist.conflicts.find((c) => c.bidId === slot.bid.id);
      return {
        slotId: slot.id,
        position: slot.position,
        bidId: slot.bid.id,
        reference: slot.bid.reference,
        projectTitle: slot.bid.projectTitle,
        groupName: slot.bid.groupName,
        lang: ownWordsLang(slot.bid.language),
        state: slot.state,
        lockedAt: slot.lockedAt?.toISOString() ?? null,
        sheet: sheet
          ? {
              version: sheet.version,
              submittedAt: sheet.submittedAt.toISOString(),
              comment: sheet.comment,
              // why: the pad lists criteria in the round's order; keep the items keyed the same way.
              items: event.round.criteria.flatMap((c) => sheet.items.filter((i) => i.criterionId === c.id)),
            }
          : null,
        conflict: conflict ? { reason: conflict.reason, declaredAt: conflict.declaredAt.toISOString() } : null,
      };
    }),
  };
}

export type OnePage = OnePageBid & { bidId: string };

export async function pitchOnePage(eventId: string, bidId: string): Promise<OnePage | null> {
  const slot = await db().slot.findUnique({
    where: { eventId_bidId: { eventId, bidId } },
    select: {
      bid: {
        select: {
          id: true,
          reference: true,
          projectTitle: true,
          groupName: true,
          area: true,
          summary: true,
          difference: true,
          beneficiaries: true,
          beneficiaryCount: true,
          amountRequestedPence: true,
          budgetLines: { orderBy: { position: "asc" }, select: { item: true, amountPence: true } },
          language: true,
        },
      },
    },
  });
  if (!slot) return null;
  const { id, ...bid } = slot.bid;
  return { bidId: id, ...bid };
}

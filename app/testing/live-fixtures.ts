import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import type { AudienceMode } from "~/domain/ballot";
import type { ChairCommand } from "~/domain/event-machine";
import { createEvent, runChairCommand } from "~/models/event.server";
import { claimInvite, invitePanellist } from "~/models/panel.server";

// Test data for the live session: a fund and round written straight to the database, a
// shortlist, an event made by the event model, and panellists who joined on their phones.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}${randomBytes(2).toString("hex")}`;

export const LIVE_CRITERIA = [
  { name: "Need", weight: 3, scaleMin: 1, scaleMax: 5 },
  { name: "Plan", weight: 2, scaleMin: 0, scaleMax: 10 },
];

export interface LiveSetup {
  bids?: number;
  panellists?: number;
  quorum?: number;
  audienceMode?: AudienceMode;
  votesPerPerson?: number;
}

export async function makeStaff(role: "ORGANISER" | "FUNDER" = "ORGANISER") {
  const user = await db().user.create({ data: { email: `staff-${unique()}@example.test`, name: "Test Staff", roles: [role] } });
  return { user, actor: { type: "user" as const, id: user.id } };
}

export async function makeRoundWithShortlist(options: LiveSetup = {}) {
  const fund = await db().fund.create({
    data: {
      name: "Test Chest",
      potPence: 1_000_000,
      minAwardPence: 10_000,
      maxAwardPence: 500_000,
      funderName: "Test Council",
      funderOrgId: "GB-LAE-TST",
      grantIdPrefix: "360G-test",
      timeZone: "Europe/London",
    },
  });
  const round = await db().round.create({
    data: {
      fundId: fund.id,
      title: "Test round",
      slug: `live-${unique()}`,
      opensAt: new Date("2027-01-01T09:00:00Z"),
      closesAt: new Date("2027-03-01T17:00:00Z"),
      quorum: options.quorum ?? 3,
      audienceMode: options.audienceMode ?? "NONE",
      audienceVotesPerPerson: options.votesPerPerson ?? 3,
      criteria: { create: LIVE_CRITERIA.map((c, position) => ({ ...c, position })) },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  const bids = [];
  for (let i = 0; i < (options.bids ?? 3); i++) {
    bids.push(
      await db().bid.create({
        data: {
          roundId: round.id,
          reference: `PD-T${unique().toUpperCase()}-${String(i).padStart(3, "0")}`,
          status: "SHORTLISTED",
          editTokenHash: randomBytes(32).toString("hex"),
          groupName: `Group ${i + 1}`,
          projectTitle: `Project ${i + 1}`,
          amountRequestedPence: 100_000 + i * 1000,
          submittedAt: new Date("2027-02-01T10:00:00Z"),
        },
      }),
    );
  }
  return { fund, round, bids: bids.sort((a, b) => a.reference.localeCompare(b.reference)) };
}

/** A round, its shortlist as the running order, and a panel that has joined on its phones. */
export async function makeLiveEvent(options: LiveSetup = {}) {
  const organiser = await makeStaff();
  const { fund, round, bids } = await makeRoundWithShortlist(options);
  const created = await createEvent(
    {
      roundId: round.id,
      title: "Pitch night",
      startsAt: new Date("2027-05-14T18:00:00Z"),
      venue: "Village Hall",
      pitchSeconds: 180,
      questionSeconds: 120,
    },
    organiser.actor,
  );
  if (!created.ok) throw new Error(created.message);
  const panellists = [];
  for (let i = 0; i < (options.panellists ?? 4); i++) {
    const invited = await invitePanellist({ eventId: created.event.id, name: `Panellist ${i + 1}` }, organiser.actor);
    if (!invited.ok) throw new Error(invited.message);
    const joined = await claimInvite(invited.inviteToken, null);
    if (!joined.ok) throw new Error(joined.message);
    panellists.push({ id: invited.panellist.id, inviteToken: invited.inviteToken, deviceToken: joined.deviceToken });
  }
  const slots = await db().slot.findMany({ where: { eventId: created.event.id }, orderBy: { position: "asc" } });
  const chair = async (command: ChairCommand, now?: Date) => {
    const result = await runChairCommand(created.event.id, command, organiser.actor, now);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.message}`);
    return result;
  };
  return { organiser, fund, round, criteria: round.criteria, bids, event: created.event, panellists, slots, chair };
}

export function sheetItems(criteria: { id: string }[], values: number[]) {
  return criteria.map((c, i) => ({ criterionId: c.id, value: values[i] }));
}

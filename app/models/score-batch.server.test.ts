import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent, sheetItems } from "~/testing/live-fixtures";
import { pitchesQuery, sheetsStatement } from "~/models/score-batch.server";

useTestDatabase();

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

async function tablesScannedWhole(statement: Prisma.Sql): Promise<string[]> {
  const [row] = await db().$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (FORMAT JSON) ${statement}`;
  const plan = typeof row["QUERY PLAN"] === "string" ? JSON.parse(row["QUERY PLAN"]) : row["QUERY PLAN"];
  const scanned: string[] = [];
  const walk = (node: PlanNode) => {
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) scanned.push(node["Relation Name"]);
    node.Plans?.forEach(walk);
  };
  for (const { Plan } of plan as { Plan: PlanNode }[]) walk(Plan);
  return scanned;
}

describe("a batch of scores on a database that has held many events", () => {
  // why: a hall's score must cost the same in the tenth year as on the first night. Both
  // statements once hash-joined the whole ScoreSheet table for every batch.
  it("looks up the batch's own sheets by index, never reading every sheet ever saved", async () => {
    const live = await makeLiveEvent({ bids: 10, panellists: 1 });
    const eventId = live.event.id;
    await db().$executeRaw`
      INSERT INTO "Panellist" (id, "eventId", name, "inviteTokenHash")
      SELECT 'old-' || g, ${eventId}, 'Earlier panellist ' || g, 'old-invite-' || g FROM generate_series(1, 2000) g`;
    await db().$executeRaw`
      INSERT INTO "ScoreSheet" (id, "panellistId", "bidId", "slotId", version, current, "clientMutationId")
      SELECT p.id || s.id, p.id, s."bidId", s.id, 1, true, p.id || s.id
      FROM "Panellist" p CROSS JOIN "Slot" s WHERE p.id LIKE 'old-%' AND s."eventId" = ${eventId}`;
    expect(await db().scoreSheet.count()).toBe(20_000);

    const panellistId = live.panellists[0].id;
    const slot = live.slots[0];
    const clientMutationId = crypto.randomUUID();
    const read = pitchesQuery([{ n: 0, panellistId, eventId, bidId: slot.bidId, clientMutationId }]);
    const write = sheetsStatement([
      {
        n: 0,
        id: crypto.randomUUID(),
        panellistId,
        bidId: slot.bidId,
        slotId: slot.id,
        version: 1,
        clientMutationId,
        comment: "",
        items: sheetItems(live.criteria, [4, 7]),
        submittedAt: new Date("2027-05-14T18:30:00Z"),
        eventId,
        slotState: "SCORING",
      },
    ]);

    expect(await tablesScannedWhole(read)).not.toContain("ScoreSheet");
    expect(await tablesScannedWhole(write)).not.toContain("ScoreSheet");
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDatabase, openDatabase, database } from "~/db.server";
import { templateDatabaseName, withDatabase } from "~/testing/template";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { liveState, runChairCommand } from "~/models/event.server";
import { timerAt } from "~/domain/event-machine";
import { closeLiveBus } from "~/db/live/bus.server";
import { dropTestDatabase } from "~/testing/admin-database";

// The server owns the clock: a restart in the middle of a pitch (a crash, a deploy, the
// laptop's lid) must resume with the same end time. This file opens, closes and reopens the
// same database itself: a PGlite folder, or a PostgreSQL database made for it.

const serverUrl = process.env.DATABASE_URL;
let pgliteDir: string | undefined;
let pgName: string | undefined;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function open() {
  return serverUrl ? openDatabase({ url: withDatabase(serverUrl, pgName!), migrate: false }) : openDatabase({ pgliteDir, migrate: true });
}

beforeAll(async () => {
  if (serverUrl) {
    pgName = `pitchday_restart_${randomBytes(5).toString("hex")}`;
    await admin(`CREATE DATABASE ${pgName} TEMPLATE ${templateDatabaseName()}`);
  } else {
    pgliteDir = path.join(mkdtempSync(path.join(tmpdir(), "pitchday-restart-")), "db");
  }
  await open();
});

afterAll(async () => {
  await closeLiveBus();
  await closeDatabase();
  if (pgName) await dropTestDatabase(serverUrl!, pgName);
  if (pgliteDir) rmSync(path.dirname(pgliteDir), { recursive: true, force: true });
});

const engineName = serverUrl ? "PostgreSQL (same database)" : "PGlite (same data folder)";

it(`a restart in the middle of a pitch resumes with the same end time, on ${engineName}`, async () => {
  const live = await makeLiveEvent({ bids: 2, panellists: 2 });
  const started = new Date();
  await live.chair({ type: "MARK_READY" }, started);
  await live.chair({ type: "START" }, started);
  await live.chair({ type: "NEXT" }, started);
  await live.chair({ type: "EXTEND" }, new Date(started.getTime() + 5_000));
  const before = (await liveState(live.event.id))!;
  expect(before.current?.phaseEndsAt).toBe(new Date(started.getTime() + 210_000).toISOString());
  const location = database().location;

  await closeDatabase();
  await open();
  expect(database().location).toBe(location);

  const after = (await liveState(live.event.id, new Date(started.getTime() + 60_000)))!;
  expect(after.event.state).toBe("LIVE");
  expect(after.currentSlotId).toBe(before.currentSlotId);
  expect(after.current).toMatchObject({ state: "PITCHING", phaseEndsAt: before.current!.phaseEndsAt });
  expect(after.revision).toBe(before.revision);
  const slot = { state: after.current!.state, phaseEndsAt: new Date(after.current!.phaseEndsAt!), pausedRemainingMs: after.current!.pausedRemainingMs };
  expect(timerAt(slot, new Date(started.getTime() + 60_000))!.remainingSeconds).toBe(150);

  // The chair carries on where they were; a paused timer survives a restart as well.
  const paused = await runChairCommand(live.event.id, { type: "PAUSE", revision: after.revision }, live.organiser.actor, new Date(started.getTime() + 100_000));
  expect(paused.ok).toBe(true);
  await closeDatabase();
  await open();
  const resumed = await runChairCommand(live.event.id, { type: "RESUME" }, live.organiser.actor, new Date(started.getTime() + 400_000));
  expect(resumed.ok).toBe(true);
  const final = (await liveState(live.event.id))!;
  expect(final.current?.phaseEndsAt).toBe(new Date(started.getTime() + 400_000 + 110_000).toISOString());
});

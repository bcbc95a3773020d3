import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { PGLITE_SOCKET_PORT, startPgliteWorker, type PgliteWorker } from "~/db/pglite-worker.server";

// The embedded database in its own thread, reached over the PostgreSQL wire protocol. PGlite is
// one session, so what matters is that connections never step into each other's work, that a
// dropped connection's transaction is undone, and that the data outlives the thread.

let folder: string;
let worker: PgliteWorker | undefined;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "pitchday-pglite-worker-"));
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  rmSync(folder, { recursive: true, force: true });
});

function client(w: PgliteWorker) {
  return new pg.Client({ host: w.socketDir, port: PGLITE_SOCKET_PORT, user: "postgres", database: "postgres" });
}

async function connected(w: PgliteWorker) {
  const c = client(w);
  await c.connect();
  return c;
}

/** Resolves to "pending" if the promise has not settled after a while. */
async function stillPending(promise: Promise<unknown>, ms = 150) {
  return Promise.race([promise.then(() => "settled"), new Promise((resolve) => setTimeout(() => resolve("pending"), ms))]);
}

test("a second connection waits while the first one's transaction is open, then sees its commit", async () => {
  worker = await startPgliteWorker({ dir: path.join(folder, "db") });
  const [a, b] = [await connected(worker), await connected(worker)];
  await a.query("CREATE TABLE t (v text)");
  await a.query("BEGIN");
  await a.query("INSERT INTO t VALUES ('a')");

  const count = b.query("SELECT count(*)::int AS n FROM t");
  expect(await stillPending(count)).toBe("pending");
  await a.query("COMMIT");
  expect((await count).rows[0].n).toBe(1);
  await Promise.all([a.end(), b.end()]);
});

test("a connection dropped inside a transaction has its changes rolled back, and the others go on", async () => {
  worker = await startPgliteWorker({ dir: path.join(folder, "db") });
  const [a, b] = [await connected(worker), await connected(worker)];
  await a.query("CREATE TABLE t (v text)");
  await a.query("BEGIN");
  await a.query("INSERT INTO t VALUES ('lost')");
  a.on("error", () => undefined);

  const count = b.query("SELECT count(*)::int AS n FROM t");
  (a as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
  expect((await count).rows[0].n).toBe(0);
  await b.end();
});

test("an exchange split across writes (Parse, Bind ... then Execute, Sync) is not interleaved with another connection", async () => {
  worker = await startPgliteWorker({ dir: path.join(folder, "db") });
  const raw = await rawConnection(worker);
  const other = await connected(worker);

  raw.send(parse("SELECT 'from the first' AS v"), bind(), flush());
  await raw.received("2"); // BindComplete: the first half has run
  const second = other.query("SELECT 'from the second' AS v");
  expect(await stillPending(second)).toBe("pending");

  raw.send(execute(), sync());
  expect(await raw.rowsUntilReady()).toEqual(["from the first"]);
  expect((await second).rows[0].v).toBe("from the second");
  raw.close();
  await other.end();
});

test("after an error the pool's one connection is replaced and the next query works", async () => {
  worker = await startPgliteWorker({ dir: path.join(folder, "db") });
  const pool = new pg.Pool({ host: worker.socketDir, port: PGLITE_SOCKET_PORT, user: "postgres", database: "postgres", max: 1 });
  await expect(pool.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
  for (let i = 0; i < 5; i++) {
    await expect(pool.query("SELECT * FROM no_such_table")).rejects.toMatchObject({ code: "42P01" });
    expect((await pool.query("SELECT $1::int + 1 AS n", [i])).rows[0].n).toBe(i + 1);
  }
  await pool.end();
});

test("the data outlives the thread: stopped and started again on the same folder, it is all there", async () => {
  const dir = path.join(folder, "db");
  worker = await startPgliteWorker({ dir });
  let c = await connected(worker);
  await c.query("CREATE TABLE t (v text)");
  await c.query("INSERT INTO t VALUES ('kept')");
  await c.end();
  await worker.stop();

  worker = await startPgliteWorker({ dir });
  c = await connected(worker);
  expect((await c.query("SELECT v FROM t")).rows).toEqual([{ v: "kept" }]);
  await c.end();
});

test("a folder that cannot hold a database stops the start with a clear error", async () => {
  const notAFolder = path.join(folder, "a-file");
  writeFileSync(notAFolder, "not a database");
  await expect(startPgliteWorker({ dir: notAFolder })).rejects.toThrow(/The embedded database did not start/);
});

// A client speaking the wire protocol by hand, to send an exchange in pieces as a slow network would.

async function rawConnection(w: PgliteWorker) {
  const socket = connect(path.join(w.socketDir, `.s.PGSQL.${PGLITE_SOCKET_PORT}`));
  let received = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  socket.on("data", (chunk) => {
    received = Buffer.concat([received, chunk]);
    wake?.();
  });
  const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4);
  socket.write(Buffer.concat([startup, params]));

  /** Waits until a message of this type has arrived (and leaves it to be read). */
  async function receivedType(wanted: string) {
    for (;;) {
      for (let at = 0; at + 5 <= received.length; at += 1 + received.readInt32BE(at + 1)) {
        if (String.fromCharCode(received[at]) === wanted) return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  async function rowsUntilReady(): Promise<string[]> {
    for (;;) {
      const rows: string[] = [];
      let at = 0;
      while (at + 5 <= received.length) {
        const type = String.fromCharCode(received[at]);
        const length = received.readInt32BE(at + 1);
        if (at + 1 + length > received.length) break;
        if (type === "E") throw new Error(received.subarray(at + 5, at + 1 + length).toString());
        if (type === "D") {
          const size = received.readInt32BE(at + 7);
          rows.push(received.subarray(at + 11, at + 11 + size).toString());
        }
        at += 1 + length;
        if (type === "Z") {
          received = received.subarray(at);
          return rows;
        }
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  await rowsUntilReady();
  return {
    send: (...messages: Buffer[]) => socket.write(Buffer.concat(messages)),
    rowsUntilReady,
    received: receivedType,
    close: () => socket.end(),
  };
}

function message(type: string, body: Buffer) {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const parse = (sql: string) => message("P", Buffer.concat([Buffer.from(`\0${sql}\0`), Buffer.from([0, 0])]));
const bind = () => message("B", Buffer.concat([Buffer.from("\0\0"), Buffer.from([0, 0, 0, 0, 0, 0])]));
const execute = () => message("E", Buffer.concat([Buffer.from("\0"), Buffer.from([0, 0, 0, 0])]));
const sync = () => message("S", Buffer.alloc(0));
const flush = () => message("H", Buffer.alloc(0));

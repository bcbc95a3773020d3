// The embedded database's thread: one PGlite, served over the PostgreSQL wire protocol on a
// Unix socket, so the app uses it through pg exactly as it uses a PostgreSQL server.
// Started by db/pglite-worker.server.ts; plain CommonJS because Node runs it as it is, from the
// built app, tsx scripts and Jest alike.
//
// PGlite is a single session, so connections take turns: whatever bytes a connection has sent
// run as one batch (PGlite executes every message in it, then writes to disk once), and its
// reply goes back in one write. A connection inside a transaction, or part-way through an
// extended-protocol exchange (Parse/Bind/Execute before Sync), keeps its turn until it is done,
// so two connections never interleave inside each other's work.

const { createServer } = require("node:net");
const { parentPort, workerData } = require("node:worker_threads");
const { PGlite } = require(workerData.pgliteModule);

/** Message types after which a connection has finished a unit of work (Sync, Query, Terminate). */
const SYNC_POINTS = new Set([0x53 /* S */, 0x51 /* Q */, 0x58 /* X */]);

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;

/** One client connection: the bytes it has sent that have not run yet. */
class Connection {
  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.started = false;
    this.closed = false;
  }

  /**
   * The complete messages received so far, as one batch, or null when none is complete.
   * `bytes` is null for an SSL request; `endsUnitOfWork` says whether the batch ends at a sync point.
   */
  takeBatch() {
    const buffer = this.buffer;
    let end = 0;
    let lastType = 0;
    if (!this.started) {
      // A startup packet has no type byte: its length, then the protocol version (or SSL request).
      if (buffer.length < 8 || buffer.length < buffer.readInt32BE(0)) return null;
      end = buffer.readInt32BE(0);
      const code = buffer.readInt32BE(4);
      this.buffer = buffer.subarray(end);
      if (code === SSL_REQUEST) return { bytes: null, endsUnitOfWork: true };
      this.started = code === PROTOCOL_3;
      // why: PGlite recognises a startup packet only when it arrives on its own.
      return { bytes: toUint8(buffer.subarray(0, end)), endsUnitOfWork: true };
    }
    while (end + 5 <= buffer.length) {
      const length = 1 + buffer.readInt32BE(end + 1);
      if (end + length > buffer.length) break;
      lastType = buffer[end];
      end += length;
    }
    if (end === 0) return null;
    this.buffer = buffer.subarray(end);
    return { bytes: toUint8(buffer.subarray(0, end)), endsUnitOfWork: SYNC_POINTS.has(lastType) };
  }
}

function toUint8(buffer) {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

async function main() {
  const options = workerData.template ? { loadDataDir: new Blob([workerData.template]) } : {};
  const db = workerData.dir ? new PGlite(workerData.dir, options) : new PGlite(options);
  await db.waitReady;

  /** Connections with bytes not yet run, in arrival order. @type {Set<Connection>} */
  const waiting = new Set();
  /** The connection whose transaction or exchange is open, if any. @type {Connection | null} */
  let owner = null;
  let running = false;

  async function run() {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const next = owner ?? waiting.values().next().value;
        if (!next) break;
        const batch = next.closed ? null : next.takeBatch();
        if (!batch) {
          waiting.delete(next);
          // why: the owner's transaction is open; nobody else may run until it sends the rest.
          if (next === owner) break;
          continue;
        }
        if (!batch.bytes) {
          // An SSL request: this socket offers no TLS, and says so ("N"); the client goes on in plain.
          next.socket.write("N");
          continue;
        }
        let reply;
        try {
          reply = await db.execProtocolRaw(batch.bytes);
        } catch (error) {
          // why: SQL errors come back as protocol messages; a throw here is PGlite failing.
          console.error("The embedded database failed on a request:", error);
          next.socket.destroy();
          await release(next);
          continue;
        }
        owner = db.isInTransaction() || !batch.endsUnitOfWork ? next : null;
        if (reply.length > 0 && !next.closed) next.socket.write(reply);
      }
    } finally {
      running = false;
    }
  }

  /** A closed connection gives up its turn; whatever it left open is rolled back. */
  async function release(connection) {
    connection.closed = true;
    waiting.delete(connection);
    if (owner !== connection) return;
    owner = null;
    if (db.isInTransaction()) await db.exec("ROLLBACK");
  }

  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const connection = new Connection(socket);
    socket.on("data", (chunk) => {
      connection.buffer = connection.buffer.length ? Buffer.concat([connection.buffer, chunk]) : chunk;
      waiting.add(connection);
      void run();
    });
    const close = async () => {
      sockets.delete(socket);
      if (connection.closed) return;
      connection.closed = true;
      // why: the batch in flight may be this connection's; roll back only after it has run.
      while (running) await new Promise((resolve) => setImmediate(resolve));
      await release(connection);
      void run();
    };
    socket.on("error", close);
    socket.on("close", close);
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(workerData.socketPath, resolve);
  });

  parentPort.on("message", async (message) => {
    if (message !== "stop") return;
    try {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      parentPort.postMessage({ stopped: true });
    } catch (error) {
      parentPort.postMessage({ stopped: true, error: String((error && error.stack) || error) });
    }
  });
  parentPort.postMessage({ ready: true });
}

main().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));

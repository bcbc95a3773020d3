import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

// The embedded database runs in a worker thread of its own (db/pglite-worker.cjs) and speaks the
// PostgreSQL wire protocol on a Unix socket, so the app talks to it exactly as it talks to a
// PostgreSQL server (pg and Prisma's pg adapter).
//
// why: in the app's thread, PGlite's query execution and result parsing took half the CPU of a
// score submission; at 100 submissions a second the one thread was 85-100 % busy and the slowest
// phones waited for it. In its own thread the database uses the machine's second core.

export interface PgliteWorkerOptions {
  /** The data folder; omitted with `template`, the database lives in memory. */
  dir?: string;
  /** A dumped PGlite data folder to start from (tests start from a migrated one). */
  template?: Uint8Array;
}

export interface PgliteWorker {
  /** The folder holding the socket: the `host` for pg (port 5432). */
  socketDir: string;
  stop(): Promise<void>;
}

export const PGLITE_SOCKET_PORT = 5432;

// why: a file Node runs as it is; the app always runs from the project's root (as migrations do).
const WORKER_FILE = path.resolve(process.cwd(), "app/db/pglite-worker.cjs");

export async function startPgliteWorker(options: PgliteWorkerOptions): Promise<PgliteWorker> {
  const socketDir = mkdtempSync(path.join(tmpdir(), "pitchday-pglite-"));
  const template = options.template ? new Uint8Array(options.template) : undefined;
  const worker = new Worker(WORKER_FILE, {
    workerData: {
      pgliteModule: require.resolve("@electric-sql/pglite"),
      dir: options.dir,
      template,
      socketPath: path.join(socketDir, `.s.PGSQL.${PGLITE_SOCKET_PORT}`),
    },
    transferList: template ? [template.buffer as ArrayBuffer] : [],
  });
  let stopping = false;
  const exited = new Promise<number>((resolve) => worker.once("exit", resolve));

  try {
    await new Promise<void>((resolve, reject) => {
      worker.once("message", (message: { ready?: boolean; error?: string }) =>
        message.ready ? resolve() : reject(new Error(`The embedded database did not start: ${message.error}`)),
      );
      worker.once("error", reject);
      exited.then((code) => reject(new Error(`The embedded database stopped while starting (exit code ${code}).`)));
    });
  } catch (error) {
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }

  // why: without its database the app can only fail every request; say so and stop, so whoever
  // runs it restarts it (the data folder is consistent: PostgreSQL recovers from its log).
  worker.on("error", (error) => {
    console.error("The embedded database failed:", error);
    process.exit(1);
  });
  exited.then((code) => {
    if (stopping) return;
    console.error(`The embedded database stopped unexpectedly (exit code ${code}).`);
    process.exit(1);
  });

  return {
    socketDir,
    async stop() {
      if (stopping) return;
      stopping = true;
      const stopped = new Promise<{ error?: string }>((resolve) => worker.once("message", resolve));
      worker.postMessage("stop");
      const outcome = await Promise.race([stopped, exited.then((): { error?: string } => ({}))]);
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
      if (outcome.error) throw new Error(`The embedded database did not close cleanly: ${outcome.error}`);
    },
  };
}

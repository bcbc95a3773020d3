import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { closeDatabase, openDatabase } from "~/db.server";
import { startCheckpointSweep } from "~/coordinators/checkpoints.server";
import { startOutboxWorker } from "~/coordinators/outbox.server";
import { startReminderJob } from "~/coordinators/reminders.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { scoreAnnouncementsSent } from "~/models/score.server";
import { databaseEngine } from "~/utils/env.server";
import { NonceProvider } from "~/utils/nonce";
import { payeeKeyNote } from "~/utils/payee-crypto.server";

const ABORT_DELAY = 5_000;

let stopMail: (() => void) | undefined;
let stopReminders: (() => void) | undefined;
let stopCheckpoints: (() => void) | undefined;

/** Called once by scripts/serve.ts before it listens: opens (and migrates) the database, starts mail. */
export async function startup(): Promise<string[]> {
  const db = await openDatabase();
  await db.warm();
  const mail = startOutboxWorker();
  stopMail = mail.stop;
  const reminders = startReminderJob();
  stopReminders = reminders.stop;
  const checkpoints = startCheckpointSweep();
  stopCheckpoints = checkpoints.stop;
  return [`Database: ${databaseEngine() === "pglite" ? "embedded PGlite" : "PostgreSQL"} at ${db.location}`, mail.note, reminders.note, checkpoints.note, payeeKeyNote()];
}

export async function shutdown() {
  stopMail?.();
  stopReminders?.();
  stopCheckpoints?.();
  await scoreAnnouncementsSent();
  await closeLiveBus();
  await closeDatabase();
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
}

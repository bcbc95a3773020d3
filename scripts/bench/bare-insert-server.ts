// The yardstick for the score-submission and audience benchmarks: a bare Node HTTP server that
// takes the same form body a phone posts and does only the one unavoidable write (a ScoreSheet
// row with its items, or an AudienceBallot with its votes, through the same Prisma client on the
// same database engine). No Remix, no cookie, no checks, no audit entry, no live-bus publish:
// what is left when those are gone.
// POST /score/<panellistId>/<bidId>?slot=<slotId>, POST /ballot/<eventId>, GET /healthz.
// PORT, PGLITE_DIR or DATABASE_URL from the environment. Benchmark use only.
import { randomBytes } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import { closeDatabase, db, openDatabase } from "~/db.server";

async function main() {
  await openDatabase({ migrate: false });
  // why: (panellist, bid, version) is unique; this process is the only writer of its panellists.
  const versions = new Map<string, number>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      return;
    }
    const ballot = /^\/ballot\/([^/]+)$/.exec(url.pathname);
    if (req.method === "POST" && ballot) {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => void writeBallot(ballot[1], new URLSearchParams(Buffer.concat(chunks).toString("utf8")), res));
      return;
    }
    const match = /^\/score\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method !== "POST" || !match) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      try {
        const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        const [, panellistId, bidId] = match;
        const key = `${panellistId}/${bidId}`;
        const version = (versions.get(key) ?? 0) + 1;
        versions.set(key, version);
        const items = [...form.entries()]
          .filter(([name]) => name.startsWith("items."))
          .map(([name, value]) => ({ criterionId: name.slice("items.".length), value: Number(value) }));
        await db().scoreSheet.create({
          data: {
            panellistId,
            bidId,
            slotId: url.searchParams.get("slot"),
            version,
            // why: the yardstick never ends a sheet's previous version, so none of its sheets may
            // count as current: thousands of "current" sheets on the bench's event would make
            // every read of the event's live state (the fan-out's) slower than any real evening's.
            current: false,
            clientMutationId: form.get("clientMutationId") ?? "",
            comment: form.get("comment") ?? "",
            items: { create: items },
          },
          select: { id: true },
        });
        res.writeHead(302, { Location: `/saved/${version}` }).end();
      } catch (error) {
        console.error(error);
        res.writeHead(500, { "Content-Type": "text/plain" }).end((error as Error).message);
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1");

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void closeDatabase().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

async function writeBallot(eventId: string, form: URLSearchParams, res: ServerResponse) {
  try {
    const votes = form.getAll("bidIds").map((bidId) => ({ bidId, points: 1 }));
    await db().audienceBallot.create({
      data: { eventId, voterKeyHash: randomBytes(32).toString("hex"), lastMutationId: form.get("clientMutationId"), votes: { create: votes } },
      select: { id: true },
    });
    res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
  } catch (error) {
    console.error(error);
    res.writeHead(500, { "Content-Type": "text/plain" }).end((error as Error).message);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

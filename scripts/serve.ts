// The HTTP server: security headers, the cross-site write check, static files, the request
// body (cut at its limit: scripts/lib/request-body.ts), then Remix.
// Usage: tsx scripts/serve.ts (after `remix build`). PORT, HOST, TRUST_PROXY from the environment.
import "./lib/v8-flags";
import path from "node:path";
import express from "express";
import compression from "compression";
import type { ServerBuild } from "@remix-run/node";
import { listenAddress, startupReport } from "../app/utils/reachability.server";
import { createNonce, isCrossSiteWrite, securityHeaders } from "../app/utils/security-headers";
import { readBody, remixHandler } from "./lib/request-body";

// why: payment webhooks are signed JSON from Stripe's servers, not forms from a browser.
const RAW_BODY_PATHS = ["/webhooks/"];

async function main() {
  const production = process.env.NODE_ENV === "production";
  const out = process.env.PITCHDAY_BUILD_DIR;
  const buildPath = path.resolve(__dirname, "..", out ? `${out}/index.js` : "build/index.js");
  const assetsPath = path.resolve(__dirname, "..", out ? `${out}/assets` : "public/build");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require(buildPath) as ServerBuild & {
    entry: { module: { startup?: () => Promise<string[]>; shutdown?: () => Promise<void> } };
  };
  const notes = (await build.entry.module.startup?.()) ?? [];

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY === "on") app.set("trust proxy", true);
  app.use(compression({ filter: (req, res) => !String(res.getHeader("Content-Type") ?? "").includes("text/event-stream") && compression.filter(req, res) }));

  app.use((req, res, next) => {
    // why: routes learn the caller's address from this header only; never trust one sent in.
    req.headers["x-pitchday-remote-address"] = req.socket.remoteAddress ?? "unknown";
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    for (const [name, value] of Object.entries(securityHeaders(nonce, { production }))) {
      res.setHeader(name, value);
    }
    const crossSite = isCrossSiteWrite({
      method: req.method,
      origin: req.headers.origin,
      secFetchSite: req.headers["sec-fetch-site"] as string | undefined,
      host: req.headers.host,
      protocol: req.protocol,
    });
    if (crossSite && !RAW_BODY_PATHS.some((prefix) => req.path.startsWith(prefix))) {
      res.status(403).type("text/plain").send("This form must be sent from a Pitchday page.");
      return;
    }
    next();
  });

  app.use(
    "/build",
    express.static(assetsPath, { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.resolve(__dirname, "../public"), { maxAge: "1h" }));
  app.all(
    "*",
    readBody({ rawPaths: RAW_BODY_PATHS }),
    remixHandler(build, production ? "production" : "development", (res) => ({ cspNonce: res.locals.cspNonce as string })),
  );

  const port = Number(process.env.PORT ?? 3000);
  const server = app.listen(listenAddress(process.env), () => {
    for (const line of notes) console.log(line);
    console.log(`Pitchday is running at http://localhost:${port}`);
    for (const line of startupReport(process.env)) console.log(line);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections?.();
    void (build.entry.module.shutdown?.() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

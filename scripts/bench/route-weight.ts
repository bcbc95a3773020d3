import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

// The JS a browser loads for one page, read from the built client's manifest rather than from a
// running server: the entry, and the module and imports of every route from root down to the
// page (what Remix's <Scripts> modulepreloads), each gzip-compressed once. Pages behind a private
// link (bid, award, invite tokens) are measured the same way as open ones.
// The manifest file counts only without lazy route discovery: with it (future.v3_lazyRouteDiscovery
// in remix.config.js), <Scripts> inlines the page's part of the manifest in the HTML (counted in
// the HTML's weight) and never loads manifest-*.js. Checked in Chromium: a page loads exactly the
// files counted here, also after hydration and typing in a field; `npm run bench` compares the
// figure with the scripts each served page names.

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}

interface Manifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, ManifestRoute>;
}

export interface RouteWeight {
  routeId: string;
  jsGzipBytes: number;
  scripts: number;
}

function gz(text: string) {
  return gzipSync(Buffer.from(text), { level: 6 }).length;
}

export function readClientManifest(publicDir: string): { manifest: Manifest; manifestFile: string } {
  const buildDir = path.join(publicDir, "build");
  const name = readdirSync(buildDir).find((file) => /^manifest-[A-Z0-9]+\.js$/.test(file));
  if (!name) throw new Error(`No manifest-*.js in ${buildDir}: build the app first (npx remix build).`);
  const text = readFileSync(path.join(buildDir, name), "utf8");
  const json = text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "");
  return { manifest: JSON.parse(json) as Manifest, manifestFile: `/build/${name}` };
}

function lazyRouteDiscovery(root: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(root, "remix.config.js")) as { future?: { v3_lazyRouteDiscovery?: boolean } };
  return config.future?.v3_lazyRouteDiscovery === true;
}

export function routeWeight(publicDir: string, routeId: string): RouteWeight {
  const { manifest, manifestFile } = readClientManifest(publicDir);
  const sources = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  if (!lazyRouteDiscovery(path.dirname(publicDir))) sources.add(manifestFile);
  const chain: ManifestRoute[] = [];
  for (let route: ManifestRoute | undefined = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    chain.unshift(route);
  }
  if (chain.length === 0) throw new Error(`No route "${routeId}" in the client manifest.`);
  for (const route of chain) for (const src of [route.module, ...(route.imports ?? [])]) sources.add(src);
  let jsGzipBytes = 0;
  for (const src of sources) jsGzipBytes += gz(readFileSync(path.join(publicDir, src), "utf8"));
  return { routeId, jsGzipBytes, scripts: sources.size };
}

// why: a group, panellist or audience member opens these on a phone, often on a venue's Wi-Fi;
// staff pages are opened on a laptop and may carry more.
const PUBLIC_LIMIT_KB = 100;
const STAFF_LIMIT_KB = 130;

export const PAGE_WEIGHT_TARGETS: { label: string; routeId: string; limitKb: number }[] = [
  { label: "home", routeId: "routes/_index", limitKb: PUBLIC_LIMIT_KB },
  { label: "page not found", routeId: "routes/$", limitKb: PUBLIC_LIMIT_KB },
  { label: "round list", routeId: "routes/rounds._index", limitKb: PUBLIC_LIMIT_KB },
  { label: "round page", routeId: "routes/rounds.$slug", limitKb: PUBLIC_LIMIT_KB },
  { label: "apply", routeId: "routes/rounds.$slug_.apply", limitKb: PUBLIC_LIMIT_KB },
  { label: "check answers", routeId: "routes/bid.$token_.check", limitKb: PUBLIC_LIMIT_KB },
  { label: "submitted", routeId: "routes/bid.$token_.submitted", limitKb: PUBLIC_LIMIT_KB },
  { label: "private bid page", routeId: "routes/bid.$token", limitKb: PUBLIC_LIMIT_KB },
  { label: "edit bid", routeId: "routes/bid.$token_.edit", limitKb: PUBLIC_LIMIT_KB },
  { label: "accept award", routeId: "routes/bid.$token_.accept", limitKb: PUBLIC_LIMIT_KB },
  { label: "payout", routeId: "routes/bid.$token_.payout", limitKb: PUBLIC_LIMIT_KB },
  { label: "payout outcome", routeId: "routes/payout.$outcome", limitKb: PUBLIC_LIMIT_KB },
  { label: "bank details", routeId: "routes/bid.$token_.bank-details", limitKb: PUBLIC_LIMIT_KB },
  { label: "grant report", routeId: "routes/bid.$token_.report", limitKb: PUBLIC_LIMIT_KB },
  { label: "withdraw bid", routeId: "routes/bid.$token_.withdraw", limitKb: PUBLIC_LIMIT_KB },
  { label: "vote (enter code)", routeId: "routes/vote._index", limitKb: PUBLIC_LIMIT_KB },
  { label: "vote ballot page", routeId: "routes/vote.$code", limitKb: PUBLIC_LIMIT_KB },
  { label: "panel join", routeId: "routes/panel.join.$token", limitKb: PUBLIC_LIMIT_KB },
  { label: "panel event", routeId: "routes/panel.$eventId._index", limitKb: PUBLIC_LIMIT_KB },
  { label: "score page", routeId: "routes/panel.$eventId.score.$bidId", limitKb: PUBLIC_LIMIT_KB },
  { label: "panel conflicts", routeId: "routes/panel.$eventId.conflicts", limitKb: PUBLIC_LIMIT_KB },
  { label: "screen", routeId: "routes/screen.$eventId", limitKb: PUBLIC_LIMIT_KB },
  { label: "results list", routeId: "routes/results._index", limitKb: PUBLIC_LIMIT_KB },
  { label: "results event", routeId: "routes/results.$eventId", limitKb: PUBLIC_LIMIT_KB },
  { label: "login", routeId: "routes/login", limitKb: PUBLIC_LIMIT_KB },
  { label: "password forgot", routeId: "routes/password.forgot", limitKb: PUBLIC_LIMIT_KB },
  { label: "password reset", routeId: "routes/password.reset.$token", limitKb: PUBLIC_LIMIT_KB },
  { label: "invite", routeId: "routes/invite.$token", limitKb: PUBLIC_LIMIT_KB },
  { label: "decisions (staff)", routeId: "routes/staff.events.$eventId.decisions", limitKb: STAFF_LIMIT_KB },
];

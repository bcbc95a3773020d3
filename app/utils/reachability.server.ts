import os from "node:os";
import { isLoopbackUrl } from "./public-origin";
import type { PageReach } from "~/utils/public-origin";

// Can the phones in the hall reach the addresses we show? At start (scripts/serve.ts) and on the
// event page we say so in plain words when they cannot, and name the addresses this machine has
// on the local network, which is what APP_URL should be on a laptop at the venue.
//
// Interface:
//   listenAddress(env)                       -> { port, host? } for server.listen (no host: every interface)
//   lanAddresses(interfaces?)                -> this machine's IPv4 addresses other phones can reach
//   startupReport(env, interfaces?)          -> lines for the console
//   pageReach({ origin, appUrl, interfaces? }) -> what the event page says, or null when all is well

type Interfaces = NodeJS.Dict<os.NetworkInterfaceInfo[]>;
type Env = Record<string, string | undefined>;

export function listenAddress(env: Env): { port: number; host?: string } {
  const port = Number(env.PORT || 3000);
  // why no default host: Node then listens on every interface, IPv6 and IPv4 alike (0.0.0.0 would drop IPv6).
  return env.HOST ? { port, host: env.HOST } : { port };
}

/** IPv4 addresses on real interfaces (no loopback, no self-assigned 169.254.x.x), in interface order. */
export function lanAddresses(interfaces: Interfaces = os.networkInterfaces()): string[] {
  const found: string[] = [];
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === "IPv4" && !info.internal && !info.address.startsWith("169.254.")) found.push(info.address);
    }
  }
  return [...new Set(found)];
}

function lanAdvice(port: number, interfaces?: Interfaces): string[] {
  const urls = lanAddresses(interfaces).map((address) => `http://${address}:${port}`);
  if (urls.length === 0) {
    return ["This machine has no local network address yet: join the venue's Wi-Fi (or a phone's hotspot), then start Pitchday again."];
  }
  return [
    `Phones on the venue Wi-Fi can reach this laptop at ${urls.join(" or ")} — start with APP_URL=${urls[0]}`,
    "and open the staff pages at that address, so the links and QR codes you show and send work on phones.",
  ];
}

export function startupReport(env: Env, interfaces?: Interfaces): string[] {
  const { port, host } = listenAddress(env);
  const appUrl = env.APP_URL || "http://localhost:3000";
  const lines: string[] = [];
  if (host && isLoopbackUrl(`http://${host.includes(":") ? `[${host}]` : host}`)) {
    lines.push(`HOST=${host}: only this machine can connect. Leave HOST unset (or set HOST=0.0.0.0) so phones can reach Pitchday.`);
  }
  if (!isLoopbackUrl(appUrl)) return [...lines, `Links in emails, on pages and in QR codes point at ${new URL(appUrl).origin}.`];
  lines.push(
    env.APP_URL
      ? `APP_URL is ${appUrl}, an address only this machine can open: emailed links will not work on phones.`
      : "APP_URL is not set, so emailed links point at http://localhost:3000, which phones cannot open.",
  );
  return [...lines, ...lanAdvice(port, interfaces)];
}

/** What to tell an organiser whose page shows links phones cannot open; null when they can. */
export function pageReach({ origin, appUrl, interfaces }: { origin: string; appUrl: string; interfaces?: Interfaces }): PageReach | null {
  const emailsLoopback = isLoopbackUrl(appUrl);
  const shownLoopback = isLoopbackUrl(origin);
  if (!shownLoopback && !emailsLoopback) return null;
  const url = new URL(origin);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const lanUrls = lanAddresses(interfaces).map((address) => `${url.protocol}//${address}${url.port ? `:${port}` : ""}`);
  return { shown: origin, shownLoopback, lanUrls, emailsLoopback };
}

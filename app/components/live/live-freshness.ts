import type { LiveState } from "~/domain/live-state";

// Which live state a page shows and how far its clock is from the server's. Kept apart from
// live-view.ts (the chair's and the screen's words) so the phones' scripts carry only this.

/** Server time minus this device's time, taken when a state arrives (clock skew corrected). */
export function clockOffset(serverNow: string, clientNowMs: number): number {
  const server = Date.parse(serverNow);
  return Number.isFinite(server) ? server - clientNowMs : 0;
}

/**
 * States carry the version of the latest change they include. An older one (a slow poll that
 * crossed a stream message) is ignored; the same version again is taken for its fresher clock.
 */
export function newer(current: Pick<LiveState, "version"> | null, incoming: Pick<LiveState, "version">) {
  return !current || incoming.version >= current.version;
}

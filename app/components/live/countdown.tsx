import { useEffect, useState } from "react";
import type { LiveSlot } from "~/domain/live-state";
import { useT } from "~/i18n/i18n-context";
import { countdownView } from "./live-view";

// The pitch timer, drawn from the server's end time and clock (never counted on the device):
// it ticks between updates and stays right after a reconnect. It is a role="timer" region,
// which screen readers do not announce by themselves; phase changes are announced elsewhere.

interface CountdownProps {
  slot: Pick<LiveSlot, "state" | "phaseEndsAt" | "pausedRemainingMs"> | null;
  /** The state's serverNow: what the first render shows, so it matches the server's HTML. */
  serverNow: string;
  /** Server time minus device time; null until the page runs in the browser. */
  offsetMs: number | null;
  size?: "screen" | "chair";
  /** Shown when no timed phase is running (for example "Scoring"). */
  idle?: React.ReactNode;
  /** How its words are said: in the page's language unless told (the big screen says both). */
  say?: (key: string) => React.ReactNode;
}

export function Countdown({ slot, serverNow, offsetMs, size = "chair", idle, say }: CountdownProps) {
  const t = useT();
  const word = say ?? t;
  const running = Boolean(slot && slot.phaseEndsAt && slot.pausedRemainingMs === null && (slot.state === "PITCHING" || slot.state === "QUESTIONS"));
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running || offsetMs === null) return;
    const timer = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [running, offsetMs]);

  const nowMs = offsetMs === null ? Date.parse(serverNow) : Date.now() + offsetMs;
  const view = countdownView(slot, nowMs);
  if (!view) {
    return idle ? (
      <div className={`countdown countdown--${size} countdown--idle`}>
        <span className="countdown__status">{idle}</span>
      </div>
    ) : null;
  }
  const modifier = view.paused ? "countdown--paused" : view.overtime ? "countdown--over" : view.remainingSeconds <= 30 ? "countdown--ending" : "";
  return (
    <div className={`countdown countdown--${size} ${modifier}`} role="timer">
      {view.paused ? <span className="countdown__status">{word("live.countdown.paused")}</span> : null}
      <span className="countdown__digits">{view.clock}</span>
      {view.overtime ? <span className="countdown__status countdown__status--over"> {word("live.countdown.over")}</span> : null}
      {!view.paused && !view.overtime ? <span className="visually-hidden"> {word("live.countdown.left")}</span> : null}
    </div>
  );
}

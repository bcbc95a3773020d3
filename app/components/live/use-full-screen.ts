import { useCallback, useEffect, useRef, useState } from "react";

// Full screen for the projector's own element, by button or by F (which can be turned off, and
// the choice is remembered on this computer).

const SHORTCUT_KEY = "pitchday.screen.shortcut";

export function useFullScreen() {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(false);
  const [shortcut, setShortcutState] = useState(true);

  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void ref.current?.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    try {
      setShortcutState(window.localStorage.getItem(SHORTCUT_KEY) !== "off");
    } catch {
      // why: storage can be blocked; the shortcut then stays on for this visit.
    }
    const onChange = () => setActive(document.fullscreenElement === ref.current && ref.current !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "f" && e.key !== "F") return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if ((e.target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable]")) return;
      e.preventDefault();
      toggle();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shortcut, toggle]);

  const setShortcut = (on: boolean) => {
    setShortcutState(on);
    try {
      window.localStorage.setItem(SHORTCUT_KEY, on ? "on" : "off");
    } catch {
      // see above
    }
  };

  return { ref, active, toggle, shortcut, setShortcut };
}

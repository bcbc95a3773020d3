import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * The one page of a new pitch is not in the live state (only titles are): fetch the page's data
 * again when the chair moves on, once per pitch, unless the phone knows it is offline.
 */
export function useFreshOnePage(stale: boolean, currentSlotId: string | null) {
  const revalidator = useRevalidator();
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!stale || askedFor.current === currentSlotId || revalidator.state !== "idle" || navigator.onLine === false) return;
    askedFor.current = currentSlotId;
    revalidator.revalidate();
  }, [stale, currentSlotId, revalidator]);
}

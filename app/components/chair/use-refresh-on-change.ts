import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Fetch the page's loader data again when `key` changes. For what the live state only counts
 * (who declared a conflict, how many awards there are to reveal): staff-only details the
 * stream does not carry.
 */
export function useRefreshOnChange(key: string) {
  const revalidator = useRevalidator();
  const seen = useRef(key);
  useEffect(() => {
    if (key === seen.current) return;
    seen.current = key;
    if (revalidator.state === "idle") revalidator.revalidate();
  }, [key, revalidator]);
}

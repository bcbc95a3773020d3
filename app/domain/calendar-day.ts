// "Today" where a fund is, as a calendar day. why a file of its own, on Intl rather than
// date-fns: the bid form runs it in the browser, where Intl costs a phone nothing to download.

/** Today's date where the fund is, as YYYY-MM-DD. */
export function todayIn(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

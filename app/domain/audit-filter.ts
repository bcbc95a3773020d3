import { addDays, format } from "date-fns";
import * as z from "zod";
import { zonedToUtc } from "~/domain/zoned-time";

// The audit log's filters, read from the address bar (a GET form, so they work without
// JavaScript and a filtered view can be bookmarked or sent to a colleague).

export const ACTOR_TYPE_VALUES = ["user", "group", "panellist", "audience", "system"] as const;

export const AUDIT_PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateField = (which: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (DATE.test(v) && isRealDate(v)), { error: `Enter the ${which} date as a real date, for example 2027-03-01.` });

function isRealDate(value: string) {
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const formSchema = z
  .object({
    event: z.string().trim().max(100).default(""),
    actor: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || ACTOR_TYPE_VALUES.includes(v.split(":")[0] as never), { error: "Choose who did it from the list." }),
    action: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^[a-z_]+\.[a-z_]+$/.test(v), { error: "Choose an action from the list." }),
    from: dateField("first").default(""),
    to: dateField("last").default(""),
    page: z
      .string()
      .trim()
      .default("1")
      .transform((v) => (/^\d{1,6}$/.test(v) && Number(v) >= 1 ? Number(v) : 1)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: "The last date must be the same as or after the first date." });

export interface AuditFilter {
  eventId: string | null;
  actorType: string | null;
  actorId: string | null;
  action: string | null;
  /** Inclusive start of the first day, in the fund's time zone. */
  from: Date | null;
  /** Exclusive: the start of the day after the last day. */
  before: Date | null;
  page: number;
}

export type FilterValues = Record<"event" | "actor" | "action" | "from" | "to", string>;

export type ParsedFilter =
  | { ok: true; filter: AuditFilter; values: FilterValues }
  | { ok: false; errors: Record<string, string>; values: FilterValues };

/** Reads the filters from the address; days are whole days in `timeZone` (Europe/London). */
export function parseAuditFilter(params: URLSearchParams, timeZone: string): ParsedFilter {
  const raw = Object.fromEntries(["event", "actor", "action", "from", "to", "page"].map((k) => [k, params.get(k) ?? undefined]));
  const values: FilterValues = {
    event: raw.event?.trim() ?? "",
    actor: raw.actor?.trim() ?? "",
    action: raw.action?.trim() ?? "",
    from: raw.from?.trim() ?? "",
    to: raw.to?.trim() ?? "",
  };
  const result = formSchema.safeParse(raw);
  if (!result.success) {
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] ??= issue.message;
    }
    return { ok: false, errors, values };
  }
  const f = result.data;
  const [actorType, ...rest] = f.actor ? f.actor.split(":") : [""];
  return {
    ok: true,
    values,
    filter: {
      eventId: f.event || null,
      actorType: actorType || null,
      actorId: rest.length ? rest.join(":") || null : null,
      action: f.action || null,
      from: f.from ? zonedToUtc(`${f.from}T00:00`, timeZone) : null,
      before: f.to ? zonedToUtc(`${nextDay(f.to)}T00:00`, timeZone) : null,
      page: f.page,
    },
  };
}

function nextDay(day: string) {
  const [y, m, d] = day.split("-").map(Number);
  return format(addDays(new Date(y, m - 1, d), 1), "yyyy-MM-dd");
}

/** The address of a page of the same filtered log. */
export function filterQuery(values: Partial<FilterValues>, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

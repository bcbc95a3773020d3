import * as z from "zod";
import { zonedToUtc } from "./zoned-time";

// The organiser's event form (title, when, where, how long each pitch and its questions last),
// shared by the form's action and the model.
//
// Interface:
//   eventSetupSchema(timeZone) -> zod; output EventSetup (startsAt as a UTC Date)
//   parseDuration("3:00" | "180") -> 180 | null;  formatDuration(180) -> "3:00"
//   DURATION_MIN_SECONDS, DURATION_MAX_SECONDS

export const DURATION_MIN_SECONDS = 30;
export const DURATION_MAX_SECONDS = 30 * 60;

export interface EventSetup {
  title: string;
  startsAt: Date;
  venue: string;
  pitchSeconds: number;
  questionSeconds: number;
}

/** Minutes and seconds ("3:00") or whole seconds ("180"); null when neither. */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (/^\d{1,4}$/.test(value)) return Number(value);
  return null;
}

export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function duration(label: string) {
  const problem = `Enter the ${label} as minutes and seconds, like 3:00, between 0:30 and 30:00.`;
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((raw, ctx) => {
      const seconds = typeof raw === "number" ? raw : raw === undefined || raw.trim() === "" ? null : parseDuration(raw);
      if (seconds === null && (raw === undefined || (typeof raw === "string" && raw.trim() === ""))) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label}, like 3:00.` });
        return z.NEVER;
      }
      if (seconds === null || !Number.isInteger(seconds) || seconds < DURATION_MIN_SECONDS || seconds > DURATION_MAX_SECONDS) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return seconds;
    });
}

export function eventSetupSchema(timeZone: string) {
  return z.object({
    title: z
      .string({ error: "Enter a title for the event." })
      .trim()
      .min(1, "Enter a title for the event.")
      .max(120, "The title must be 120 characters or fewer."),
    startsAt: z
      .string({ error: "Enter the date and time the event starts." })
      .trim()
      .min(1, "Enter the date and time the event starts.")
      .transform((local, ctx) => {
        const instant = zonedToUtc(local, timeZone);
        if (!instant) {
          ctx.addIssue({ code: "custom", message: "Enter a real date and time, like 14/05/2027 19:00." });
          return z.NEVER;
        }
        return instant;
      }),
    venue: z
      .string({ error: "Enter where the event takes place." })
      .trim()
      .min(1, "Enter where the event takes place.")
      .max(200, "The venue must be 200 characters or fewer."),
    pitchSeconds: duration("pitch length"),
    questionSeconds: duration("time for questions"),
  });
}

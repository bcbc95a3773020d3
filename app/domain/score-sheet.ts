import * as z from "zod";

// What a panellist sends for one pitch, checked against the round's criteria. The same schema
// serves the no-JavaScript form (fields named `items.<criterionId>`, `comment`,
// `clientMutationId`), the phone's offline queue (JSON with nested `items`) and the server.
//
// Interface:
//   scoreSheetSchema(criteria) -> zod schema; output ScoreSubmission (items in criteria order)
//   itemFieldName(criterionId) -> "items.<id>" (input name, and the key of its error message)
//   COMMENT_MAX

export const COMMENT_MAX = 1_000;

export interface SheetCriterion {
  id: string;
  name: string;
  scaleMin: number;
  scaleMax: number;
}

export interface ScoreSubmission {
  items: { criterionId: string; value: number }[];
  comment: string;
  clientMutationId: string;
}

export function itemFieldName(criterionId: string) {
  return `items.${criterionId}`;
}

// why: FormData arrives flat ("items.abc" = "4"); the JSON queue sends { items: { abc: 4 } };
// code that already holds a sheet (the demo seed, tests) passes its items as this schema's output.
function foldItems(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const source = input as Record<string, unknown>;
  if (Array.isArray(source.items)) {
    const listed = source.items as { criterionId?: unknown; value?: unknown }[];
    if (!listed.every((item) => typeof item?.criterionId === "string")) return input;
    return { ...source, items: Object.fromEntries(listed.map((item) => [item.criterionId, item.value])) };
  }
  const flat = Object.keys(source).filter((key) => key.startsWith("items."));
  if (flat.length === 0) return input;
  const nested =
    typeof source.items === "object" && source.items !== null ? { ...(source.items as Record<string, unknown>) } : {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith("items.")) nested[key.slice("items.".length)] = value;
    else if (key !== "items") rest[key] = value;
  }
  return { ...rest, items: nested };
}

function readValue(raw: unknown): number | null | "invalid" {
  if (raw === undefined || raw === null || raw === "") return null;
  if (typeof raw === "number") return Number.isInteger(raw) ? raw : "invalid";
  if (typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw)) return Number(raw);
  return "invalid";
}

// why: the server checks every score of the night against one or two rounds' criteria, and
// building a schema costs more than running it; so each set of criteria builds its schema once.
const MOST_KEPT = 64;
const built = new Map<string, ReturnType<typeof buildSchema>>();

export function scoreSheetSchema(criteria: readonly SheetCriterion[]) {
  const key = JSON.stringify(criteria.map((c) => [c.id, c.name, c.scaleMin, c.scaleMax]));
  let schema = built.get(key);
  if (!schema) {
    if (built.size >= MOST_KEPT) built.clear();
    schema = buildSchema(criteria.map((c) => ({ ...c })));
    built.set(key, schema);
  }
  return schema;
}

function buildSchema(criteria: readonly SheetCriterion[]) {
  const items = z
    .record(z.string(), z.unknown())
    .optional()
    .transform((raw, ctx) => {
      const given = raw ?? {};
      const known = new Set(criteria.map((c) => c.id));
      if (Object.keys(given).some((id) => !known.has(id))) {
        ctx.addIssue({
          code: "custom",
          message: "The criteria for this round have changed since the page was opened. Reload the page and score again.",
        });
        return z.NEVER;
      }
      const out: ScoreSubmission["items"] = [];
      for (const criterion of criteria) {
        const value = readValue(given[criterion.id]);
        const range = `${criterion.scaleMin} to ${criterion.scaleMax}`;
        if (value === null) {
          ctx.addIssue({ code: "custom", path: [criterion.id], message: `Choose a score for ${criterion.name}, from ${range}.` });
        } else if (value === "invalid" || value < criterion.scaleMin || value > criterion.scaleMax) {
          ctx.addIssue({
            code: "custom",
            path: [criterion.id],
            message: `The score for ${criterion.name} must be a whole number from ${range}.`,
          });
        } else {
          out.push({ criterionId: criterion.id, value });
        }
      }
      return out.length === criteria.length ? out : z.NEVER;
    });

  return z.preprocess(
    foldItems,
    z.object({
      items,
      comment: z
        .string({ error: "Enter your comment as text." })
        .trim()
        .max(COMMENT_MAX, `Your comment must be ${COMMENT_MAX.toLocaleString("en-GB")} characters or fewer.`)
        .optional()
        .transform((comment) => comment ?? ""),
      clientMutationId: z.uuid({
        error: "This score could not be matched to your device's submission. Reload the page and send it again.",
      }),
    }),
  );
}

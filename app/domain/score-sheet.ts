import * as z from "zod";
import { issueMessages } from "./issue-messages";
import { message, type MessageErrors, type PlainMessage } from "./message";
import { missingScore } from "./panel-phone";

// What a panellist sends for one pitch, checked against the round's criteria. The same schema
// serves the no-JavaScript form (fields named `items.<criterionId>`, `comment`,
// `clientMutationId`), the phone's offline queue (JSON with nested `items`) and the server.
//
// Interface:
//   scoreSheetSchema(criteria) -> zod schema; output ScoreSubmission (items in criteria order)
//   itemFieldName(criterionId) -> "items.<id>" (input name, and the key of its error message)
//   sheetErrors(zodError)      -> MessageErrors by field (catalogue keys with the criterion's facts)
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

// why: each problem is a catalogue key with its facts (the criterion's name and scale), so the
// phone says it in the panellist's language; the issue carries it as params.problem.
function problem(ctx: z.RefinementCtx, path: PropertyKey[], said: PlainMessage) {
  ctx.addIssue({ code: "custom", path, message: said.key, params: { problem: said } });
}

/** What is wrong with a sheet, field by field ("items.<criterionId>", "comment"), as catalogue keys with facts. */
export function sheetErrors(error: z.ZodError): MessageErrors {
  return issueMessages(error.issues);
}

function buildSchema(criteria: readonly SheetCriterion[]) {
  // why: items in a shape no page sends come from a page older than the criteria.
  const items = z
    .record(z.string(), z.unknown(), { error: "score.error.criteriaChanged" })
    .optional()
    .transform((raw, ctx) => {
      const given = raw ?? {};
      const known = new Set(criteria.map((c) => c.id));
      if (Object.keys(given).some((id) => !known.has(id))) {
        problem(ctx, [], message("score.error.criteriaChanged"));
        return z.NEVER;
      }
      const out: ScoreSubmission["items"] = [];
      for (const criterion of criteria) {
        const value = readValue(given[criterion.id]);
        if (value === null) {
          problem(ctx, [criterion.id], missingScore(criterion));
        } else if (value === "invalid" || value < criterion.scaleMin || value > criterion.scaleMax) {
          problem(ctx, [criterion.id], message("score.error.outOfScale", { name: criterion.name, min: criterion.scaleMin, max: criterion.scaleMax }));
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
        .string({ error: "score.error.commentText" })
        .optional()
        .transform((raw, ctx) => {
          const comment = (raw ?? "").trim();
          if (comment.length > COMMENT_MAX) problem(ctx, [], message("score.error.commentTooLong", { max: COMMENT_MAX }));
          return comment;
        }),
      clientMutationId: z.uuid({ error: "score.refusal.unmatched" }),
    }),
  );
}

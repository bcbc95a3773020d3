import { notFound } from "~/utils/http.server";

// What an address may hold where a route expects an id, a link token or a code, checked before
// any query: anything else (a NUL byte, an over-long string, the wrong alphabet) cannot be one of
// ours, so the answer is "not found", never a database error.
//
// Interface:
//   routeParam(params, name, shape = "id") -> the value, or throws a 404 Response
//   asRecordId(value)                      -> a posted id if it has the shape of one, else ""

const SHAPES = {
  /** Prisma's cuid(): 25 lowercase letters and digits; a little room either side. */
  id: /^[a-z0-9]{20,32}$/,
  /** randomUUID(): audit checkpoints. */
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /** 32 random bytes in base64url: bid, invite, reset and panel links. */
  token: /^[A-Za-z0-9_-]{43}$/,
  /** A round's web address name (SLUG_PATTERN, at most 60 characters). */
  slug: /^(?=.{1,60}$)[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** A join or ticket code as someone typed it: letters, digits, spaces and hyphens. */
  code: /^[A-Za-z0-9 -]{1,24}$/,
  /** A word from a fixed list (a file name, an outcome): the route checks which. */
  word: /^[a-z0-9-]{1,40}$/,
} as const;

export type ParamShape = keyof typeof SHAPES;

export function routeParam(params: Partial<Record<string, string>>, name: string, shape: ParamShape = "id"): string {
  const value = params[name];
  if (typeof value !== "string" || !SHAPES[shape].test(value)) throw notFound();
  return value;
}

/** An id posted in a form field (not through a schema): "" when it cannot be one of ours. */
export function asRecordId(value: unknown): string {
  return typeof value === "string" && SHAPES.id.test(value) ? value : "";
}

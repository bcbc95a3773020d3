import { createHash } from "node:crypto";

// Names for the statements Prisma sends, so that pg prepares each one once per connection and
// then only binds and runs it.
//
// why: parsing and planning is a large share of what a small query costs, most of all in
// PGlite (PostgreSQL compiled to WebAssembly), and the same few statements run for every score
// and ballot. Prisma writes a new text for each length of an IN list, so the number of names is
// capped: a text first seen past the cap goes unnamed and is prepared each time, as before.
//
// Interface:
//   statementName({ sql }) -> "pd_<hash of the text>", or "" (pg's unnamed statement) past the cap

const MOST_NAMED = 2_000;
const names = new Map<string, string>();

export function statementName(query: { sql: string }): string {
  const known = names.get(query.sql);
  if (known !== undefined) return known;
  if (names.size >= MOST_NAMED) return "";
  const name = `pd_${createHash("sha256").update(query.sql).digest("base64url").slice(0, 40)}`;
  names.set(query.sql, name);
  return name;
}

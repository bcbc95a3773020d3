import { createHash, randomBytes } from "node:crypto";

// Names for one connection's statements, so that pg prepares each one once and then only binds
// and runs it.
//
// why: parsing and planning is a large share of what a small query costs, most of all in
// PGlite (PostgreSQL compiled to WebAssembly), and the same few statements run for every score
// and ballot. Prisma writes a new text for each length of an IN list, so the number of names is
// capped: a text first seen past the cap goes unnamed and is prepared each time, as before.
// Each connection's names carry a prefix of their own, because on PGlite every connection (a
// second process's, or one made again after an error) shares one database session, where a
// name prepared by another connection would already exist.
//
// Interface:
//   new StatementNames() .nameFor(text) -> "pd_<connection>_<hash of the text>", or "" (pg's
//                                          unnamed statement) past the cap

const MOST_NAMED = 2_000;

export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly prefix = `pd_${randomBytes(6).toString("base64url")}_`;

  nameFor(text: string): string {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (this.names.size >= MOST_NAMED) return "";
    const name = this.prefix + createHash("sha256").update(text).digest("base64url").slice(0, 40);
    this.names.set(text, name);
    return name;
  }
}

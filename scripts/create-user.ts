// Creates a staff account from the command line: the first administrator of a new install,
// or anyone when no one can sign in to invite them.
//
//   npm run user:create -- --email ann@example.org --name "Ann Lee" --roles ADMIN,ORGANISER
//
// The password comes from --password, else the PITCHDAY_PASSWORD environment variable, else
// it is asked for (not shown) in a terminal, else read from the first line of standard input
// (`echo "$PW" | npm run user:create -- ...`). Prefer the last three: a --password value can be
// seen by other users of the machine in the process list.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Readable, Writable } from "node:stream";
import { closeDatabase, openDatabase } from "../app/db.server";
import { ROLES } from "../app/domain/permissions";
import { newUserSchema } from "../app/domain/staff-forms";
import { createUser, findUserByEmail } from "../app/models/user.server";

export interface Io {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

const USAGE = `Usage: npm run user:create -- --email <address> --name "<full name>" --roles <${ROLES.join("|")}>[,...] [--password <password>]
The password may instead come from PITCHDAY_PASSWORD, a hidden prompt, or the first line of standard input.`;

const FLAG_FOR: Record<string, string> = { email: "--email", name: "--name", roles: "--roles", password: "password" };

/** Does the work and returns the exit code; `openDb` is called once the arguments make sense. */
export async function createUserFromArgs(argv: string[], io: Io, openDb: () => Promise<unknown> = async () => {}): Promise<number> {
  const fail = (lines: string[]) => {
    io.stderr.write(`${lines.join("\n")}\n`);
    return 1;
  };

  let options: { email?: string; name?: string; roles?: string; password?: string; help?: boolean };
  try {
    options = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        roles: { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail([(error as Error).message, "", USAGE]);
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const roles = (options.roles ?? "")
    .split(",")
    .map((role) => role.trim().toUpperCase())
    .filter(Boolean);
  // Check everything but the password first, so a typo does not cost a password prompt.
  const first = newUserSchema().safeParse({ email: options.email, name: options.name, roles, password: "" });
  const early = first.success ? [] : first.error.issues.filter((issue) => issue.path[0] !== "password");
  if (early.length) return fail([...problems(early), "", USAGE]);

  const email = String(options.email).trim().toLowerCase();
  const name = String(options.name);
  await openDb();
  if (await findUserByEmail(email)) return fail([`There is already an account for ${email}. Nothing was changed.`]);

  let password: string | null;
  try {
    password = options.password ?? io.env.PITCHDAY_PASSWORD ?? (await readPassword(io));
  } catch (error) {
    return fail([(error as Error).message]);
  }
  if (password === null) {
    return fail(["No password given: use --password, set PITCHDAY_PASSWORD, or type it when asked.", "", USAGE]);
  }

  const parsed = newUserSchema().safeParse({ email, name, roles, password });
  if (!parsed.success) return fail(problems(parsed.error.issues));

  try {
    await createUser(parsed.data, { actor: { type: "system" }, via: "cli" });
  } catch (error) {
    // why: someone else may have made the same account between the check above and now.
    if ((error as { code?: string }).code === "P2002") return fail([`There is already an account for ${email}. Nothing was changed.`]);
    throw error;
  }
  io.stdout.write(`Created an account for ${email} (${parsed.data.roles.join(", ")}). They can sign in now.\n`);
  return 0;
}

function problems(issues: { path: PropertyKey[]; message: string }[]) {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    const message =
      field === "roles"
        ? `Give one or more roles with --roles, separated by commas, from: ${ROLES.join(", ")}`
        : issue.message;
    lines.push(field === "password" ? `Password: ${message}` : `${FLAG_FOR[field] ?? field}: ${message}`);
  }
  return lines;
}

async function readPassword(io: Io): Promise<string | null> {
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await askHidden(io, "Password (not shown): ");
    const second = await askHidden(io, "Type it again: ");
    if (first !== second) throw new Error("The two passwords were different. Nothing was changed.");
    return first;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return null;
}

function askHidden(io: Io, prompt: string): Promise<string> {
  const input = io.stdin;
  // why: echo must be off before the prompt invites typing.
  input.setRawMode?.(true);
  io.stdout.write(prompt);
  input.setEncoding("utf8");
  input.resume();
  let value = "";
  return new Promise((resolve, reject) => {
    const finish = () => {
      input.setRawMode?.(false);
      input.pause();
      input.off("data", onData);
      io.stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish();
          resolve(value);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          reject(new Error("Cancelled. Nothing was changed."));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on("data", onData);
  });
}

async function main() {
  const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  try {
    return await createUserFromArgs(process.argv.slice(2), io, async () => {
      const database = await openDatabase();
      const where = database.engine === "pglite" ? `embedded PGlite in ${database.location}` : `PostgreSQL at ${database.location}`;
      io.stdout.write(`Database: ${where}\n`);
    });
  } finally {
    await closeDatabase();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

import { PassThrough, Readable } from "node:stream";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { authenticate } from "~/models/user.server";
import { createUserFromArgs, type Io } from "./create-user";

useTestDatabase();

function io(options: { env?: Record<string, string>; stdin?: string; tty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as Io["stdin"];
  return { io: { stdin, stdout, stderr, env: options.env ?? {} } as Io, out: () => out.join(""), err: () => err.join("") };
}

const args = (email: string, extra: string[] = []) => ["--email", email, "--name", "Ann Lee", "--roles", "admin, organiser", ...extra];

describe("npm run user:create", () => {
  it("creates an account with the password from PITCHDAY_PASSWORD, audited as made on the command line", async () => {
    const run = io({ env: { PITCHDAY_PASSWORD: "quiet orchard lamp" } });
    expect(await createUserFromArgs(args("Ann@Example.org"), run.io)).toBe(0);
    expect(run.out()).toContain("Created an account for ann@example.org (ADMIN, ORGANISER)");
    const user = await db().user.findUniqueOrThrow({ where: { email: "ann@example.org" } });
    expect(user).toMatchObject({ name: "Ann Lee", roles: ["ADMIN", "ORGANISER"] });
    expect(await authenticate({ email: "ann@example.org", password: "quiet orchard lamp", address: "cli-test" })).toMatchObject({ ok: true });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.created", subjectId: user.id } });
    expect(entry).toMatchObject({ actorType: "system", payload: { roles: ["ADMIN", "ORGANISER"], via: "cli" } });
  });

  it("reads the password from the first line of standard input when not in a terminal", async () => {
    const run = io({ stdin: "piped long password\nignored second line\n" });
    expect(await createUserFromArgs(args("bo@example.org"), run.io)).toBe(0);
    expect(await authenticate({ email: "bo@example.org", password: "piped long password", address: "cli-test" })).toMatchObject({ ok: true });
  });

  it("prefers --password over the environment", async () => {
    const run = io({ env: { PITCHDAY_PASSWORD: "environment password" } });
    expect(await createUserFromArgs(args("cy@example.org", ["--password", "flag given password"]), run.io)).toBe(0);
    expect(await authenticate({ email: "cy@example.org", password: "flag given password", address: "cli-test" })).toMatchObject({ ok: true });
  });

  it("refuses a duplicate, whatever its case, and changes nothing", async () => {
    const run = io({ env: { PITCHDAY_PASSWORD: "another long password" } });
    expect(await createUserFromArgs(args("ANN@example.org"), run.io)).toBe(1);
    expect(run.err()).toBe("There is already an account for ann@example.org. Nothing was changed.\n");
    expect(await db().user.count({ where: { email: "ann@example.org" } })).toBe(1);
  });

  it("refuses a weak password and says why", async () => {
    const run = io({ env: { PITCHDAY_PASSWORD: "short" } });
    expect(await createUserFromArgs(args("dee@example.org"), run.io)).toBe(1);
    expect(run.err()).toBe("Password: Password must be 12 characters or more\n");
    const same = io({ env: { PITCHDAY_PASSWORD: "dee@example.org" } });
    expect(await createUserFromArgs(args("dee@example.org"), same.io)).toBe(1);
    expect(same.err()).toContain("Password must not be your email address");
    expect(await db().user.count({ where: { email: "dee@example.org" } })).toBe(0);
  });

  it("explains missing or wrong options before asking for a password or opening the database", async () => {
    let opened = false;
    const open = async () => {
      opened = true;
    };
    const run = io({ env: { PITCHDAY_PASSWORD: "quiet orchard lamp" } });
    expect(await createUserFromArgs(["--name", "Eve", "--roles", "BOSS"], run.io, open)).toBe(1);
    expect(run.err()).toContain("--email: Give an email address with --email");
    expect(run.err()).toContain("--roles: Give one or more roles with --roles, separated by commas, from: ADMIN, ORGANISER, FUNDER, AUDITOR");
    expect(run.err()).toContain("Usage: npm run user:create");
    expect(opened).toBe(false);

    const unknown = io();
    expect(await createUserFromArgs(["--emial", "x@example.org"], unknown.io, open)).toBe(1);
    expect(unknown.err()).toMatch(/Unknown option '--emial'/);
    expect(opened).toBe(false);
  });

  it("says how to give a password when there is none", async () => {
    const run = io({ stdin: "" });
    expect(await createUserFromArgs(args("fay@example.org"), run.io)).toBe(1);
    expect(run.err()).toContain("No password given: use --password, set PITCHDAY_PASSWORD, or type it when asked.");
  });

  it("prints help and succeeds with --help", async () => {
    const run = io();
    expect(await createUserFromArgs(["--help"], run.io)).toBe(0);
    expect(run.out()).toContain("--roles <ADMIN|ORGANISER|FUNDER|AUDITOR>");
  });
});

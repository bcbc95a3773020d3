import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { adminQuery, dropTestDatabase } from "../../app/testing/admin-database";

// Starting Pitchday (or a helper) as separate processes on a database of their own, for the
// benchmarks and the two-instance test. PGlite serves one process at a time, so whoever seeds
// must close it before a server opens the same folder; PostgreSQL is shared freely.
//
// Interface:
//   ROOT, serverBuildFile()                   where the built app is (PITCHDAY_BUILD_DIR or build/)
//   buildAge()                                null when built, else why not (missing / older than app/)
//   freshDatabase(label)                      { engine, env, location, drop() }: a new PGlite folder
//                                             or a new PostgreSQL database from DATABASE_URL
//   runScript(script, args, env)              a TypeScript script to completion (rejects on failure)
//   startScript(script, env, { port })        a long-running TypeScript process, ready when
//                                             GET /healthz answers 200: { url, pid, rssBytes(), cpuMs(), stop() }
//   freePort()                                a loopback port nobody listens on (BENCH_PORTS range)
//   startBusyWork(count)                      { stop() }: processes that each keep a core busy

export const ROOT = path.resolve(__dirname, "../..");

export function serverBuildFile() {
  const out = process.env.PITCHDAY_BUILD_DIR;
  return path.resolve(ROOT, out ? `${out}/index.js` : "build/index.js");
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the built app cannot be trusted to be this code, or null when it can. */
export function buildProblem(): string | null {
  const file = serverBuildFile();
  if (!existsSync(file)) return `there is no built app at ${path.relative(ROOT, file)}`;
  if (newestIn(path.join(ROOT, "app")) > statSync(file).mtimeMs) {
    return `the built app at ${path.relative(ROOT, file)} is older than the code in app/`;
  }
  return null;
}

export type Engine = "pglite" | "postgresql";

export type Env = Record<string, string | undefined>;

export interface FreshDatabase {
  engine: Engine;
  /** Environment for every process that uses this database. */
  env: Env;
  /** For people: a folder or a server and database name (no password). */
  location: string;
  drop(): Promise<void>;
}

export async function freshDatabase(label: string): Promise<FreshDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pitchday_${label}_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(url, `CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    return {
      engine: "postgresql",
      env: { DATABASE_URL: u.toString(), PGLITE_DIR: undefined },
      location: `${u.hostname}:${u.port || 5432}/${name}`,
      drop: () => dropTestDatabase(url, name),
    };
  }
  const folder = mkdtempSync(path.join(tmpdir(), `pitchday-${label}-`));
  const dir = path.join(folder, "db");
  return {
    engine: "pglite",
    env: { PGLITE_DIR: dir, DATABASE_URL: "" },
    location: dir,
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

// why: `tsx script` runs the script in a child of its own; through --import the script is this
// very process, so its pid is the one whose memory we read.
// BENCH_CPU_PROFILE=<folder> makes each process write a V8 CPU profile there when it exits
// (open it in Chrome's DevTools), to see where a figure's time goes.
function nodeArgs(script: string, args: string[] = []) {
  const folder = process.env.BENCH_CPU_PROFILE;
  const profile = folder ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(folder)}`] : [];
  return [...profile, "--import", "tsx", path.resolve(ROOT, script), ...args];
}

function mergedEnv(env: Env): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  // why: Jest runs us with --experimental-vm-modules; the children need no such thing.
  delete merged.NODE_OPTIONS;
  return merged;
}

// why: asynchronous, so an interrupt (Ctrl-C) reaches the caller's handler while this runs.
export function runScript(script: string, args: string[], env: Env, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(script, args), { cwd: ROOT, env: mergedEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const orphan = () => child.kill("SIGTERM");
    process.once("exit", orphan);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      process.off("exit", orphan);
      if (code === 0) resolve(output);
      else reject(new Error(`${script} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

export interface RunningProcess {
  url: string;
  pid: number;
  /** Resident memory of the process now (Linux /proc), or null where that cannot be read. */
  rssBytes(): number | null;
  /** CPU time the process has used so far, user + system (Linux /proc), or null. */
  cpuMs(): number | null;
  /** Everything the process wrote, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A loopback port nobody listens on: from BENCH_PORTS ("3800-3899") when set, so runs on a shared
 * machine stay in their own range, else one the system picks.
 */
export async function freePort(): Promise<number> {
  const range = process.env.BENCH_PORTS;
  if (!range) return listenOn(0);
  const [from, to] = range.split("-").map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new Error(`BENCH_PORTS must look like 3800-3899, not "${range}".`);
  // why: start where the last call left off, so two servers started in turn get different ports.
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((nextPortOffset + i) % (to - from + 1));
    try {
      await listenOn(port);
      nextPortOffset = port - from + 1;
      return port;
    } catch {
      // taken: try the next one
    }
  }
  throw new Error(`No free port in BENCH_PORTS ${range}.`);
}

let nextPortOffset = 0;

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

export async function startScript(
  script: string,
  env: Env,
  options: { port: number; readyTimeoutMs?: number },
): Promise<RunningProcess> {
  const child = spawn(process.execPath, nodeArgs(script), {
    cwd: ROOT,
    env: mergedEnv({ ...env, PORT: String(options.port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${options.port}`;
  const running: RunningProcess = {
    url,
    pid: child.pid ?? -1,
    rssBytes: () => rssOf(child.pid),
    cpuMs: () => cpuOf(child.pid),
    output: () => output,
    stop: () => stopChild(child),
  };
  try {
    await waitUntilHealthy(url, child, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await running.stop();
    throw new Error(`${script} did not start: ${(error as Error).message}\n${output}`);
  }
  return running;
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no answer from ${url}/healthz within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

let ticksPerSecond: number | null = null;

function cpuOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // why: the command name (field 2) may hold spaces; the fields we want follow its ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticksPerSecond ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * Other work on the machine, as a hall's laptop may have (a slideshow, a video call, an
 * update): `count` processes that each keep one core busy until stopped.
 */
export function startBusyWork(count: number): { stop(): void } {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ["-e", "let x = 0; for (;;) x = (x * 31 + 7) % 1_000_003;"], { stdio: "ignore" }),
  );
  const stop = () => {
    for (const child of children) child.kill("SIGKILL");
  };
  process.once("exit", stop);
  return { stop };
}

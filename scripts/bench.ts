// npm run bench: how the live session holds up on this machine, with targets.
//
//   score-submit  panellists' phones posting scores at a fixed 100 a second (and flat out), to the
//                 app and to a bare Node server doing only the insert: our overhead as a ratio
//   audience      a hall votes at once: 1,000 new phones cast a ballot at 100 a second (and, on
//                 PostgreSQL, 2,000 at 200 a second over two app instances), against the bare insert
//   chair         the chair locks a pitch while every panellist's phone sends scores flat out
//   fan-out       1,000 screens on one instance; chair's press -> last screen has the new state
//   page weight   gzip JS of every public page (<= 100 KB) and the decisions page (<= 130 KB), from
//                 the built manifest; gzip HTML (<= 30 KB) of the panellist's, audience's and open pages
//
// Needs the built app (`npx remix build`, or PITCHDAY_BUILD_DIR). Runs on a fresh PGlite folder,
// or a fresh database on the PostgreSQL server in DATABASE_URL; loopback only; every part is
// bounded and the whole run ends by itself (a few minutes). Prints a table and writes
// bench-results.json ([{ name, value, unit, target, ok }]); exits 1 when a target is missed.
// Options: --only=score,audience,chair,fanout,pages  --clients=1000  --rate=100  --seconds=10
//          --actions=20  --phones=1000  --phone-rate=100  --presses=5
// BENCH_PORTS=3800-3899 keeps the servers' ports in a range (a machine shared with other runs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runAudienceBurst, type AudienceFigures, type AudiencePlan } from "./bench/audience-burst";
import { runChairUnderLoad } from "./bench/chair-under-load";
import { runFanOut } from "./bench/fan-out";
import type { BenchFixture } from "./bench/fixture";
import { cookieFrom, keepAliveAgent, send, signIn } from "./bench/http";
import { measurePage, type PageWeight } from "./bench/page-weight";
import { buildProblem, freePort, freshDatabase, ROOT, runScript, serverBuildFile, startBusyWork, startScript, type RunningProcess } from "./bench/processes";
import { PAGE_WEIGHT_TARGETS, routeWeight } from "./bench/route-weight";
import { formatTable, percentile, round, row, type BenchRow } from "./bench/results";
import { runScoreLoad, type ScoreFigures, type ScorePlan } from "./bench/score-submit";

const KB = 1024;

interface Options {
  only: Set<string>;
  clients: number;
  rate: number;
  seconds: number;
  actions: number;
  phones: number;
  phoneRate: number;
  presses: number;
  busy: number;
}

const PARTS = ["score", "audience", "chair", "fanout", "pages"];

function parseOptions(argv: string[]): Options {
  for (const arg of argv) {
    if (!/^--(only|clients|rate|seconds|actions|phones|phone-rate|presses|busy)=/.test(arg)) {
      throw new Error(`Unknown option ${arg}. Options: --only= --clients= --rate= --seconds= --actions= --phones= --phone-rate= --presses= --busy=`);
    }
  }
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const number = (name: string, fallback: number, max: number, min = 1) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}.`);
    return n;
  };
  const only = new Set((value("only") ?? PARTS.join(",")).split(","));
  for (const part of only) if (!PARTS.includes(part)) throw new Error(`Unknown part "${part}" in --only.`);
  return {
    only,
    clients: number("clients", 1000, 5000),
    rate: number("rate", 100, 2000),
    seconds: number("seconds", 10, 60),
    actions: number("actions", 20, 100),
    phones: number("phones", 1000, 5000),
    phoneRate: number("phone-rate", 100, 1000),
    presses: number("presses", 5, 20),
    busy: number("busy", 0, 8, 0),
  };
}

// why: each SSE client is a socket here and another in the server. Node raises its own soft
// open-file limit to the hard limit at start-up (and the server inherits it), so only a low
// hard limit stands in the way.
function checkFileLimit(needed: number) {
  const text = spawnSync("sh", ["-c", "ulimit -Sn"], { encoding: "utf8" }).stdout.trim();
  const limit = text === "unlimited" ? Infinity : Number(text);
  if (Number.isFinite(limit) && limit < needed) {
    throw new Error(
      `The open-file limit (${limit}) is too low for ${needed} sockets: raise the hard limit (ulimit -Hn, as root) or pass --clients=${Math.max(1, Math.floor((limit - 512) / 2))}.`,
    );
  }
}

function scoreRows(label: string, figures: ScoreFigures, rate: number, withTarget: boolean): BenchRow[] {
  const target = withTarget ? { op: "<=" as const, limit: 50 } : undefined;
  return [
    row(`score-submit ${label}: throughput at ${rate}/s offered`, round(figures.offered.throughput), "sub/s", withTarget ? { op: ">=", limit: rate * 0.95 } : undefined),
    row(`score-submit ${label}: p50 at ${rate}/s`, round(figures.offered.p50), "ms"),
    row(`score-submit ${label}: p99 at ${rate}/s`, round(figures.offered.p99), "ms", target),
    row(`score-submit ${label}: server CPU per submission`, round(figures.cpuMsPerSubmission, 2), "ms"),
    row(`score-submit ${label}: max throughput`, round(figures.burst.throughput), "sub/s"),
    row(`score-submit ${label}: p99 at max throughput`, round(figures.burst.p99), "ms"),
    row(`score-submit ${label}: failed submissions`, figures.offered.failed + figures.burst.failed, "count", { op: "<=", limit: 0 }),
  ];
}

function reportFailures(label: string, figures: ScoreFigures) {
  for (const [phase, f] of [
    [`${figures.offered.sent} at a fixed rate`, figures.offered],
    [`${figures.burst.sent} flat out`, figures.burst],
  ] as const) {
    if (f.failed > 0) console.error(`  ${label}: ${f.failed} of ${phase} failed; the first: ${f.firstFailure}`);
  }
}

function ratio(a: number | null, b: number | null) {
  return a !== null && b !== null && b > 0 ? round(a / b, 2) : null;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.only.has("fanout")) checkFileLimit(options.clients * 2 + 512);

  const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  const cpus = os.cpus();
  console.log("Pitchday benchmarks");
  console.log(`  machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.platform()} ${os.release()}`);
  console.log(`  node ${process.version}; database engine: ${engine}; app build: ${path.relative(ROOT, serverBuildFile())}`);
  // why: other work on the machine moves every figure; say how busy it was.
  console.log(`  load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} (1, 5, 15 min)`);
  if (os.loadavg()[0] > cpus.length) {
    console.warn(`  WARNING: more runnable work than cores before we start; latencies will be worse than on a quiet machine.`);
  }

  // why: targets must hold on a laptop that is doing something else too, not only on a quiet one.
  const busy = startBusyWork(options.busy);
  if (options.busy > 0) console.log(`  other work: ${options.busy} process(es) each keeping a core busy throughout`);

  const problem = buildProblem();
  if (problem?.startsWith("there is no built app")) {
    console.error(`\nCannot run: ${problem}. Build it first: npx remix build (or npm run build).`);
    process.exit(2);
  }
  if (problem) console.warn(`  WARNING: ${problem}; run npx remix build to measure the current code.`);

  const database = await freshDatabase("bench");
  console.log(`  database: ${database.location} (fresh, dropped at the end)\n`);
  const work = mkdtempSync(path.join(os.tmpdir(), "pitchday-bench-"));
  const rows: BenchRow[] = [];
  let running: RunningProcess | null = null;
  // why: an interrupted run must not leave a database on the server or a folder behind.
  const interrupted = async () => {
    console.error("\nInterrupted: stopping the servers and dropping the benchmark database.");
    try {
      await (running as RunningProcess | null)?.stop();
      await database.drop();
      rmSync(work, { recursive: true, force: true });
    } finally {
      process.exit(130);
    }
  };
  process.once("SIGINT", () => void interrupted());
  process.once("SIGTERM", () => void interrupted());
  const failedPart = (name: string, error: unknown) => {
    console.error(`\n${name} did not complete: ${(error as Error).message}`);
    rows.push(row(`${name}: completed`, 0, "yes/no", { op: ">=", limit: 1 }));
  };

  try {
    console.log("Seeding (demo data, then a live event mid-evening) ...");
    await runScript("prisma/seed.ts", ["--if-empty"], database.env);
    const fixtureFile = path.join(work, "fixture.json");
    await runScript("scripts/bench/seed-live.ts", [fixtureFile], database.env);
    const fixture = JSON.parse(readFileSync(fixtureFile, "utf8")) as BenchFixture;

    const plan: ScorePlan = {
      rate: options.rate,
      seconds: options.seconds,
      // why: a fresh process is slower for its first few hundred requests (JIT, first garbage
      // collections); a server in a hall has been up since the doors opened.
      warmupRequests: 300,
      settleSeconds: 5,
      burstConcurrency: 16,
      burstMaxRequests: 2_000,
      burstMaxSeconds: 4,
    };

    // why: a hall votes at once when voting opens; on PostgreSQL the same again twice as big over
    // two app instances (a load balancer's round robin), since one instance is not the limit there.
    const audienceRuns: (AudiencePlan & { instances: number })[] = [{ phones: options.phones, rate: options.phoneRate, warmupPhones: 100, instances: 1 }];
    if (engine === "PostgreSQL") audienceRuns.push({ phones: options.phones * 2, rate: options.phoneRate * 2, warmupPhones: 100, instances: 2 });
    const audienceLabel = (run: AudiencePlan & { instances: number }) =>
      `audience: ${run.phones} new phones at ${run.rate}/s${run.instances > 1 ? ` over ${run.instances} instances` : ""}`;

    let bare: ScoreFigures | null = null;
    const bareBallots = new Map<AudiencePlan, AudienceFigures>();
    if (options.only.has("score") || options.only.has("audience")) {
      try {
        running = await startScript("scripts/bench/bare-insert-server.ts", database.env, { port: await freePort() });
        if (options.only.has("score")) {
          console.log(`score-submit: bare insert server, ${plan.rate}/s for ${plan.seconds} s, then flat out ...`);
          bare = await runScoreLoad("bare", running, fixture, plan);
        }
        if (options.only.has("audience")) {
          for (const run of audienceRuns) {
            console.log(`${audienceLabel(run)}: bare insert server ...`);
            bareBallots.set(run, await runAudienceBurst("bare", [running], fixture, run));
          }
        }
      } catch (error) {
        failedPart("bare insert", error);
      } finally {
        await running?.stop();
        running = null;
      }
    }

    const startApp = async () => {
      await running?.stop();
      running = null;
      running = await startScript("scripts/serve.ts", { ...database.env, NODE_ENV: "production" }, { port: await freePort() });
      return running;
    };
    let app = await startApp();

    if (options.only.has("score")) {
      for (const [target, label] of [
        ["form", "form post"],
        ["json", "phone queue (JSON)"],
      ] as const) {
        console.log(`score-submit: app, ${label}, ${plan.rate}/s for ${plan.seconds} s, then flat out ...`);
        try {
          const figures = await runScoreLoad(target, app, fixture, plan);
          rows.push(...scoreRows(label, figures, plan.rate, true));
          reportFailures(label, figures);
          if (bare) {
            rows.push(row(`score-submit ${label}: p50 / bare p50`, ratio(figures.offered.p50, bare.offered.p50), "x"));
            rows.push(row(`score-submit ${label}: p99 / bare p99`, ratio(figures.offered.p99, bare.offered.p99), "x"));
            rows.push(row(`score-submit ${label}: bare max / our max throughput`, ratio(bare.burst.throughput, figures.burst.throughput), "x"));
            rows.push(row(`score-submit ${label}: CPU per submission / bare`, ratio(figures.cpuMsPerSubmission, bare.cpuMsPerSubmission), "x"));
          }
        } catch (error) {
          failedPart(`score-submit ${label}`, error);
        }
      }
      if (bare) {
        rows.push(...scoreRows("bare insert", bare, plan.rate, false));
        reportFailures("bare insert", bare);
      }
    }

    if (options.only.has("audience")) {
      for (const run of audienceRuns) {
        console.log(`${audienceLabel(run)}: app ...`);
        let second: RunningProcess | null = null;
        try {
          if (run.instances > 1) second = await startScript("scripts/serve.ts", { ...database.env, NODE_ENV: "production" }, { port: await freePort() });
          const f = await runAudienceBurst("app", second ? [app, second] : [app], fixture, run);
          const b = bareBallots.get(run) ?? null;
          const name = audienceLabel(run);
          rows.push(
            row(`${name}: achieved`, round(f.throughput), "ballots/s", { op: ">=", limit: run.rate * 0.95 }),
            row(`${name}: p50`, round(f.p50), "ms"),
            row(`${name}: p99`, round(f.p99), "ms", { op: "<=", limit: run.instances > 1 ? 500 : 300 }),
            row(`${name}: failed`, f.failed, "count", { op: "<=", limit: 0 }),
            row(`${name}: server CPU per ballot`, round(f.cpuMsPerBallot, 2), "ms"),
          );
          if (f.failed > 0) console.error(`  ${name}: ${f.failed} of ${f.sent} failed; the first: ${f.firstFailure}`);
          if (b) {
            rows.push(
              row(`${name}: bare insert p50`, round(b.p50), "ms"),
              row(`${name}: bare insert p99`, round(b.p99), "ms"),
              row(`${name}: bare insert achieved`, round(b.throughput), "ballots/s"),
              row(`${name}: p99 / bare p99`, ratio(f.p99, b.p99), "x"),
              row(`${name}: CPU per ballot / bare`, ratio(f.cpuMsPerBallot, b.cpuMsPerBallot), "x"),
            );
          }
        } catch (error) {
          failedPart(audienceLabel(run), error);
        } finally {
          await second?.stop();
        }
      }
    }

    if (options.only.has("chair")) {
      console.log(`chair under load: ${fixture.panellists.length} phones send scores flat out; the chair locks a pitch ${options.presses} times ...`);
      try {
        const chairCookie = await signIn(app.url, fixture.chair.email, fixture.chair.password);
        const c = await runChairUnderLoad({ baseUrl: app.url, fixture, chairCookie, presses: options.presses });
        rows.push(
          row("chair under load: scores answered per second", round(c.scoresPerSecond), "sub/s"),
          row("chair under load: lock press, slowest", round(Math.max(...c.lockMs)), "ms", { op: "<=", limit: 1000 }),
          row("chair under load: lock press, median", round(percentile(c.lockMs, 50)), "ms"),
          row("chair under load: reopen press, slowest", round(Math.max(...c.reopenMs)), "ms", { op: "<=", limit: 1000 }),
          row("chair under load: scores saved after the lock answered", c.savedAfterLock, "count", { op: "<=", limit: 0 }),
          row("chair under load: failed scores", c.failed, "count", { op: "<=", limit: 0 }),
        );
        if (c.firstFailure) console.error(`  chair under load: ${c.failed} scores failed; the first: ${c.firstFailure}`);
      } catch (error) {
        failedPart("chair under load", error);
      }
    }

    if (options.only.has("fanout")) {
      console.log(`fan-out: ${options.clients} screens, ${options.actions} chair presses ...`);
      try {
        // why: a fresh process, so memory freed after the score runs does not hide what screens take.
        if (options.only.has("score") || options.only.has("audience") || options.only.has("chair")) app = await startApp();
        const chairCookie = await signIn(app.url, fixture.chair.email, fixture.chair.password);
        const f = await runFanOut({
          baseUrl: app.url,
          eventId: fixture.eventId,
          chairCookie,
          clients: options.clients,
          actions: options.actions,
          serverRss: app.rssBytes,
          serverCpu: app.cpuMs,
        });
        rows.push(
          row("fan-out: screens connected", f.connected, "count", { op: ">=", limit: options.clients }),
          row("fan-out: time to connect them", round(f.connectSeconds), "s"),
          row("fan-out: press -> last screen, p50", round(percentile(f.lastScreenMs, 50)), "ms"),
          row("fan-out: press -> last screen, p99", round(percentile(f.lastScreenMs, 99)), "ms", { op: "<=", limit: 250 }),
          row("fan-out: press -> median screen, p50", round(percentile(f.medianScreenMs, 50)), "ms"),
          row("fan-out: screens that missed a change", f.missed, "count", { op: "<=", limit: 0 }),
          row("fan-out: server CPU per press", round(f.cpuMsPerPress), "ms"),
          row("fan-out: server memory per connection", f.bytesPerConnection === null ? null : round(f.bytesPerConnection / KB), "KB"),
        );
        if (f.firstMiss) console.error(`  ${f.firstMiss}`);
      } catch (error) {
        failedPart("fan-out", error);
      }
    }

    if (options.only.has("pages")) {
      console.log("page weight: every public page's JS (from the built manifest), and the HTML of the open ones ...");
      const kb = (bytes: number) => round(bytes / KB);
      try {
        for (const page of PAGE_WEIGHT_TARGETS) {
          const weight = routeWeight(path.join(ROOT, "public"), page.routeId);
          rows.push(row(`page weight: ${page.label} JS (gzip)`, kb(weight.jsGzipBytes), "KB", { op: "<=", limit: page.limitKb }));
        }
        const panel = await measurePage(app.url, `/panel/${fixture.eventId}`, { headers: { Cookie: fixture.panellists[0].cookie } });
        const voterCookie = await castVote(app.url, fixture);
        const vote = await measurePage(app.url, `/vote/${fixture.joinCode}`, { headers: { Cookie: voterCookie } });
        const served: [string, PageWeight][] = [["panel event", panel], ["vote ballot page", vote]];
        // why: pages behind a private link need a token the fixture does not make; their JS is above.
        for (const [label, pagePath] of [
          ["round list", "/rounds"],
          ["round page", "/rounds/spring-2027"],
          ["apply", "/rounds/spring-2027/apply"],
          ["vote (enter code)", "/vote"],
          ["results list", "/results"],
          ["login", "/login"],
          ["password forgot", "/password/forgot"],
        ] as const) {
          served.push([label, await measurePage(app.url, pagePath)]);
        }
        for (const [label, weight] of served) {
          rows.push(row(`page weight: ${label} HTML (gzip)`, kb(weight.htmlGzipBytes), "KB", { op: "<=", limit: 30 }));
        }
        // why: the JS rows above read the manifest; a page served with other scripts would make them wrong.
        const mismatched = served.filter(([label, weight]) => {
          const target = PAGE_WEIGHT_TARGETS.find((page) => page.label === label);
          const counted = target ? routeWeight(path.join(ROOT, "public"), target.routeId).jsGzipBytes : weight.jsGzipBytes;
          if (counted !== weight.jsGzipBytes) console.error(`  ${label}: the manifest counts ${counted} bytes, the served page loads ${weight.jsGzipBytes}`);
          return counted !== weight.jsGzipBytes;
        });
        rows.push(row("page weight: served pages whose scripts differ from the count", mismatched.length, "count", { op: "<=", limit: 0 }));
      } catch (error) {
        failedPart("page weight", error);
      }
    }
  } finally {
    // why: assigned inside startApp(), which TypeScript's narrowing does not follow.
    await (running as RunningProcess | null)?.stop();
    busy.stop();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }

  console.log(`\n${formatTable(rows)}\n`);
  console.log(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} on ${cpus.length} cores.`);
  writeFileSync(path.join(ROOT, "bench-results.json"), `${JSON.stringify(rows, null, 2)}\n`);
  const missed = rows.filter((r) => r.ok === false);
  console.log(`Wrote bench-results.json (${rows.length} figures). ${missed.length === 0 ? "Every target met." : `${missed.length} target(s) missed.`}`);
  process.exit(missed.length === 0 ? 0 : 1);
}

/** An audience phone votes once (through the offline queue's endpoint) and keeps its cookie. */
async function castVote(baseUrl: string, fixture: BenchFixture) {
  const agent = keepAliveAgent(1);
  try {
    const reply = await send(agent, `${baseUrl}/vote/${fixture.joinCode}/ballot`, {
      form: { bidIds: fixture.startedBidIds.slice(0, 2), clientMutationId: crypto.randomUUID() },
      headers: { Origin: baseUrl },
    });
    const cookie = cookieFrom(reply.headers["set-cookie"], "pd_voter");
    if (reply.status !== 200 || !cookie) throw new Error(`The audience vote was refused: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
    return cookie;
  } finally {
    agent.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { spawnSync } from "node:child_process";
import path from "node:path";

// The server turns off V8's allocation-site pretenuring (scripts/lib/v8-flags.ts says why). Each
// case runs in a fresh Node process: objects from one site are kept alive through many
// young-generation collections, as a warm-up or a burst does, and then 100 new objects from the
// same site are checked: are they born in the young generation, where a request's garbage is cheap?

const ROOT = path.resolve(__dirname, "..");

function youngOf100(withServerSettings: boolean): number {
  const program = `
    ${withServerSettings ? 'require("./scripts/lib/v8-flags.ts");' : ""}
    const inYoungGeneration = new Function("o", "return %InYoungGeneration(o)");
    function make(i) { return { i, next: i + 1, note: null }; }
    const kept = [];
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 50000; i++) kept.push(make(i));
      for (let i = 0; i < 200000; i++) new Array(8);
    }
    let young = 0;
    for (let i = 0; i < 100; i++) if (inYoungGeneration(make(i))) young++;
    console.log(young);
  `;
  const run = spawnSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", "-e", program], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`node exited ${run.status}: ${run.stderr}`);
  return Number(run.stdout.trim());
}

describe("the server's V8 settings", () => {
  it("keep a busy allocation site's new objects in the young generation", () => {
    expect(youngOf100(true)).toBe(100);
  });

  it("are needed: without them V8 creates that site's objects in the old generation", () => {
    // why up to three runs: V8 decides from samples, and about one run in thirty it has not yet.
    const runs = [youngOf100(false)];
    while (runs.at(-1) === 100 && runs.length < 3) runs.push(youngOf100(false));
    expect(runs.at(-1)).toBeLessThan(100);
  });
});

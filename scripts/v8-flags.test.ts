import { spawnSync } from "node:child_process";
import path from "node:path";

// The server turns off V8's allocation-site pretenuring (scripts/lib/v8-flags.ts says why). It
// runs in a fresh Node process: objects from one site are kept alive through many
// young-generation collections, as a warm-up or a burst does, and then 100 new objects from the
// same site are checked: are they born in the young generation, where a request's garbage is cheap?
// Without the setting, V8 had moved that site to the old generation in 29 of 30 runs on a quiet
// machine (fewer on a busy one: it decides from samples), so this fails if the setting is lost.

const ROOT = path.resolve(__dirname, "..");

function youngOf100(): number {
  const program = `
    require("./scripts/lib/v8-flags.ts");
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
    expect(youngOf100()).toBe(100);
  });
});

import v8 from "node:v8";

// Imported first by scripts/serve.ts. V8 reads this setting after each full collection, so setting
// it here works as well as on the command line, and holds for `npm start`, the tests and the bench.
//
// why let the old generation grow to twice what is live: objects from requests that are in flight
// when a young collection runs outlive it and are promoted, a few MB a second at 100 scores a
// second. V8's own choice, after a quiet start, let the old generation grow by only 10-35 % before
// the next full collection: one every 2-3 s, each stalling the hall's scores for about 100 ms on a
// laptop busy with something else (score p99 45-95 ms with one core kept busy). Growing to twice
// the live heap (about 70 MB, so up to 140 MB) makes that one every 20 s or so (p99 28-46 ms).
// Measured by `npm run bench -- --only=score --busy=1`; README, Benchmarks.
v8.setFlagsFromString("--heap-growing-percent=100");

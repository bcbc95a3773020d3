import v8 from "node:v8";

// Imported first by scripts/serve.ts, before the app is loaded.
//
// why no allocation-site pretenuring: V8 watches where objects are created, and when most of a
// site's objects outlive a young-generation collection (as they do while the app starts, warms up
// or takes a burst) it has that site create its objects straight in the old generation from then
// on. A request's objects (its response, headers, closures) then land in the old generation
// although they die with the request, fill it in seconds and bring a full collection every few
// seconds, each stalling the hall's scores on a busy laptop. Without it they die young, where
// collecting them costs little. Measured by `npm run bench -- --only=score` (README, Benchmarks).
v8.setFlagsFromString("--no-allocation-site-pretenuring");

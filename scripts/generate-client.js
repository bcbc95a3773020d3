// Generates the Prisma client into app/generated/prisma (needed before build, tests, scripts).
// why: Prisma 7's CLI tries to download a native engine it does not need for `generate`;
// pointing it at any existing file stops that, so this works offline too.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

execFileSync(process.execPath, [path.join(__dirname, "../node_modules/prisma/build/index.js"), "generate", "--schema", path.join(__dirname, "../prisma/schema.prisma")], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || "/bin/false",
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY || "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});

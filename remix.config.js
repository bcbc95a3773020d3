// PITCHDAY_BUILD_DIR lets two checkouts' builds (or two developers' test runs) not collide;
// by default the server build goes to build/ and browser assets to public/build/.
const out = process.env.PITCHDAY_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
module.exports = {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "cjs",
  serverBuildPath: out ? `${out}/index.js` : "build/index.js",
  assetsBuildDirectory: out ? `${out}/assets` : "public/build",
  publicPath: "/build/",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};

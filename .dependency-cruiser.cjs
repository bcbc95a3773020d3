// The layers of app/, each importing only from the floors beneath it (README: "How it is built").
// `npm test` runs this (npm run lint:deps) and fails on any violation.
//
//   routes              thin HTTP handlers: permission, parse, one call, redirect
//   requests            request helpers that read or write records: who is signed in, which
//                       phone, a score's or a ballot's receipt
//   components          React pieces; no database, no server-only code
//   coordinators        work that spans models and adapters: Stripe payments and webhooks, reconciliation,
//                       live state, the outbox
//   models              the only code that touches Prisma
//   services            adapters to the outside world: Stripe, PDF, SMTP, notify
//   db                  opening the database (PGlite or PostgreSQL)
//   domain, utils       the ground floor: pure rules and types; request and browser helpers
const layer = (name) => `^app/${name}/`;

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "Two modules that import each other are one module in two files.",
      severity: "error",
      from: { path: "^app/" },
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      comment: "app/domain holds pure rules: no database, no framework, no I/O.",
      severity: "error",
      from: { path: layer("domain") },
      to: { path: "^app/(?!domain/)", pathNot: "^app/generated/" },
    },
    {
      name: "utils-is-the-ground-floor",
      comment: "app/utils helps requests and browsers; it may use the domain, nothing above it.",
      severity: "error",
      from: { path: layer("utils") },
      to: { path: "^app/(models|services|coordinators|requests|db|routes|components|db\\.server)" },
    },
    {
      name: "services-are-adapters",
      comment: "A service talks to the outside world; it does not read or write our records.",
      severity: "error",
      from: { path: layer("services") },
      to: { path: "^app/(models|coordinators|requests|routes|components|db)" },
    },
    {
      name: "models-below-coordinators",
      comment: "Models hold the records; work that also calls adapters lives in app/coordinators.",
      severity: "error",
      from: { path: layer("models") },
      to: { path: "^app/(services|coordinators|requests|routes|components)/" },
    },
    {
      name: "coordinators-below-routes",
      severity: "error",
      from: { path: layer("coordinators") },
      to: { path: "^app/(routes|components|requests)/" },
    },
    {
      name: "requests-below-routes",
      severity: "error",
      from: { path: layer("requests") },
      to: { path: "^app/(routes|components)/" },
    },
    {
      name: "components-stay-in-the-browser",
      comment: "Components render; data comes from loaders, shapes from the domain.",
      severity: "error",
      from: { path: layer("components") },
      to: { path: "^app/(models|services|coordinators|requests|db|routes)/|^app/db\\.server|\\.server\\.tsx?$" },
    },
    {
      name: "prisma-only-in-models",
      comment: "Only models (and the database's own start-up, and the app's entry that opens it) touch Prisma or SQL.",
      severity: "error",
      from: { path: "^app/", pathNot: "^app/(models|db|testing)/|^app/db\\.server\\.ts$|^app/entry\\.server\\.tsx$" },
      to: { path: "^app/(db\\.server\\.ts|generated/)|^node_modules/(@prisma|pg)/" },
    },
    {
      name: "routes-do-not-import-routes",
      severity: "error",
      from: { path: layer("routes") },
      to: { path: layer("routes") },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.tsx?$|^app/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};

// Prisma 7.10's client keeps its parameterisation graph (which query arguments become SQL
// parameters) as one object per graph node whose keys are indexes into a table of ~2,500
// strings. V8 stores such keys as array elements, so each node's object holds an array as long
// as its highest index, nearly all of it empty: about 12 MB of the server's ~70 MB heap, which
// every full garbage collection has to walk while phones wait. This stores each node's edges in
// a Map instead (same lookups, by the same index). Run by npm's postinstall after patch-package;
// why not a .patch file: the code is minified onto 99 KB lines, so a diff would be unreadable.
//
// Interface:
//   patchPrismaRuntime(source) -> source     the change applied; unchanged if already applied;
//                                            throws if Prisma's runtime no longer matches
//   node scripts/patches/prisma-graph-maps.js   patches node_modules/@prisma/client/runtime
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const path = require("node:path");

// [before, after, how many times it occurs]: the two readers that build a node's edges, and the
// two lookups. Minified names are Prisma 7.10.0's; a new version fails here rather than half-patch.
/** @type {[before: string, after: string, times: number][]} */
const CHANGES = [
  ["#u(t){let r=[];for(let n=0;n<t;n++){let i=this.#i(),o={};", "#u(t){let r=[];for(let n=0;n<t;n++){let i=this.#i(),o=new Map;", 1],
  ["#l(t){let r=[];for(let n=0;n<t;n++){let i=this.#i(),o={};", "#l(t){let r=[];for(let n=0;n<t;n++){let i=this.#i(),o=new Map;", 1],
  ["(S.enumNameIndex=P),o[a]=S}r.push({edges:o})", "(S.enumNameIndex=P),o.set(a,S)}r.push({edges:o})", 1],
  ["(P.outputNodeId=m),o[a]=P}r.push({edges:o})", "(P.outputNodeId=m),o.set(a,P)}r.push({edges:o})", 1],
  ["let o=n.edges[i];", "let o=n.edges.get(i);", 2],
];

function occurrences(text, part) {
  return text.split(part).length - 1;
}

function patchPrismaRuntime(source) {
  if (CHANGES.every(([before, after, times]) => occurrences(source, before) === 0 && occurrences(source, after) === times)) {
    return source;
  }
  let patched = source;
  for (const [before, after, times] of CHANGES) {
    if (occurrences(patched, before) !== times) {
      throw new Error(
        `Prisma's runtime no longer matches scripts/patches/prisma-graph-maps.js (expected ${times} of ${JSON.stringify(before)}). ` +
          "If Prisma now stores the graph's edges in Maps, delete this patch; otherwise update its snippets.",
      );
    }
    patched = patched.split(before).join(after);
  }
  return patched;
}

function patchInstalledRuntime() {
  const runtime = path.join(path.dirname(require.resolve("@prisma/client/package.json")), "runtime");
  for (const name of ["client.js", "client.mjs"]) {
    const file = path.join(runtime, name);
    const source = readFileSync(file, "utf8");
    const patched = patchPrismaRuntime(source);
    if (patched === source) continue;
    // why write and rename: installs may hard-link node_modules files (npm's cache, copied
    // clones); replacing the file leaves every other link to it as it was.
    writeFileSync(`${file}.patching`, patched);
    renameSync(`${file}.patching`, file);
    console.log(`prisma-graph-maps: patched ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { patchPrismaRuntime, CHANGES };

if (require.main === module) patchInstalledRuntime();

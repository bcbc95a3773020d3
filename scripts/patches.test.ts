import { readFileSync } from "node:fs";
import { createMemoryHistory, createRouter, matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
// why the file itself: the package does not export how it calls an action.
import { callRouteAction } from "@remix-run/server-runtime/dist/data.js";
import { createCookie } from "@remix-run/node";
import { CHANGES, patchPrismaRuntime } from "./patches/prisma-graph-maps";

// Prisma's runtime is patched by scripts/patches/prisma-graph-maps.js (it says why); every test
// that touches the database runs on the patched copy, so these only check that it is there and
// that a Prisma it does not recognise stops the install instead of being half-patched.
//
// Two of Remix's packages are patched (scripts/patches, applied by npm's postinstall), each to
// stop redoing work for every request: the router keeps its ranked routes and compiled paths;
// the server runtime passes a Request on as it is when it has no Remix parameter to strip,
// instead of copying it (and its signal) twice per action and loader, and reads a cookie's value
// in one pass (it built a string and a RegExp match per character: a sixteenth of what a score
// post allocated). These tests fail if a patch is not applied, or if it changes what routes,
// actions and cookies see.

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "event", path: "panel/:eventId", children: [{ id: "score", path: "score/:bidId" }] },
      { id: "join", path: "panel/join/:token" },
      { id: "results", path: "results/:eventId?" },
      { id: "lang", path: ":lang/rounds" },
      { id: "shouty", path: "Shouty", caseSensitive: true },
      { id: "optional", path: "staff?/fund" },
      { id: "splat", path: "*" },
    ],
  },
];

const ids = (path: string) => matchRoutes(routes, path)?.map((match) => match.route.id);

describe("route matching on the server", () => {
  it("is the patched copy", () => {
    const source = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("rankedBranchesCache");
    expect(source).toContain("compiledPathCache");
  });

  it("matches the same way when asked again and again", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids("/panel/e1/score/b2")).toEqual(["root", "event", "score"]);
      expect(ids("/panel/join/abc")).toEqual(["root", "join"]);
      expect(ids("/PANEL/E1")).toEqual(["root", "event"]);
      expect(ids("/results")).toEqual(["root", "results"]);
      expect(ids("/")).toEqual(["root", "home"]);
      expect(ids("/cy/rounds")).toEqual(["root", "lang"]);
      expect(ids("/panel/rounds")).toEqual(["root", "event"]);
      expect(ids("/Shouty")).toEqual(["root", "shouty"]);
      expect(ids("/shouty")).toEqual(["root", "splat"]);
      expect(ids("/fund")).toEqual(["root", "optional"]);
      expect(ids("/staff/fund")).toEqual(["root", "optional"]);
      expect(ids("//panel/e1")).toEqual(["root", "splat"]);
      expect(ids("/pan%65l/e1")).toEqual(["root", "event"]);
      expect(matchRoutes(routes, "/nowhere/at/all")?.at(-1)?.params).toEqual({ "*": "nowhere/at/all" });
    }
  });

  it("sees routes patched in after the first match (the browser's lazy route discovery)", async () => {
    const router = createRouter({
      routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
      history: createMemoryHistory(),
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path === "/later") patch("root", [{ id: "later", path: "later" }]);
      },
    }).initialize();
    await router.navigate("/");
    await router.navigate("/later");
    expect(router.state.matches.map((match) => match.route.id)).toEqual(["root", "later"]);
    router.dispose();
  });
});

describe("the Request an action is given", () => {
  const seen = async (request: Request) => {
    let given: Request | null = null;
    await callRouteAction({
      request,
      params: {},
      routeId: "routes/panel.$eventId.score.$bidId",
      loadContext: {},
      singleFetch: false,
      action: async ({ request: asGiven }: { request: Request }) => {
        given = asGiven;
        return null;
      },
    });
    return given as unknown as Request;
  };

  it("is the very request when there is nothing to strip", async () => {
    const request = new Request("http://hall.local:4101/panel/e1/score/b2?saved=3", { method: "POST", body: "comment=Good", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const given = await seen(request);
    expect(given).toBe(request);
    expect(await given.text()).toBe("comment=Good");
  });

  it("still loses Remix's own parameters, and keeps the body and everything else", async () => {
    const request = new Request("http://hall.local:4101/rounds?index&_data=routes%2Frounds&page=2&index=x", { method: "POST", body: "title=Hall" });
    const given = await seen(request);
    expect(given).not.toBe(request);
    expect(new URL(given.url).search).toBe("?page=2&index=x");
    expect(await given.text()).toBe("title=Hall");
  });
});

describe("a cookie's value", () => {
  it("is the patched copy", () => {
    const source = readFileSync(require.resolve("@remix-run/server-runtime/dist/cookies.js"), "utf8");
    expect(source).toContain("Patched (scripts/patches): one pass");
  });

  it("reads back as it was written, in any language and with any character", async () => {
    const cookie = createCookie("pd_panel", { secrets: ["hall secret"], path: "/panel" });
    const values = [
      { e1: "tok_abc-123.x*y+z/@", e2: "plain" },
      { note: "Ŵyl Gymraeg, café, naïve, 🎉, ☃, \u0000 and 100%" },
      { everyByte: Array.from({ length: 256 }, (_, code) => String.fromCharCode(code)).join("") },
    ];
    for (const value of values) {
      const header = await cookie.serialize(value);
      expect(await cookie.parse(header.split(";")[0])).toEqual(value);
    }
  });

  it("is refused when it was not signed by us", async () => {
    const ours = createCookie("pd_panel", { secrets: ["hall secret"] });
    const theirs = createCookie("pd_panel", { secrets: ["another secret"] });
    const header = await theirs.serialize({ e1: "forged" });
    expect(await ours.parse(header.split(";")[0])).toBeNull();
  });
});

describe("Prisma's parameterisation graph", () => {
  const runtime = (name: string) => readFileSync(require.resolve(`@prisma/client/runtime/${name}`), "utf8");

  it("is the patched copy, in both module formats", () => {
    for (const name of ["client.js", "client.mjs"]) {
      const source = runtime(name);
      expect(source).toContain("let o=n.edges.get(i);");
      expect(patchPrismaRuntime(source)).toBe(source);
    }
  });

  it("turns Prisma's own code into the patched copy", () => {
    const installed = runtime("client.js");
    let original = installed;
    for (const [before, after] of CHANGES) original = original.split(after).join(before);
    expect(original).toContain("let o=n.edges[i];");
    expect(patchPrismaRuntime(original)).toBe(installed);
  });

  it("stops the install when Prisma's code has changed under it", () => {
    const changed = runtime("client.js").replace("let o=n.edges.get(i);", "let o=n.edgeList[i];");
    expect(() => patchPrismaRuntime(changed)).toThrow(/no longer matches/);
  });
});

import { readFileSync } from "node:fs";
import { createMemoryHistory, createRouter, matchRoutes, type AgnosticRouteObject } from "@remix-run/router";

// The server's route matching is patched (scripts/patches, applied by npm's postinstall) to
// keep its ranked routes and compiled paths instead of rebuilding them for every request. These
// tests fail if the patch is not applied, or if matching answers differently with it.

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

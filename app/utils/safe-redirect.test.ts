import { safeRedirect } from "~/requests/auth.server";

describe("safeRedirect (where sign-in sends you)", () => {
  it("follows a path on this site, with its query", () => {
    expect(safeRedirect("/staff/rounds/cmxc3fb4f001vj87dss5503h7/bids?status=all")).toBe("/staff/rounds/cmxc3fb4f001vj87dss5503h7/bids?status=all");
    expect(safeRedirect("/caf%C3%A9")).toBe("/caf%C3%A9");
  });

  it("sends anything that could leave the site, or break the header, to the default page", () => {
    const hostile = [
      "/\t/evil.example/phish", // a browser drops the tab and goes to evil.example
      "/\n/evil.example",
      "/%09/evil.example",
      "//evil.example",
      "/\\evil.example",
      "/%2F%2Fevil.example",
      "/%5Cevil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/a\r\nSet-Cookie: pd_session=x",
      "/café",
      "/%E0%A4%A",
      "/ spaced",
      `/${"a".repeat(3000)}`,
      "",
      null,
      undefined,
    ];
    for (const to of hostile) expect(safeRedirect(to)).toBe("/staff");
    expect(safeRedirect("//evil.example", "/")).toBe("/");
  });
});

import { isLoopbackUrl, publicOrigin, safeHost, type OriginInputs } from "./public-origin";

const base: OriginInputs = { appUrl: "http://localhost:3000", host: null, protocol: "http:", trustProxy: false };

describe("publicOrigin", () => {
  it("points at the address the browser used when APP_URL is the default loopback one", () => {
    expect(publicOrigin({ ...base, host: "192.168.1.23:4101" })).toBe("http://192.168.1.23:4101");
    expect(publicOrigin({ ...base, host: "127.0.0.1:4101" })).toBe("http://127.0.0.1:4101");
    expect(publicOrigin({ ...base, host: "pitchday.local" })).toBe("http://pitchday.local");
  });

  it("prefers APP_URL when it names a public address", () => {
    expect(publicOrigin({ ...base, appUrl: "https://grants.example.org/", host: "10.0.0.5:3000" })).toBe("https://grants.example.org");
  });

  it("treats a loopback APP_URL of any spelling as unset", () => {
    for (const appUrl of ["http://127.0.0.1:3000", "http://[::1]:3000", "http://app.localhost:3000"]) {
      expect(publicOrigin({ ...base, appUrl, host: "10.0.0.5:3000" })).toBe("http://10.0.0.5:3000");
    }
  });

  it("keeps the protocol the request came in on", () => {
    expect(publicOrigin({ ...base, host: "hall.example:8443", protocol: "https:" })).toBe("https://hall.example:8443");
  });

  it("sends a browser that used another name back to that name: it is the address it reached us by", () => {
    expect(publicOrigin({ ...base, host: "evil.example" })).toBe("http://evil.example");
  });

  it("ignores a Host header that is not a plain host and falls back to APP_URL", () => {
    for (const host of ["a b", "evil.example/path", "user@evil.example", "evil.example:99999", `${"a".repeat(250)}.example`, "", "<script>"]) {
      expect(publicOrigin({ ...base, host })).toBe("http://localhost:3000");
    }
  });

  it("reads X-Forwarded-Host and X-Forwarded-Proto only behind a trusted proxy", () => {
    const forwarded = { ...base, host: "127.0.0.1:3000", forwardedHost: "grants.example.org, 10.0.0.1", forwardedProto: "https" };
    expect(publicOrigin(forwarded)).toBe("http://127.0.0.1:3000");
    expect(publicOrigin({ ...forwarded, trustProxy: true })).toBe("https://grants.example.org");
    expect(publicOrigin({ ...forwarded, trustProxy: true, forwardedHost: "a b", forwardedProto: "gopher" })).toBe("http://127.0.0.1:3000");
  });
});

describe("safeHost", () => {
  it("accepts names, IPv4 and bracketed IPv6 addresses with an optional port, lower-cased", () => {
    expect(safeHost("Pitchday.Example:3000")).toBe("pitchday.example:3000");
    expect(safeHost("192.168.1.23")).toBe("192.168.1.23");
    expect(safeHost("[fe80::1]:3000")).toBe("[fe80::1]:3000");
  });

  it("refuses anything else", () => {
    for (const value of [null, "a b", "host/path", "host:0", "host:", "-bad.example", "[zz::1]", "a".repeat(256), "host\r\nX: y"]) {
      expect(safeHost(value)).toBeNull();
    }
  });
});

describe("isLoopbackUrl", () => {
  it("knows the addresses a phone cannot open", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:3000", "http://127.5.0.1", "http://[::1]:3000", "http://0.0.0.0:3000", "not a url"]) {
      expect(isLoopbackUrl(url)).toBe(true);
    }
    for (const url of ["http://192.168.1.23:3000", "https://grants.example.org", "http://[fe80::1]:3000"]) {
      expect(isLoopbackUrl(url)).toBe(false);
    }
  });
});

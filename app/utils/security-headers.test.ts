import { createNonce, isCrossSiteWrite, securityHeaders } from "~/utils/security-headers";

const post = (extra: Partial<Parameters<typeof isCrossSiteWrite>[0]>) =>
  isCrossSiteWrite({ method: "POST", host: "pitchday.example.org", protocol: "https", ...extra });

describe("isCrossSiteWrite", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(isCrossSiteWrite({ method, origin: "https://evil.example", host: "pitchday.example.org", protocol: "https" })).toBe(false);
    }
  });

  it("allows a form posted from our own pages", () => {
    expect(post({ origin: "https://pitchday.example.org" })).toBe(false);
    expect(post({ origin: "http://localhost:3221", host: "localhost:3221" })).toBe(false);
  });

  it("refuses a form posted from another site, or another port of ours", () => {
    expect(post({ origin: "https://evil.example" })).toBe(true);
    expect(post({ origin: "https://pitchday.example.org.evil.example" })).toBe(true);
    expect(post({ origin: "http://localhost:9999", host: "localhost:3221" })).toBe(true);
  });

  it("refuses every state-changing method, not just POST", () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(isCrossSiteWrite({ method, origin: "https://evil.example", host: "pitchday.example.org", protocol: "https" })).toBe(true);
    }
  });

  it("refuses the opaque origin sandboxed frames and some redirects send, and garbage", () => {
    expect(post({ origin: "null" })).toBe(true);
    expect(post({ origin: "not a url" })).toBe(true);
  });

  it("falls back to Sec-Fetch-Site when there is no Origin header", () => {
    expect(post({ secFetchSite: "cross-site" })).toBe(true);
    expect(post({ secFetchSite: "same-origin" })).toBe(false);
    // why: curl and server-to-server calls send neither; they cannot carry a victim's cookie.
    expect(post({})).toBe(false);
  });
});

describe("securityHeaders", () => {
  function directives(csp: string) {
    return Object.fromEntries(
      csp.split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
  }

  it("allows only scripts carrying this response's nonce", () => {
    const nonce = createNonce();
    const csp = directives(securityHeaders(nonce, { production: false })["Content-Security-Policy"]);
    expect(csp["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("uses a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("forbids framing, plugins, base rewriting and posting forms elsewhere", () => {
    const headers = securityHeaders("n", { production: false });
    const csp = directives(headers["Content-Security-Policy"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
  });

  it("insists on HTTPS in production only", () => {
    const live = securityHeaders("n", { production: true });
    expect(live["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    expect(securityHeaders("n", { production: false })).not.toHaveProperty("Strict-Transport-Security");
  });
});

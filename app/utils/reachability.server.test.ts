import type { NetworkInterfaceInfo } from "node:os";
import { lanAddresses, listenAddress, pageReach, startupReport } from "./reachability.server";

const info = (address: string, family: "IPv4" | "IPv6", internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo;
const LAPTOP = {
  lo: [info("127.0.0.1", "IPv4", true), info("::1", "IPv6", true)],
  wlan0: [info("192.168.1.23", "IPv4"), info("fe80::1", "IPv6")],
  eth0: [info("169.254.3.4", "IPv4")],
};
const NOTHING = { lo: [info("127.0.0.1", "IPv4", true)] };

describe("where the server listens", () => {
  it("listens on every interface unless HOST says otherwise", () => {
    expect(listenAddress({})).toEqual({ port: 3000 });
    expect(listenAddress({ PORT: "4101", HOST: "127.0.0.1" })).toEqual({ port: 4101, host: "127.0.0.1" });
  });

  it("finds the addresses phones on the same network can reach", () => {
    expect(lanAddresses(LAPTOP)).toEqual(["192.168.1.23"]);
    expect(lanAddresses(NOTHING)).toEqual([]);
  });
});

describe("what the console says at start", () => {
  it("names the LAN address to use when APP_URL is unset", () => {
    const lines = startupReport({ PORT: "4101" }, LAPTOP).join("\n");
    expect(lines).toContain("APP_URL is not set");
    expect(lines).toContain("Phones on the venue Wi-Fi can reach this laptop at http://192.168.1.23:4101 — start with APP_URL=http://192.168.1.23:4101");
  });

  it("says a loopback APP_URL or HOST will not reach phones, and what to do with no network", () => {
    const lines = startupReport({ APP_URL: "http://127.0.0.1:3000", HOST: "127.0.0.1" }, NOTHING).join("\n");
    expect(lines).toContain("HOST=127.0.0.1: only this machine can connect");
    expect(lines).toContain("APP_URL is http://127.0.0.1:3000, an address only this machine can open");
    expect(lines).toContain("join the venue's Wi-Fi (or a phone's hotspot)");
  });

  it("is one calm line when APP_URL is a real address", () => {
    expect(startupReport({ APP_URL: "http://192.168.1.23:3000" }, LAPTOP)).toEqual([
      "Links in emails, on pages and in QR codes point at http://192.168.1.23:3000.",
    ]);
  });
});

describe("what the event page says", () => {
  it("warns when the page's links are loopback, offering this machine's LAN address on the same port", () => {
    expect(pageReach({ origin: "http://localhost:4101", appUrl: "http://localhost:3000", interfaces: LAPTOP })).toEqual({
      shown: "http://localhost:4101",
      shownLoopback: true,
      lanUrls: ["http://192.168.1.23:4101"],
      emailsLoopback: true,
    });
  });

  it("still warns about emails when the browser used a LAN address but APP_URL is loopback", () => {
    expect(pageReach({ origin: "http://192.168.1.23:3000", appUrl: "http://localhost:3000", interfaces: LAPTOP })).toMatchObject({
      shownLoopback: false,
      emailsLoopback: true,
    });
  });

  it("says nothing when pages and emails both use reachable addresses", () => {
    expect(pageReach({ origin: "https://grants.example.org", appUrl: "https://grants.example.org", interfaces: LAPTOP })).toBeNull();
  });
});

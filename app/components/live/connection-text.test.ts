import { connectionText } from "./connection-text";

describe("the status line on the live pages", () => {
  it("says Live while the stream is connected and the browser online", () => {
    expect(connectionText("live", true, "panel")).toBe("Live: updates as they happen.");
  });

  it("says Offline, and what is kept, whenever the browser is offline, whatever the stream last said", () => {
    expect(connectionText("live", false, "panel")).toBe("Offline: your scores are kept and will be sent when the connection is back.");
    expect(connectionText("reconnecting", false, "audience")).toBe(
      "Offline: your vote is kept on this phone and will be sent when the connection is back.",
    );
    expect(connectionText("live", false)).toMatch(/^Offline: /);
  });
});

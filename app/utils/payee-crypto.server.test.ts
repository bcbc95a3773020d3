import type { PayeeDetails } from "~/domain/bank/payee-details";
import { openPayee, payeeFingerprint, PayeeSealBroken, sealPayee } from "~/utils/payee-crypto.server";

const details: PayeeDetails = { kind: "BANK", party: "GROUP", accountName: "Hill St Gardeners", sortCode: "089999", accountNumber: "66374958", chequePayee: null };

describe("bank details at rest", () => {
  it("opens what it sealed, and the sealed text shows none of the details", () => {
    const sealed = sealPayee(details, "bid-1");
    expect(openPayee(sealed, "bid-1")).toEqual(details);
    expect(sealed).not.toContain("66374958");
    expect(Buffer.from(sealed.slice(3), "base64").toString("latin1")).not.toContain("Hill St");
  });

  it("seals the same details differently each time (a fresh nonce)", () => {
    expect(sealPayee(details, "bid-1")).not.toBe(sealPayee(details, "bid-1"));
  });

  it("refuses a sealed value with any byte changed", () => {
    const sealed = sealPayee(details, "bid-1");
    const raw = Buffer.from(sealed.slice(3), "base64");
    for (const at of [0, 13, 30, raw.length - 1]) {
      const bent = Buffer.from(raw);
      bent[at] = bent[at]! ^ 0x01;
      expect(() => openPayee(`v1:${bent.toString("base64")}`, "bid-1")).toThrow(PayeeSealBroken);
    }
  });

  it("refuses a sealed value moved onto another bid", () => {
    expect(() => openPayee(sealPayee(details, "bid-1"), "bid-2")).toThrow(PayeeSealBroken);
  });

  it("refuses text that is not a sealed value", () => {
    expect(() => openPayee("v2:abcd", "bid-1")).toThrow(PayeeSealBroken);
    expect(() => openPayee("v1:", "bid-1")).toThrow(PayeeSealBroken);
    expect(() => openPayee("v1:AAAA", "bid-1")).toThrow(PayeeSealBroken);
  });

  it("fingerprints the same details alike and other details differently, without showing them", () => {
    const print = payeeFingerprint(details);
    expect(print).toMatch(/^[0-9a-f]{64}$/);
    expect(payeeFingerprint({ ...details })).toBe(print);
    expect(payeeFingerprint({ ...details, accountNumber: "66374957" })).not.toBe(print);
  });
});

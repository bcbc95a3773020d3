import { fingerprintText, maskPayee, parseStoredPayee, payeeFormSchema } from "~/domain/bank/payee-details";
import { PAYEE_ERROR_VALUES } from "~/domain/bank/payee-limits";
import { translate } from "~/i18n/catalogue.server";
import { parseForm } from "~/utils/forms";

const bank = { kind: "BANK", accountName: "Hill St  Gardeners", sortCode: "08-99-99", accountNumber: "6637 4958" };

describe("payeeFormSchema", () => {
  it("accepts a UK account that passes the modulus check, dropping spaces and dashes", () => {
    const result = parseForm(payeeFormSchema({ hasParent: false }), bank);
    expect(result).toMatchObject({
      ok: true,
      data: { kind: "BANK", party: "GROUP", accountName: "Hill St Gardeners", sortCode: "089999", accountNumber: "66374958", chequePayee: null },
    });
  });

  it("says next to the account number when it does not go with the sort code", () => {
    const result = parseForm(payeeFormSchema({ hasParent: false }), { ...bank, accountNumber: "66374959" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.accountNumber).toBe("bid.payee.error.accountNumberModulus");
    expect(result.errors.sortCode).toBeUndefined();
    expect(result.values.accountNumber).toBe("66374959");
  });

  it("names each missing or malformed field", () => {
    const result = parseForm(payeeFormSchema({ hasParent: false }), { kind: "BANK", accountName: "", sortCode: "12-34", accountNumber: "123456789" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      accountName: "bid.payee.error.accountNameMissing",
      sortCode: "bid.payee.error.sortCodeFormat",
      accountNumber: "bid.payee.error.accountNumberLong",
    });
  });

  it("pads a 7-digit account number with the bank's leading zero", () => {
    const result = parseForm(payeeFormSchema({ hasParent: false }), { ...bank, sortCode: "180002", accountNumber: "0000190" });
    expect(result).toMatchObject({ ok: true, data: { accountNumber: "00000190" } });
  });

  it("asks for a cheque payee and nothing else for a cheque", () => {
    expect(parseForm(payeeFormSchema({ hasParent: false }), { kind: "CHEQUE", chequePayee: "" })).toMatchObject({
      ok: false,
      errors: { chequePayee: "bid.payee.error.chequePayeeMissing" },
    });
    expect(parseForm(payeeFormSchema({ hasParent: false }), { kind: "CHEQUE", chequePayee: "Hill Street Gardeners" })).toMatchObject({
      ok: true,
      data: { kind: "CHEQUE", chequePayee: "Hill Street Gardeners", sortCode: null },
    });
  });

  it("lets the parent organisation be the payee only when the bid names one", () => {
    expect(parseForm(payeeFormSchema({ hasParent: true }), { ...bank, party: "PARENT" })).toMatchObject({ ok: true, data: { party: "PARENT" } });
    expect(parseForm(payeeFormSchema({ hasParent: true }), bank)).toMatchObject({ ok: false, errors: { party: expect.any(String) } });
    expect(parseForm(payeeFormSchema({ hasParent: false }), { ...bank, party: "PARENT" })).toMatchObject({ ok: true, data: { party: "GROUP" } });
  });

  it("refuses an account name longer than Bacs carries", () => {
    const result = parseForm(payeeFormSchema({ hasParent: false }), { ...bank, accountName: "The Hill Street Community Gardeners" });
    expect(result).toMatchObject({ ok: false, errors: { accountName: "bid.payee.error.accountNameTooLong" } });
  });
});

describe("showing and fingerprinting details", () => {
  const details = { kind: "BANK" as const, party: "GROUP" as const, accountName: "Hill Street", sortCode: "089999", accountNumber: "66374958", chequePayee: null };

  it("masks all but the last four digits", () => {
    expect(maskPayee(details)).toEqual({ kind: "BANK", party: "GROUP", name: "Hill Street", account: "08-99-99, account ending 4958", sortCode: "08-99-99", accountEnding: "4958" });
  });

  it("gives a different fingerprint text when any part changes, the same for the same details", () => {
    expect(fingerprintText(details)).toBe(fingerprintText({ ...details }));
    expect(fingerprintText(details)).not.toBe(fingerprintText({ ...details, accountNumber: "66374957" }));
    expect(fingerprintText(details)).not.toBe(fingerprintText({ ...details, party: "PARENT" }));
  });

  it("reads back only well-formed stored details", () => {
    expect(parseStoredPayee(details)).toEqual(details);
    expect(parseStoredPayee({ ...details, accountNumber: "123" })).toBeNull();
  });
});

describe("the form's errors, said in Welsh and English", () => {
  it("are keys each catalogue holds, with the limits filled in", () => {
    const form = payeeFormSchema({ hasParent: true });
    const cases = [
      {},
      { kind: "CHEQUE", party: "GROUP", chequePayee: "x".repeat(71) },
      { kind: "BANK", party: "GROUP", accountName: "Hill Street Gardeners Club", sortCode: "1", accountNumber: "12" },
      { kind: "BANK", party: "GROUP", accountName: "Hill Street £", sortCode: "", accountNumber: "" },
    ];
    const keys = new Set(cases.flatMap((values) => Object.values(parseForm(form, values).ok ? {} : (parseForm(form, values) as { errors: Record<string, string> }).errors)));
    expect(keys.size).toBe(9);
    for (const key of keys) expect(translate("cy", key, PAYEE_ERROR_VALUES)).not.toBe(translate("en", key, PAYEE_ERROR_VALUES));
    expect(translate("cy", "bid.payee.error.accountNameTooLong", PAYEE_ERROR_VALUES)).toMatch(/18 nod/);
    expect(translate("en", "bid.payee.error.chequePayeeTooLong", PAYEE_ERROR_VALUES)).toBe("Keep the name to 70 characters or fewer");
  });
});

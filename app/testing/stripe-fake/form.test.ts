import { fingerprint, FormSyntaxError, parseForm } from "./form";

describe("Stripe form encoding", () => {
  it("nests bracketed keys and turns indexed and empty brackets into lists", () => {
    expect(
      parseForm(
        "amount=1200&metadata[award]=aw_1&metadata[note]=tea+%26+cake&capabilities[transfers][requested]=true&expand[0]=b&expand[1]=a&types[]=x&types[]=y",
      ),
    ).toEqual({
      amount: "1200",
      metadata: { award: "aw_1", note: "tea & cake" },
      capabilities: { transfers: { requested: "true" } },
      expand: ["b", "a"],
      types: ["x", "y"],
    });
  });

  it("reads brackets whether or not they were percent-encoded", () => {
    expect(parseForm("metadata%5Bkey%5D=v")).toEqual({ metadata: { key: "v" } });
  });

  it("refuses a key used both as a value and as a hash", () => {
    expect(() => parseForm("metadata=x&metadata[a]=y")).toThrow(FormSyntaxError);
    expect(() => parseForm("a[b]=1&a=2")).toThrow(FormSyntaxError);
    expect(() => parseForm("a]=1")).toThrow(FormSyntaxError);
  });

  it("fingerprints parameters the same whatever order they came in", () => {
    const a = parseForm("amount=1&currency=gbp&metadata[x]=1&metadata[y]=2");
    const b = parseForm("metadata[y]=2&currency=gbp&metadata[x]=1&amount=1");
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(parseForm("amount=2&currency=gbp&metadata[x]=1&metadata[y]=2")));
  });
});

import { bodyLimitFor, readForm, REQUEST_LIMITS } from "~/utils/request-body.server";

// The routes' half of the request-body layer: what a posted form may be, and what happens
// when it is not (a 4xx Response thrown, never a 500 or a long parse).

const URL_ = "http://app.test/login";
const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request(URL_, { method: "POST", body, headers });
const urlencoded = (body: string) => post(body, { "Content-Type": "application/x-www-form-urlencoded" });

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
  throw new Error("the form was accepted");
}

describe("readForm", () => {
  it("reads an ordinary form, url-encoded or multipart, with repeated names kept in order", async () => {
    const form = await readForm(urlencoded("email=a%40b.test&role=ORGANISER&role=FUNDER&note=caf%C3%A9+au+lait"));
    expect(form.get("email")).toBe("a@b.test");
    expect(form.getAll("role")).toEqual(["ORGANISER", "FUNDER"]);
    expect(form.get("note")).toBe("café au lait");
    const multipart = new FormData();
    multipart.append("note", "Line one\r\nLine two");
    multipart.append("file", new File(['{"seq":1}'], "checkpoint.json", { type: "application/json" }));
    const read = await readForm(new Request(URL_, { method: "POST", body: multipart }));
    expect(read.get("note")).toBe("Line one\r\nLine two");
    expect(await (read.get("file") as File).text()).toBe('{"seq":1}');
  });

  it("refuses a body of another type with 415, naming the types it takes", async () => {
    for (const type of ["application/json", "text/plain", "application/xml", ""]) {
      const answer = await refusal(readForm(post('{"email":"a@b.test"}', type ? { "Content-Type": type } : {})));
      expect(answer.status).toBe(415);
      expect(answer.text).toMatch(/application\/x-www-form-urlencoded or multipart\/form-data/);
    }
  });

  it("refuses a multipart body without a boundary, cut short, or with the wrong boundary with 400", async () => {
    expect((await refusal(readForm(post("abc", { "Content-Type": "multipart/form-data" })))).status).toBe(400);
    const cut = '--XX\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc';
    expect((await refusal(readForm(post(cut, { "Content-Type": "multipart/form-data; boundary=XX" })))).status).toBe(400);
    const other = '--YY\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc\r\n--YY--\r\n';
    expect((await refusal(readForm(post(other, { "Content-Type": "multipart/form-data; boundary=XX" })))).status).toBe(400);
  });

  it("refuses more fields than the limit with 413 (60,000 repeats of one name), and takes the limit itself", async () => {
    const flood = await refusal(readForm(urlencoded(Array(60_000).fill("x=").join("&"))));
    expect(flood).toEqual({ status: 413, text: expect.stringContaining(`limit is ${REQUEST_LIMITS.fields}`) });
    const parts = Array.from({ length: REQUEST_LIMITS.fields + 1 }, () => '--B\r\nContent-Disposition: form-data; name="x"\r\n\r\n\r\n').join("");
    expect((await refusal(readForm(post(`${parts}--B--\r\n`, { "Content-Type": "multipart/form-data; boundary=B" })))).status).toBe(413);
    const atLimit = await readForm(urlencoded(Array(REQUEST_LIMITS.fields).fill("x=").join("&")));
    expect(atLimit.getAll("x")).toHaveLength(REQUEST_LIMITS.fields);
  });

  it("refuses one field larger than the limit with 413", async () => {
    const answer = await refusal(readForm(urlencoded(`note=${"a".repeat(REQUEST_LIMITS.fieldChars + 1)}`)));
    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(/One field of that form is too large/);
  });

  it("stops reading a body past the byte limit, even without a Content-Length (a chunked stream)", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`x=${"a".repeat(64 * 1024)}&`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      body: endless,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    const answer = await refusal(readForm(request));
    expect(answer).toEqual({ status: 413, text: "That request is too large (the limit is 1 MB)." });
    expect(pulled).toBeLessThan(REQUEST_LIMITS.bodyBytes * 2);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = urlencoded("x=1");
    request.headers.set("Content-Length", String(REQUEST_LIMITS.bodyBytes + 1));
    expect((await refusal(readForm(request))).status).toBe(413);
  });

  it("lets a phone photo through on the grant report's page only: 3 MB is taken there and refused on any other form", async () => {
    const photoForm = (url: string) => {
      const form = new FormData();
      form.append("intent", "add-photo");
      form.append("photo", new Blob([new Uint8Array(3_000_000)], { type: "image/jpeg" }), "hall.jpg");
      return new Request(url, { method: "POST", body: form });
    };
    const read = await readForm(photoForm("http://app.test/bid/abc123/report"));
    expect((read.get("photo") as File).size).toBe(3_000_000);
    expect(await refusal(readForm(photoForm("http://app.test/bid/abc123")))).toEqual({ status: 413, text: "That request is too large (the limit is 1 MB)." });
    expect(bodyLimitFor("/bid/abc123/report")).toBe(REQUEST_LIMITS.photoBodyBytes);
    expect(bodyLimitFor("/bid/abc123/report/photos/p1")).toBe(REQUEST_LIMITS.bodyBytes);
  });
});

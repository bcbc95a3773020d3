// The one way a route reads a posted form. The server (scripts/serve.ts) has already cut every
// body, chunked or not, at REQUEST_LIMITS.bodyBytes and refused compressed ones; this checks the
// content type and the number and size of fields, and parses in time proportional to the body,
// so no post, however odd, can keep the server busy. Wrong type: 415; too much: 413; a form we
// cannot read: 400. Each is a thrown plain-text Response, never a 500.
// (README: "Limits on what a request may send".)

export const REQUEST_LIMITS = {
  /** Whole body as sent. A bid filled to every limit is ~10 KB, under 100 KB even all in a non-Latin script. */
  bodyBytes: 1_000_000,
  /** Fields in one form. The largest form (a bid with 60 budget rows read) has under 200. */
  fields: 1_000,
  /** One field's name and value, in characters (decoded): far above the longest text any form takes
   *  (5,000), so a long paste still gets its message beside the field. */
  fieldChars: 200_000,
  /** Whole body of a photo added to a grant report: one phone photo (PHOTO_MAX_BYTES) and the form around it. */
  photoBodyBytes: 10_000_000,
} as const;

// why: a phone photo is 2-5 MB, so the end-of-grant report's photo form takes more than a form
// of words; every other address keeps the small limit.
const PHOTO_FORM = /^\/bid\/[^/]+\/report\/?$/;

/** The most bytes a request to this path may send. */
export function bodyLimitFor(pathname: string): number {
  return PHOTO_FORM.test(pathname) ? REQUEST_LIMITS.photoBodyBytes : REQUEST_LIMITS.bodyBytes;
}

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

export const FORM_TYPES = [URLENCODED, MULTIPART] as const;

function refuse(status: 400 | 413 | 415, message: string): Response {
  const statusText = { 400: "Bad Request", 413: "Payload Too Large", 415: "Unsupported Media Type" }[status];
  return new Response(message, { status, statusText, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function tooLargeMessage(limit: number): string {
  return `That request is too large (the limit is ${limit / 1_000_000} MB).`;
}

/** The media type (lower case) and its boundary parameter, from a Content-Type header. */
export function mediaType(header: string | null): { type: string; boundary: string | null } {
  const [type = "", ...parameters] = (header ?? "").split(";");
  let boundary: string | null = null;
  for (const parameter of parameters) {
    const at = parameter.indexOf("=");
    if (at < 0 || parameter.slice(0, at).trim().toLowerCase() !== "boundary") continue;
    boundary = parameter.slice(at + 1).trim().replace(/^"(.*)"$/, "$1") || null;
  }
  return { type: type.trim().toLowerCase(), boundary };
}

/** The body's bytes, stopping (413) as soon as there are more than `limit`. */
export async function readBodyBytes(request: Request, limit: number = bodyLimitFor(new URL(request.url).pathname)): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("Content-Length") ?? 0) > limit) throw refuse(413, tooLargeMessage(limit));
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw refuse(413, tooLargeMessage(limit));
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** How often `needle` occurs, counting no further than just past `stopAfter`. */
function countOf(haystack: Buffer | string, needle: string, stopAfter: number): number {
  let count = 0;
  let at = haystack.indexOf(needle);
  while (at >= 0 && count <= stopAfter) {
    count += 1;
    at = haystack.indexOf(needle, at + needle.length);
  }
  return count;
}

const TOO_MANY_FIELDS = `That form has too many fields (the limit is ${REQUEST_LIMITS.fields}).`;
const FIELD_TOO_LARGE = `One field of that form is too large (the limit is ${REQUEST_LIMITS.fieldChars.toLocaleString("en-GB")} characters).`;

function checkedFields(form: FormData): FormData {
  let fields = 0;
  for (const [name, value] of form.entries()) {
    fields += 1;
    if (fields > REQUEST_LIMITS.fields) throw refuse(413, TOO_MANY_FIELDS);
    // why files are exempt: only the checkpoint upload and a report's photo take one, and each checks its own size.
    const size = name.length + (typeof value === "string" ? value.length : 0);
    if (size > REQUEST_LIMITS.fieldChars) throw refuse(413, FIELD_TOO_LARGE);
  }
  return form;
}

function parseUrlEncoded(bytes: Uint8Array): FormData {
  const text = new TextDecoder().decode(bytes);
  // why count first: refuse a flood of fields before building anything from it.
  if (countOf(text, "&", REQUEST_LIMITS.fields) >= REQUEST_LIMITS.fields) throw refuse(413, TOO_MANY_FIELDS);
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
  return form;
}

async function parseMultipart(bytes: Uint8Array<ArrayBuffer>, contentType: string, boundary: string): Promise<FormData> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (countOf(buffer, `--${boundary}`, REQUEST_LIMITS.fields + 1) > REQUEST_LIMITS.fields + 1) throw refuse(413, TOO_MANY_FIELDS);
  try {
    return await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw refuse(400, "We could not read that form: its multipart body is cut short or malformed. Send it again.");
  }
}

/**
 * The posted form, or a thrown 400/413/415 Response. Every action that takes a form reads it
 * here instead of request.formData().
 */
export async function readForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type");
  const { type, boundary } = mediaType(contentType);
  if (type !== URLENCODED && type !== MULTIPART) {
    throw refuse(415, `This address takes a form sent as ${URLENCODED} or ${MULTIPART}, not ${type || "a body without a type"}.`);
  }
  if (type === MULTIPART && !boundary) throw refuse(400, "We could not read that form: its multipart type has no boundary.");
  const bytes = await readBodyBytes(request);
  const form = type === URLENCODED ? parseUrlEncoded(bytes) : await parseMultipart(bytes, contentType ?? "", boundary ?? "");
  return checkedFields(form);
}

// Stripe's request encoding: application/x-www-form-urlencoded with bracketed keys for nesting
// (`metadata[award]=a1`, `capabilities[transfers][requested]=true`) and indexed or empty
// brackets for lists (`expand[0]=x`, `types[]=a`). The same encoding is used for GET query
// strings. Values stay strings; each endpoint decides what a value must look like.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class FormSyntaxError extends Error {}

function splitKey(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) throw new FormSyntaxError(`Invalid parameter name: ${key}`);
  const parts = [match[1]];
  for (const m of match[2].matchAll(/\[([^[\]]*)\]/g)) parts.push(m[1]);
  return parts;
}

function isPlainObject(value: FormValue | undefined): value is { [key: string]: FormValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects whose keys are all list positions (0, 1, ... or appended) become arrays. */
function listify(value: FormValue): FormValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(listify);
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, listify(value[k])] as const);
  if (keys.length > 0 && keys.every((k) => /^(0|[1-9]\d*)$/.test(k) || k.startsWith("\u0000"))) {
    return entries
      .map(([k, v]) => [k.startsWith("\u0000") ? Number(k.slice(1)) + 1e9 : Number(k), v] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

export function parseForm(text: string): FormObject {
  const root: { [key: string]: FormValue } = {};
  let appended = 0;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    let key: string;
    let value: string;
    try {
      key = decode(rawKey);
      value = decode(rawValue);
    } catch {
      throw new FormSyntaxError("The request body could not be decoded.");
    }
    const path = splitKey(key).map((part) => (part === "" ? `\u0000${appended++}` : part));
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const existing = node[path[i]];
      if (existing === undefined) node[path[i]] = {};
      else if (!isPlainObject(existing)) throw new FormSyntaxError(`Invalid parameter nesting at ${key}`);
      node = node[path[i]] as { [key: string]: FormValue };
    }
    const last = path[path.length - 1];
    if (isPlainObject(node[last])) throw new FormSyntaxError(`Invalid parameter nesting at ${key}`);
    node[last] = value;
  }
  return listify(root) as FormObject;
}

/** The same parameters always give the same text, whatever order they were sent in. */
export function fingerprint(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${fingerprint(value[k])}`)
    .join(",")}}`;
}

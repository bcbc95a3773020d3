import type * as z from "zod";

// Turns a zod result into what a form needs: one message per field (the first), in the order
// the fields appear, plus what the person typed so nothing is lost on a failed submit.

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** FormData as a plain object; repeated names (budget lines, roles) become arrays. */
export function formValues(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = out[key];
    // why push, not a copy: a copy per repeat made 16,000 repeats of one name take seconds.
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

// NUL cannot be stored in a PostgreSQL text column, and no other control character belongs in
// anything a person types; tab and new lines (CR, LF) do, in text areas.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const CONTROL_CHARACTER_MESSAGE =
  "This had a hidden control character (such as a null byte) that cannot be saved. We have taken it out: check the text and send it again.";

/**
 * Values with control characters taken out, and an error for each field that had one, so the
 * page shows the field with a message beside it and the text without the character.
 */
export function withoutControlCharacters(values: FormValues): { values: FormValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const cleaned: FormValues = {};
  const clean = (key: string, value: string) => {
    if (typeof value !== "string" || !CONTROL.test(value)) return value;
    errors[key] = CONTROL_CHARACTER_MESSAGE;
    return value.replace(CONTROL_ALL, "");
  };
  for (const [key, value] of Object.entries(values)) {
    if (CONTROL.test(key)) continue; // no field of ours has such a name
    cleaned[key] = Array.isArray(value) ? value.map((one) => clean(key, one)) : clean(key, value);
  }
  return { values: cleaned, errors };
}

export type Submission<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

export function parseForm<S extends z.ZodType>(schema: S, input: FormData | Record<string, unknown>): Submission<z.infer<S>> {
  const raw = input instanceof FormData ? formValues(input) : (input as FormValues);
  const { values, errors: control } = withoutControlCharacters(raw);
  const result = schema.safeParse(values);
  if (result.success && Object.keys(control).length === 0) return { ok: true, data: result.data, values };
  const errors = result.success ? {} : fieldErrors(result.error);
  return { ok: false, errors: { ...errors, ...control }, values };
}

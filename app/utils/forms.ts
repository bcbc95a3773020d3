import type * as z from "zod";

// Turns a zod result into what a form needs: one message per field (the first), in the order
// the fields appear, plus what the person typed so nothing is lost on a failed submit.

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** FormData as a plain object; repeated names (budget lines, roles) become arrays. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export type Submission<T> =
  | { ok: true; data: T; values: Record<string, string | string[]> }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

export function parseForm<S extends z.ZodType>(schema: S, input: FormData | Record<string, unknown>): Submission<z.infer<S>> {
  const values = input instanceof FormData ? formValues(input) : (input as Record<string, string | string[]>);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: fieldErrors(result.error), values };
}

// What an action that can be refused returns: its outcome, or the human message (and, for a
// form, what to fix beside each field). A refusal is an answer for the person, not an error,
// so nothing is thrown.

/** Field name -> what is wrong with it (the same shape as utils/forms' FieldErrors). */
export type Problems = Record<string, string>;

export type Refusal = { ok: false; message: string; errors?: Problems };

export type Result<T> = ({ ok: true } & T) | Refusal;

export function refused(message: string, errors?: Problems): Refusal {
  return errors ? { ok: false, message, errors } : { ok: false, message };
}

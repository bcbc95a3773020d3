// Codes people read off a projector or a printed ticket and type on a phone.
//
// Interface:
//   CODE_ALPHABET                        the 30 characters codes are made of
//   generateCode(length, randomInt)      a fresh code; randomInt(max) -> 0..max-1 (crypto in models)
//   normaliseCode(input)                 what someone typed -> canonical code (or null if impossible)
//   formatCode(code)                     "K7QM3XPA" -> "K7QM-3XPA" for print and screens
//   JOIN_CODE_LENGTH, TICKET_CODE_LENGTH
//
// The alphabet leaves out characters that look or sound alike: 0/O, 1/I/L, U (reads as V),
// so a code read from the back of a village hall has one spelling. Case, spaces and hyphens do
// not matter when typed.

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The audience's event code: 30^6 ≈ 729 million, shown big on the screen. */
export const JOIN_CODE_LENGTH = 6;
/** Printed single-use ballot tickets: 30^8 ≈ 6.6e11, so tickets cannot be guessed. */
export const TICKET_CODE_LENGTH = 8;

export function generateCode(length: number, randomInt: (max: number) => number): string {
  if (!Number.isInteger(length) || length < 4) throw new RangeError("A code needs at least 4 characters.");
  let code = "";
  for (let i = 0; i < length; i++) {
    const index = randomInt(CODE_ALPHABET.length);
    if (!Number.isInteger(index) || index < 0 || index >= CODE_ALPHABET.length) {
      throw new RangeError("randomInt must return a whole number below its argument.");
    }
    code += CODE_ALPHABET[index];
  }
  return code;
}

/** Upper-cases and drops spaces and hyphens; null when a character cannot be in any code. */
export function normaliseCode(input: string, length?: number): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length === 0) return null;
  if (length !== undefined && code.length !== length) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Groups of four separated by hyphens, easier to read aloud and to copy. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** A message for a code that cannot be right, naming what codes are made of. */
export function codeProblem(input: string, length: number, what: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length === 0) return `Enter the ${what}.`;
  if ([...code].some((ch) => !CODE_ALPHABET.includes(ch))) {
    return `The ${what} uses only the letters A to Z (without I, L, O and U) and the numbers 2 to 9.`;
  }
  if (code.length !== length) return `The ${what} has ${length} characters.`;
  return null;
}

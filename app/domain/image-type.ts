// Photos are checked by what their bytes are, not by their name or the type the browser sent.

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** A phone's photo; the report's photo form may send 10 MB in all (README "Limits on what a request may send"). */
export const PHOTO_MAX_BYTES = 8_000_000;
export const PHOTOS_PER_REPORT = 6;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0) {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

export function imageType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export const PHOTO_TYPE_PROBLEM = "bid.report.error.photoType";

/** Why a photo cannot be taken (a catalogue key, said with REPORT_ERROR_VALUES), or null when it can. */
export function photoProblem(bytes: Uint8Array, photoCount: number): string | null {
  if (bytes.length === 0) return "bid.report.error.photoMissing";
  if (photoCount >= PHOTOS_PER_REPORT) return "bid.report.error.photoTooMany";
  if (bytes.length > PHOTO_MAX_BYTES) return "bid.report.error.photoTooBig";
  if (!imageType(bytes)) return PHOTO_TYPE_PROBLEM;
  return null;
}

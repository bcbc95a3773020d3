import { photoProblem, imageType, PHOTO_TYPE_PROBLEM } from "~/domain/image-type";
import { addPhotoRecord, photoRecord, photoSlot, removePhotoRecord, type Grant } from "~/models/grant-report.server";
import type { Result as Outcome } from "~/domain/result";
import { fileStorage } from "~/services/storage/storage.server";

// A report's photos: the bytes go to file storage, the row to the database. The file is
// written first and removed again if the row cannot be, so a row never names a missing file;
// a crash between the two leaves at worst an unnamed file, never a broken photo. Refusals are
// catalogue keys (bid.report.*), said on the group's page in its language.

export async function addReportPhoto(grant: Grant, bytes: Uint8Array, caption: string): Promise<Outcome<object>> {
  const slot = await photoSlot(grant);
  if (!slot.editable) return { ok: false, message: "bid.report.photosLocked" };
  const problem = photoProblem(bytes, slot.count);
  const type = imageType(bytes);
  if (problem || !type) return { ok: false, message: "bid.report.checkPhoto", errors: { photo: problem ?? PHOTO_TYPE_PROBLEM } };
  await fileStorage().put(slot.key, bytes);
  try {
    const saved = await addPhotoRecord(grant, { storageKey: slot.key, contentType: type, sizeBytes: bytes.length, caption });
    if (!saved.ok) await fileStorage().delete(slot.key);
    return saved;
  } catch (error) {
    await fileStorage().delete(slot.key);
    throw error;
  }
}

export async function removeReportPhoto(grant: Grant, photoId: string) {
  const key = await removePhotoRecord(grant, photoId);
  if (key) await fileStorage().delete(key);
  return key !== null;
}

/** A photo's bytes and type, for the group's link or staff; null when it is not this grant's. */
export async function reportPhoto(awardId: string, photoId: string) {
  const photo = await photoRecord(awardId, photoId);
  if (!photo) return null;
  const bytes = await fileStorage().get(photo.storageKey);
  return bytes ? { bytes, contentType: photo.contentType } : null;
}

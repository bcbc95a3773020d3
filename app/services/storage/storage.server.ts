import { DiskStorage } from "~/services/storage/disk.server";
import type { FileStorage } from "~/services/storage/file-storage";
import { env } from "~/utils/env.server";

export type { FileStorage };

// Where uploaded files live: one small interface, so files can move from the disk to object
// storage by adding an implementation, not by changing the models that call it. Keys are made
// by the app (never from a file name someone sent).

let storage: FileStorage | undefined;

export function fileStorage(): FileStorage {
  storage ??= new DiskStorage(`${env().DATA_DIR}/files`);
  return storage;
}

/** For tests: a storage of their own (a temporary folder). */
export function setFileStorage(next: FileStorage | undefined) {
  storage = next;
}

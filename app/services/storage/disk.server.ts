import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStorage } from "~/services/storage/file-storage";

const KEY = /^[a-z0-9][a-z0-9-]{0,120}$/;

/** Files in one folder, written whole (temporary name, then rename) so a crash never leaves half a file. */
export class DiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private file(key: string) {
    // why: a key is the app's own, but a path must never leave the folder whatever it holds.
    if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array) {
    const file = this.file(key);
    await mkdir(this.root, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  }

  async get(key: string) {
    try {
      return new Uint8Array(await readFile(this.file(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string) {
    await rm(this.file(key), { force: true });
  }
}

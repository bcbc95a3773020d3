// Where uploaded files live (see storage.server.ts for the one in use).

export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The file's bytes, or null when there is none under `key`. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

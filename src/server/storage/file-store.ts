/**
 * Where uploaded files live: one small interface, content-addressed by SHA-256, so the same bytes are kept
 * once however many records point at them, and a record names its file by hash. The local folder under
 * DATA_DIR is the only implementation today; an object store would implement the same three calls.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  /** Stores the bytes (durably, before returning) and answers their SHA-256 in hex; storing them again is a no-op. */
  put(data: Buffer): Promise<string>;
  /** The bytes of a hash; throws when there are none. */
  get(hash: string): Promise<Buffer>;
  has(hash: string): Promise<boolean>;
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const isHash = (s: string) => /^[0-9a-f]{64}$/.test(s);

/** The folder of content-addressed files under DATA_DIR (inside uploads/, beside the older per-report names). */
export const fileStoreDir = (dataDir: string) => path.join(dataDir, 'uploads', 'sha256');

/** Files in a local folder, sharded by the hash's first two digits: <dir>/ab/abcdef…. */
export function createLocalFileStore(dir: string): FileStore {
  const fileOf = (hash: string) => {
    if (!isHash(hash)) throw new Error(`not a SHA-256: ${hash}`);
    return path.join(dir, hash.slice(0, 2), hash);
  };
  const has = async (hash: string) => {
    try {
      return (await fs.stat(fileOf(hash))).isFile();
    } catch {
      return false;
    }
  };
  return {
    has,
    get: async (hash) => fs.readFile(fileOf(hash)),
    async put(data) {
      const hash = sha256(data);
      const file = fileOf(hash);
      if (await has(hash)) return hash;
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written aside, synced, then renamed: a reader never sees half a file, and two uploads of the same
      // bytes at once both end with the one complete file.
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await fs.open(tmp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, file);
      return hash;
    },
  };
}

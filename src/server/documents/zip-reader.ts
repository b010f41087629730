import yauzl from 'yauzl';
import { AppError } from '../errors';

/** Bounds on reading an uploaded archive (.xlsx, .docx, .zip). */
export interface ZipLimits {
  maxEntries: number;
  /** Declared total of every entry, and the bytes actually inflated by all reads together. */
  maxUnzippedBytes: number;
}

/** The 413 for an archive that would inflate beyond the limits: a zip bomb, or just far too big to import. */
export function tooLargeUnzipped(limits: ZipLimits): AppError {
  const mb = Math.round(limits.maxUnzippedBytes / 1024 / 1024);
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `Tệp quá lớn sau khi giải nén: tối đa ${mb} MB dữ liệu và ${limits.maxEntries} mục trong tệp. ` +
      'Hãy chỉ giữ bảng cần nhập rồi tải lên lại.',
    { file: `Tệp: quá ${mb} MB sau khi giải nén` },
  );
}

/** An archive whose sizes were checked before anything was inflated. */
export interface BoundedZip {
  has(name: string): boolean;
  /** Every entry's name, in the archive's order. */
  names(): string[];
  /** Streams one entry to `onChunk`, stopping with a 413 as soon as the archive's inflate budget runs out. */
  read(name: string, onChunk: (chunk: Buffer) => void): Promise<void>;
}

/**
 * Opens an archive from memory with yauzl, which trusts only the central directory and checks every entry's
 * inflated bytes against its declared size. Refuses (413) before inflating anything when the entry count or
 * the declared total is over the limits; reads then count actual inflated bytes against the same budget.
 */
export async function openZip(data: Buffer, limits: ZipLimits): Promise<BoundedZip> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  if (zip.entryCount > limits.maxEntries) throw tooLargeUnzipped(limits);
  const entries = new Map<string, yauzl.Entry>();
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    declared += entry.uncompressedSize;
    if (declared > limits.maxUnzippedBytes) throw tooLargeUnzipped(limits);
    entries.set(entry.fileName, entry);
  }
  let inflated = 0;
  return {
    has: (name) => entries.has(name),
    names: () => [...entries.keys()],
    async read(name, onChunk) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`no entry ${name}`);
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > limits.maxUnzippedBytes) throw tooLargeUnzipped(limits);
          onChunk(chunk);
        }
      } catch (e) {
        // yauzl stops an entry that inflates past its declared size: a bomb that lied about its size.
        if (e instanceof Error && e.message.startsWith('too many bytes')) throw tooLargeUnzipped(limits);
        throw e;
      } finally {
        stream.destroy();
      }
    },
  };
}

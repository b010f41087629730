import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { neededSubstitutes } from '../../documents/office-fonts';
import { openZip } from '../../documents/zip-reader';
import { createWorkQueue, type WorkQueue } from '../../work-queue';
import { docxToPdf, hasSoffice } from './pdf';

export interface PdfRendererOptions {
  /** Where converted PDFs are kept (DATA_DIR/cache/pdf). */
  cacheDir: string;
  /** LibreOffice conversions at once (PDF_CONCURRENCY). */
  concurrency: number;
  /** Conversions that may wait for one (PDF_QUEUE_LENGTH); beyond that the answer is 503 + Retry-After. */
  maxWaiting: number;
  /** The cache's size on disk (PDF_CACHE_MB); the least recently used files go first. */
  maxCacheBytes: number;
}

export interface PdfRenderer {
  /**
   * The PDF of a .docx: from the cache when the same document was converted before, else converted in the
   * queue (one conversion for simultaneous requests of one document). Null when LibreOffice is missing;
   * BusyError (503) when the queue is full.
   */
  render(docx: Buffer): Promise<Buffer | null>;
  /** LibreOffice runs and cache hits since start (tests and the benchmark read them). */
  readonly stats: { conversions: number; cacheHits: number };
  readonly queue: WorkQueue;
}

/**
 * What determines a PDF's look: every part of the .docx but docProps/ (its timestamps change on every
 * generation), and the fonts LibreOffice substitutes on this server. So one plan version always gets one
 * key, and a change in the layout code or in the fonts makes a new one.
 */
export async function docxContentKey(docx: Buffer): Promise<string> {
  const zip = await openZip(docx, { maxEntries: 1000, maxUnzippedBytes: 256 * 1024 * 1024 });
  const hash = createHash('sha256');
  hash.update(`fonts:${JSON.stringify(await neededSubstitutes())}\0`);
  for (const name of zip.names().sort()) {
    if (name.startsWith('docProps/')) continue;
    hash.update(`${name}\0`);
    await zip.read(name, (chunk) => hash.update(chunk));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Makes PDFs through a small queue and keeps them by content, so a version is converted once. */
export function createPdfRenderer(opts: PdfRendererOptions): PdfRenderer {
  const queue = createWorkQueue({
    concurrency: opts.concurrency,
    maxWaiting: opts.maxWaiting,
    retryAfterSeconds: 10,
    busyMessage:
      'Máy chủ đang tạo nhiều bản PDF cùng lúc; hãy thử lại sau ít giây (bản Word vẫn tải được ngay).',
  });
  const stats = { conversions: 0, cacheHits: 0 };
  const inFlight = new Map<string, Promise<Buffer | null>>();

  const convert = async (key: string, docx: Buffer): Promise<Buffer | null> => {
    const pdf = await queue.run(async () => {
      const out = await docxToPdf(docx);
      if (out) stats.conversions++;
      return out;
    });
    if (pdf) await store(opts, key, pdf);
    return pdf;
  };

  return {
    stats,
    queue,
    async render(docx) {
      const key = await docxContentKey(docx);
      const cached = await readCached(opts.cacheDir, key);
      if (cached) {
        stats.cacheHits++;
        return cached;
      }
      if (!(await hasSoffice())) return null;
      let running = inFlight.get(key);
      if (!running) {
        running = convert(key, docx).finally(() => inFlight.delete(key));
        inFlight.set(key, running);
      }
      return running;
    },
  };
}

async function readCached(dir: string, key: string): Promise<Buffer | null> {
  const file = path.join(dir, `${key}.pdf`);
  try {
    const data = await fs.readFile(file);
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => {}); // most recently used: pruned last
    return data;
  } catch {
    return null;
  }
}

/** Writes atomically (a reader never sees half a PDF), then trims the cache to its size. Best effort. */
async function store(opts: PdfRendererOptions, key: string, pdf: Buffer): Promise<void> {
  try {
    await fs.mkdir(opts.cacheDir, { recursive: true });
    const tmp = path.join(opts.cacheDir, `.${randomUUID()}.tmp`);
    await fs.writeFile(tmp, pdf);
    await fs.rename(tmp, path.join(opts.cacheDir, `${key}.pdf`));
    await prune(opts.cacheDir, opts.maxCacheBytes);
  } catch {
    // A full or read-only disk costs the cache, never the answer.
  }
}

async function prune(dir: string, maxBytes: number): Promise<void> {
  const files = await Promise.all(
    (await fs.readdir(dir))
      .filter((n) => n.endsWith('.pdf'))
      .map(async (name) => ({ name, ...(await fs.stat(path.join(dir, name))) })),
  );
  let total = files.reduce((s, f) => s + f.size, 0);
  for (const f of files.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    if (total <= maxBytes) break;
    await fs.rm(path.join(dir, f.name), { force: true });
    total -= f.size;
  }
}

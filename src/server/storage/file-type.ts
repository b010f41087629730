/**
 * What an uploaded file is, read from its bytes (magic numbers), never from its name: a program renamed
 * "bao-cao.pdf" is not a PDF. Office Open XML files are zip archives whose central directory lists
 * [Content_Types].xml and the main part (word/… or xl/…); OpenDocument text names its type in "mimetype".
 */
import yauzl from 'yauzl';

export const fileKinds = ['pdf', 'docx', 'xlsx', 'odt', 'doc', 'jpg', 'png'] as const;
export type FileKind = (typeof fileKinds)[number];

export const fileKindMime: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  // The compound-file header is shared by .doc and .xls: the name's extension picks which one.
  doc: 'application/msword',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/** Extensions a name may carry for each kind (the legacy compound-file kind covers .doc and .xls). */
export const fileKindExtensions: Record<FileKind, readonly string[]> = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  odt: ['.odt'],
  doc: ['.doc', '.xls'],
  jpg: ['.jpg', '.jpeg'],
  png: ['.png'],
};

const starts = (data: Buffer, magic: readonly number[]) =>
  data.length >= magic.length && magic.every((b, i) => data[i] === b);

/** Entries looked at in an archive before giving up: an Office file lists a few dozen. */
const MAX_ENTRIES = 1000;

async function zipKind(data: Buffer): Promise<FileKind | null> {
  try {
    const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true });
    if (zip.entryCount > MAX_ENTRIES) return null;
    const names = new Set<string>();
    for await (const entry of zip.eachEntry()) names.add(entry.fileName);
    if (names.has('[Content_Types].xml')) {
      if (names.has('word/document.xml')) return 'docx';
      if (names.has('xl/workbook.xml')) return 'xlsx';
      return null;
    }
    // OpenDocument: the first entry "mimetype" is stored uncompressed, so its text is in the local header's data.
    if (names.has('mimetype') && data.subarray(30, 120).toString('latin1').includes('opendocument.text')) {
      return 'odt';
    }
    return null;
  } catch {
    return null;
  }
}

/** The file's kind from its first bytes (and, for zip archives, their entries); null when it is none of ours. */
export async function sniffFileKind(data: Buffer): Promise<FileKind | null> {
  if (starts(data, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(data, [0xff, 0xd8, 0xff])) return 'jpg';
  if (starts(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) return zipKind(data);
  return null;
}

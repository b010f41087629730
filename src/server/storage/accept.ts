import path from 'node:path';
import { AppError } from '../errors';
import type { Upload } from '../http';
import { fileKindExtensions, fileKindMime, sniffFileKind, type FileKind } from './file-type';

export interface AcceptedFile {
  kind: FileKind;
  /** The name as the user chose it (its last path part, at most 200 characters). */
  filename: string;
  contentType: string;
  data: Buffer;
}

const list = (kinds: readonly FileKind[]) => kinds.flatMap((k) => fileKindExtensions[k]).join(', ');

/**
 * Accepts an upload only when its bytes are one of the kinds asked for and its name's extension says the
 * same kind: an .exe renamed .pdf, or a Word file named .pdf, is refused with a Vietnamese 400 naming the
 * kinds accepted. Empty files are refused too.
 */
export async function acceptUpload(file: Upload, kinds: readonly FileKind[]): Promise<AcceptedFile> {
  const filename = path.basename(file.filename.replace(/\\/g, '/')).slice(0, 200);
  if (!file.data.length) throw new AppError('VALIDATION', 'Tệp tải lên bị trống.', { file: 'Tệp: trống' });
  const kind = await sniffFileKind(file.data);
  const ext = path.extname(filename).toLowerCase();
  if (!kind || !kinds.includes(kind) || !fileKindExtensions[kind].includes(ext)) {
    throw new AppError(
      'VALIDATION',
      `Tệp "${filename}" không đúng định dạng: nội dung tệp phải là ${list(kinds)} và khớp với tên tệp.`,
      { file: 'Tệp: định dạng không được nhận' },
    );
  }
  const contentType = ext === '.xls' ? 'application/vnd.ms-excel' : fileKindMime[kind];
  return { kind, filename, contentType, data: file.data };
}

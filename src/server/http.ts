import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';

export interface Upload {
  data: Buffer;
  filename: string;
}

export interface FileOut {
  data: Buffer;
  filename: string;
  kind: 'xlsx' | 'docx' | 'pdf';
}

const mime: Record<FileOut['kind'], string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The one file of a multipart request (field "file"), or a Vietnamese 400 (also for a broken body). */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  const missing = () =>
    new AppError('VALIDATION', 'Hãy chọn một tệp .xlsx hoặc .csv để tải lên.', { file: 'Tệp: là bắt buộc' });
  if (!req.isMultipart()) throw missing();
  try {
    const part = await req.file();
    if (!part) throw missing();
    return { data: await part.toBuffer(), filename: part.filename };
  } catch (e) {
    // A body cut short or malformed is the client's error (400); too large stays 413 (it has a statusCode).
    if (e instanceof AppError || (typeof e === 'object' && e !== null && 'statusCode' in e)) throw e;
    throw new AppError('VALIDATION', 'Tệp tải lên bị hỏng hoặc gửi không trọn vẹn; hãy thử lại.', {
      file: 'Tệp: không đọc được',
    });
  }
}

/** Sends a generated document as a download with a UTF-8 file name. */
export function sendFile(reply: FastifyReply, file: FileOut) {
  const ascii = file.filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-');
  return reply
    .header('content-type', mime[file.kind])
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .send(file.data);
}

import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { toFieldErrors } from '../shared/validation-messages';
import { AppError, invalid } from './errors';
import { MAX_UPLOAD_BYTES } from './limits';

export interface Upload {
  data: Buffer;
  filename: string;
}

export interface FileOut {
  data: Buffer;
  filename: string;
  kind: 'xlsx' | 'docx' | 'pdf' | 'zip';
}

const mime: Record<FileOut['kind'], string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/** The request's file, read only when called: a service checks access first, then reads the body. */
export type UploadSource = () => Promise<Upload>;

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `Tệp tải lên quá lớn: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, {
    file: `Tệp: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
  });
const broken = () =>
  new AppError('VALIDATION', 'Tệp tải lên bị hỏng hoặc gửi không trọn vẹn; hãy thử lại.', {
    file: 'Tệp: không đọc được',
  });

/**
 * The one file of a multipart request (field "file"), as an UploadSource: nothing is read until the service
 * calls it. Every multipart failure is the client's: 413 when too large, otherwise 400 (never a 500).
 */
export function uploadOf(
  req: FastifyRequest,
  missingMessage = 'Hãy chọn một tệp .xlsx hoặc .csv để tải lên.',
): UploadSource {
  let read: Promise<Upload> | undefined;
  return () => (read ??= readUpload(req, missingMessage));
}

async function readUpload(req: FastifyRequest, missingMessage: string): Promise<Upload> {
  const missing = () => new AppError('VALIDATION', missingMessage, { file: 'Tệp: là bắt buộc' });
  if (!req.isMultipart()) throw missing();
  try {
    const part = await req.file();
    if (!part) throw missing();
    const data = await part.toBuffer();
    // busboy marks a file cut at the size limit; toBuffer misses the mark when the cut falls exactly on a
    // chunk boundary (a chunked body), and would hand back the first 10 MB as if it were the whole file.
    if (part.file.truncated) throw tooLarge();
    return { data, filename: part.filename };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as { statusCode?: number }).statusCode === 413) throw tooLarge();
    // Truncated body, no closing boundary, no boundary at all, a malformed part header…
    throw broken();
  }
}

/**
 * The ASCII stand-in of a file name for old clients: Vietnamese letters without their marks (đ → d), every
 * other run of signs one hyphen ("Bảng chấm điểm - Sở Tài chính.docx" → "Bang-cham-diem-So-Tai-chinh.docx").
 */
export function asciiFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${fold(stem) || 'tep'}${ext ? `.${fold(ext)}` : ''}`;
}

/** An attachment's Content-Disposition: the Vietnamese name (filename*, UTF-8) and its ASCII fallback. */
export const attachment = (filename: string): string =>
  contentDisposition(filename, { fallback: asciiFileName(filename) });

/** Sends a generated document as a download with a UTF-8 file name. */
export function sendFile(reply: FastifyReply, file: FileOut) {
  return reply
    .header('content-type', mime[file.kind])
    .header('content-disposition', attachment(file.filename))
    .send(file.data);
}

/**
 * A route's validator that leaves the body to its service (params and query are checked as usual): the
 * schema still documents the body in OpenAPI, and the service validates it with `parseBody` after its access
 * check, so a caller without the right learns nothing from the body's errors and costs nothing to refuse.
 */
export function bodyCheckedInService<T>(route: FastifyRouteSchemaDef<T>): FastifyValidationResult {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data });
  return validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]);
}

/** Validates a request body against its schema: a 400 naming each wrong field, as the route would give. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(toFieldErrors(parsed.error.issues));
  return parsed.data;
}

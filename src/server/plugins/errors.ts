import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { toFieldErrors } from '../../shared/validation-messages';
import { AppError, BusyError } from '../errors';
import type { ErrorBody } from '../../shared/errors';

const clientErrorMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung gửi lên không phải JSON hợp lệ.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung gửi lên bị trống.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu nội dung (Content-Type) không được hỗ trợ.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  FST_REQ_FILE_TOO_LARGE: 'Tệp tải lên quá lớn.',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Yêu cầu phải gửi tệp dạng multipart/form-data.',
};

/** One error handler: AppError and validation errors become { code, message, fieldErrors }; 5xx never leak. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof BusyError) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map(
        (v) =>
          ({
            ...v.params,
            code: v.keyword,
            message: v.message,
            path: v.instancePath
              .split('/')
              .filter(Boolean)
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          }) as unknown as z.core.$ZodIssue,
      );
      const fieldErrors = toFieldErrors(issues);
      const body: ErrorBody = {
        code: 'VALIDATION',
        message: `Dữ liệu không hợp lệ: ${Object.values(fieldErrors).join('; ')}`,
        fieldErrors,
      };
      return reply.status(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: error.message } satisfies ErrorBody);
    }
    if (status >= 400 && status < 500) {
      const body: ErrorBody = {
        code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
        message: clientErrorMessages[error.code] ?? 'Yêu cầu không hợp lệ.',
      };
      return reply.status(status).send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = {
      code: 'INTERNAL',
      message: `Đã có lỗi hệ thống. Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị viên mã yêu cầu ${request.id}.`,
    };
    return reply.status(500).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `Không có đường dẫn ${request.method} ${request.url}.`,
    };
    return reply.status(404).send(body);
  });
}

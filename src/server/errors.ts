import { errorStatus, type ErrorBody, type ErrorCode, type RowError } from '../shared/errors';

/** The one error type services throw. Its message is Vietnamese and shown to the user as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
    readonly rowErrors?: RowError[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.rowErrors ? { rowErrors: this.rowErrors } : {}),
    };
  }
}

/** 503 with Retry-After: a queue of heavy work (spreadsheet reading, PDF) is full; nothing was done. */
export class BusyError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('BUSY', message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('FORBIDDEN', why);
export const conflict = (message: string, fieldErrors?: Record<string, string>) =>
  new AppError('CONFLICT', message, fieldErrors);
export const invalid = (fieldErrors: Record<string, string>) =>
  new AppError('VALIDATION', `Dữ liệu không hợp lệ: ${Object.values(fieldErrors).join('; ')}`, fieldErrors);

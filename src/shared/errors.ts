/** Error codes shared by server and web, with the HTTP status each one maps to. */
export const errorStatus = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The server is at its limit for heavy work (file reading, PDF): try again after Retry-After seconds. */
  BUSY: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Body of every 4xx/5xx answer. fieldErrors maps a field path ("unitIds.2") to a Vietnamese message. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
  rowErrors?: RowError[];
}

/**
 * One problem in one row of an imported file, as the user finds it in the sheet: the row number, the
 * column's header as written in the file (`field`) and its letter (`column`, "C").
 */
export interface RowError {
  row: number;
  field: string;
  column?: string;
  message: string;
}

/**
 * What one request may make the server read. Each limit is documented in README ("Limits"); the numbers are
 * far above what a real import needs (a bloc's criteria: ~100 rows; a province's units: a few thousand).
 */

/** The largest uploaded file (a report, an import), counted as it streams in. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Multipart bodies: one file, and no room for a flood of fields or parts before it. */
export const multipartLimits = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 64 * 1024,
  parts: 12,
  headerPairs: 100,
} as const;

/** Reading a spreadsheet (.xlsx or .csv) that a user uploaded. */
export const tableLimits = {
  /** Entries in the .xlsx archive (a workbook has a dozen or two). */
  maxEntries: 1000,
  /** Uncompressed bytes: the archive's declared total, and the bytes actually inflated while reading. */
  maxUnzippedBytes: 32 * 1024 * 1024,
  /** Rows with content; a file with more is refused. */
  maxRows: 10_000,
  /** Columns read per row; cells further right are ignored (imports know at most a dozen columns). */
  maxColumns: 64,
  /** Distinct texts in the workbook's shared-string table. */
  maxSharedStrings: 200_000,
  /** Merged ranges whose value is copied into their cells, as Excel shows them. */
  maxMergedCells: 100_000,
};
export type TableLimits = typeof tableLimits;

/** Spreadsheet reads at once, and how many may wait; beyond that the server answers 503 (busy). */
export const parseQueueLimits = { concurrency: 2, maxWaiting: 8, retryAfterSeconds: 5 } as const;

/** A page's code could not be fetched: usually the app was updated since this tab opened (old chunk names). */
export const isChunkLoadError = (error: unknown): boolean =>
  error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);

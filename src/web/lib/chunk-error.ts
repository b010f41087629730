/**
 * A page's code could not be fetched: usually the app was updated since this tab opened, so its old chunk
 * names are gone. Vite fetches a page's CSS first ("Unable to preload CSS"), then its JavaScript.
 */
export const isChunkLoadError = (error: unknown): boolean =>
  error instanceof Error &&
  /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);

import type { z } from 'zod';

/**
 * A reader for one kind of JSON column: parses the text and checks it against the column's schema, so a
 * repository hands out domain values and nothing past it parses a column. A row that does not match is a
 * server fault (500), never a guess.
 */
export const jsonColumn =
  <S extends z.ZodType>(schema: S) =>
  (json: string): z.output<S> =>
    schema.parse(JSON.parse(json));

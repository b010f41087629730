import { z } from 'zod';

/**
 * GET /api/health: liveness, the database, and whether this server can make PDFs (LibreOffice installed).
 * 503 with status "error" when the server refuses writes (the database's log could not be flushed: restart).
 */
export const ZHealthSchema = z.object({
  status: z.enum(['ok', 'error']),
  db: z.enum(['sqlite', 'postgres']),
  migration: z.string().nullable(),
  pdf: z.boolean(),
  error: z.string().optional(),
});
export type THealth = z.infer<typeof ZHealthSchema>;

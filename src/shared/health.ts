import { z } from 'zod';

/** GET /api/health: liveness, the database, and whether this server can make PDFs (LibreOffice installed). */
export const ZHealthSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['sqlite', 'postgres']),
  migration: z.string().nullable(),
  pdf: z.boolean(),
});
export type THealth = z.infer<typeof ZHealthSchema>;

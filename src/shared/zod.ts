import { z } from 'zod';
import { issueMessage } from './validation-messages';

// Every schema's default messages are Vietnamese; a message written in a schema still wins.
z.config({ customError: (issue) => issueMessage(issue) });

/**
 * The largest revision or version number a client may send: one below PostgreSQL's INTEGER maximum, so that
 * the next revision (n + 1) still fits the column.
 */
export const MAX_CLIENT_INT = 2_147_483_646;

export { z };

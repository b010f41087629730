import { z } from 'zod';
import { issueMessage } from './validation-messages';

// Every schema's default messages are Vietnamese; a message written in a schema still wins.
z.config({ customError: (issue) => issueMessage(issue) });

export { z };

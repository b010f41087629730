#!/usr/bin/env node
// The `thidua` command: runs the TypeScript sources through tsx (no separate server build step).
import { register } from 'tsx/esm/api';

// The thread pool runs password hashing (argon2) and the database's disk flushes: a burst of sign-ins
// must not hold every thread while submissions wait for their flush (the default is 4).
process.env.UV_THREADPOOL_SIZE ??= '8';
register();
await import('../src/cli/main.ts');

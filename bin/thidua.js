#!/usr/bin/env node
// The `thidua` command: runs the TypeScript sources through tsx (no separate server build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

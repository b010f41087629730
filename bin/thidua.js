#!/usr/bin/env node
// The `thidua` command: runs the server build (`npm run build` writes dist/server/thidua.js from src/).
import { existsSync } from 'node:fs';

const build = new URL('../dist/server/thidua.js', import.meta.url);
if (!existsSync(build)) {
  console.error('Chưa có bản dựng của máy chủ (dist/server/thidua.js): hãy chạy `npm run build` trước.');
  process.exit(1);
}
await import(build.href);

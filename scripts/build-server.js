// Compiles the server and the `thidua` command to one JavaScript file, dist/server/thidua.js, that plain
// `node` runs (bin/thidua.js). Packages stay in node_modules (not bundled); the worker scripts that the
// server starts by a path next to its own file are copied beside it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist/server';
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: `${outdir}/thidua.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
for (const worker of ['src/server/db/checkpointer.mjs', 'src/server/modules/auth/strength-worker.mjs']) {
  copyFileSync(worker, `${outdir}/${worker.split('/').at(-1)}`);
}

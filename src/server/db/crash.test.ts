import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

describe('a crash of the server process', () => {
  it('loses no acknowledged commit and leaves the database consistent (SIGKILL under concurrent writes)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-crash-'));
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, '../testing/crash-writer.ts'), dir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const acknowledged = new Set<string>();
      let buffer = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('crash-')) acknowledged.add(line);
        // Killed mid-stream, with commits and flushes in flight.
        if (acknowledged.size >= 500 && child.exitCode === null) child.kill('SIGKILL');
      });
      const guard = setTimeout(() => child.kill('SIGKILL'), 20_000); // never outlives the test
      await new Promise<void>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', () => resolve()); // after the exit and the end of its output
      }).finally(() => clearTimeout(guard));
      expect(acknowledged.size).toBeGreaterThanOrEqual(500);
      const db = new SQLite(path.join(dir, 'thidua.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = new Set(
          db.prepare("SELECT key FROM settings WHERE key LIKE 'crash-%'").pluck().all() as string[],
        );
        const lost = [...acknowledged].filter((k) => !stored.has(k));
        expect(lost).toEqual([]);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

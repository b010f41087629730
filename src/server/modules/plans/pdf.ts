import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { prepareOfficeProfile } from '../../documents/office-fonts';

const run = promisify(execFile);

/** Whether LibreOffice (`soffice`) is on PATH. */
export async function hasSoffice(): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      await fs.access(path.join(dir, 'soffice'), fs.constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/**
 * Converts a .docx to PDF with headless LibreOffice in a temporary directory, with its own profile so that
 * conversions may run side by side (with the font replacements of office-fonts.ts), and a time limit. Null
 * when LibreOffice is not installed.
 */
export async function docxToPdf(docx: Buffer, timeoutMs = 90_000): Promise<Buffer | null> {
  if (!(await hasSoffice())) return null;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-pdf-'));
  try {
    const input = path.join(dir, 'ke-hoach.docx');
    await fs.writeFile(input, docx);
    await prepareOfficeProfile(path.join(dir, 'profile'));
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: timeoutMs, killSignal: 'SIGKILL' },
    );
    return await fs.readFile(path.join(dir, 'ke-hoach.pdf'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

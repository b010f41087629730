/**
 * The fonts LibreOffice uses for the PDFs. The documents ask for Times New Roman; a server rarely has it, and
 * LibreOffice's own fallback (Liberation Serif 1.x on Debian) lacks most Vietnamese letters, so it borrows
 * them glyph by glyph from another font and the marks of ế, ị, ả, ố drift off their letters. When the named
 * font is missing, the conversion's profile replaces it with a metric-compatible font with full Vietnamese
 * coverage (Tinos, Debian `fonts-croscore`): same line breaks and pages as Word, one font per face.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { FONT } from './docx/layout';

const run = promisify(execFile);

/** Named font → its metric-compatible replacement. */
export const FONT_SUBSTITUTES: readonly { font: string; substitute: string }[] = [
  { font: FONT, substitute: 'Tinos' },
];

let families: Promise<Set<string>> | undefined;

/** The font families fontconfig knows (empty when fc-list is missing); read once. */
export function installedFamilies(): Promise<Set<string>> {
  families ??= run('fc-list', [':', 'family']).then(
    ({ stdout }) => new Set(stdout.split('\n').flatMap((l) => l.split(',').map((f) => f.trim()))),
    () => {
      families = undefined; // not remembered: asked again next time
      return new Set<string>();
    },
  );
  return families;
}

/** The replacements this server needs: the named font is not installed, its replacement is. */
export async function neededSubstitutes(): Promise<{ font: string; substitute: string }[]> {
  const fonts = await installedFamilies();
  return FONT_SUBSTITUTES.filter((s) => !fonts.has(s.font) && fonts.has(s.substitute));
}

const prop = (name: string, value: string) =>
  `<prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop>`;

/** LibreOffice's replacement table ("Tools > Options > Fonts") as registrymodifications.xcu. */
export function replacementTable(pairs: readonly { font: string; substitute: string }[]): string {
  const nodes = pairs.map(
    (p, i) =>
      `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${i}" oor:op="replace">` +
      prop('Always', 'true') +
      prop('OnScreenOnly', 'false') +
      prop('ReplaceFont', p.font) +
      prop('SubstituteFont', p.substitute) +
      '</node></item>',
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution">${prop('Replacement', 'true')}</item>`,
    ...nodes,
    '</oor:items>',
  ].join('\n');
}

/** Prepares a fresh LibreOffice profile in `profileDir` with the replacements this server needs. */
export async function prepareOfficeProfile(profileDir: string): Promise<void> {
  const pairs = await neededSubstitutes();
  if (!pairs.length) return;
  await fs.mkdir(path.join(profileDir, 'user'), { recursive: true });
  await fs.writeFile(path.join(profileDir, 'user', 'registrymodifications.xcu'), replacementTable(pairs));
}

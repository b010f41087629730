/** Vietnamese text compared the way people search and write headers: without accents, any case. */

/** Lower-case, without Vietnamese diacritics, spaces collapsed: "Mã  Đơn vị" → "ma don vi". */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text, accent-free: punctuation separates words ("II. Điểm thưởng:" → "ii diem thuong"). */
export function words(s: string): string {
  return normalizeText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Whether a text contains a phrase as whole words, accents and case ignored: "Điểm trừ" is in "III. Các
 * điểm trừ", but "trừ" is not in "tuyên truyền" nor "môi trường".
 */
export function hasPhrase(text: string, phrase: string): boolean {
  return ` ${words(text)} `.includes(` ${words(phrase)} `);
}

/**
 * A person's name as it is printed under a signature (Decree 30: normal case, bold): a name typed all in
 * capitals ("BÙI NGỌC HẢI") becomes "Bùi Ngọc Hải"; any other is kept as typed.
 */
export function nameCase(name: string): string {
  const n = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (n !== n.toLocaleUpperCase('vi') || n === n.toLocaleLowerCase('vi')) return n;
  return n
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

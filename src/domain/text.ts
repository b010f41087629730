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

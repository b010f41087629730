/**
 * The text conventions of Decree 30/2020/NĐ-CP that do not depend on the .docx layout: the number line,
 * the place-and-date line and the recipients list.
 */
import { instantToVn } from '../../../domain/time';

/** Room left for the clerk to write a number or a day by hand. */
const BLANK = '\u00a0'.repeat(8);

/**
 * "Số: 1192/KH-KTĐ". Null leaves the number blank for the clerk ("Số:        /"); a symbol alone
 * ("/KH-KTĐ") keeps the symbol and leaves the number blank.
 */
export function docNumberLine(docNumber: string | null | undefined): string {
  const n = docNumber?.trim() ?? '';
  if (!n) return `Số: ${BLANK}/`;
  return n.startsWith('/') ? `Số: ${BLANK}${n}` : `Số: ${n}`;
}

/** Day numbers below 10 and the months January and February take a leading zero (Decree 30, Appendix I). */
const pad = (n: number, always: boolean) => (always && n < 10 ? `0${n}` : String(n));

/** A dotted blank to write on by hand. */
export const DOTS = '……';

/**
 * "Hải Phòng, ngày 20 tháng 3 năm 2024", the date taken in Vietnam time. Null leaves day, month and
 * year for the writer: "Hải Phòng, ngày …… tháng …… năm 20……" (and the place, when none is known).
 */
export function placeDateLine(place: string, date: Date | null | undefined): string {
  if (!date) return `${place.trim() || DOTS.repeat(3)}, ngày ${DOTS} tháng ${DOTS} năm 20${DOTS}`;
  const [y, m, d] = instantToVn(date).date.split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${pad(d, true)} tháng ${pad(m, m <= 2)} năm ${y}`;
}

/**
 * The "Nơi nhận" lines: "- Hội đồng TĐKT TP (để b/c);" … ending with "- Lưu: VT.". A last recipient that
 * already starts with "Lưu" is kept as the archive line.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const clean = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–•]\s*/, '')
        .replace(/[;.,]+$/, ''),
    )
    .filter(Boolean);
  const archiveAt = clean.findIndex((r) => /^lưu\b/i.test(r));
  const archive = archiveAt >= 0 ? clean[archiveAt] : 'Lưu: VT';
  const others = clean.filter((_, i) => i !== archiveAt);
  return [...others.map((r) => `- ${r};`), `- ${archive}.`];
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allSigned,
  canonicalCovenant,
  commentWindow,
  normalizeText,
  textMayChange,
  windowDays,
  windowState,
} from './covenants';

describe('the canonical text of a covenant', () => {
  const c = { title: 'Giao ước', body: 'Dòng 1\nDòng 2', commitments: ['Một', 'Hai'] };

  it('is a JSON array of title, body and commitments', () => {
    expect(canonicalCovenant(c)).toBe('["Giao ước","Dòng 1\\nDòng 2",["Một","Hai"]]');
  });

  it('reads the same whatever the line ends, trailing spaces and Unicode composition', () => {
    const decomposed = 'Giao ước'.normalize('NFD');
    expect(decomposed).not.toBe('Giao ước');
    const same = { title: ` ${decomposed} `, body: 'Dòng 1  \r\nDòng 2\n', commitments: ['Một', 'Hai '] };
    expect(canonicalCovenant(same)).toBe(canonicalCovenant(c));
  });

  it('changes when any word, the order of commitments or a split between them changes', () => {
    expect(canonicalCovenant({ ...c, commitments: ['Hai', 'Một'] })).not.toBe(canonicalCovenant(c));
    expect(canonicalCovenant({ ...c, commitments: ['Một Hai'] })).not.toBe(canonicalCovenant(c));
    expect(canonicalCovenant({ ...c, body: 'Dòng 1 Dòng 2' })).not.toBe(canonicalCovenant(c));
  });

  it('normalising twice changes nothing', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
  });
});

describe('the comment window', () => {
  const w = commentWindow('2025-03-01', '2025-03-05');

  it('runs from 00:00 on the first day to the end of the last day, Vietnam time', () => {
    expect(w).toEqual({ opensAt: '2025-02-28T17:00:00.000Z', closesAt: '2025-03-05T17:00:00.000Z' });
    expect(windowDays(w)).toEqual({ from: '2025-03-01', until: '2025-03-05' });
  });

  it('is open exactly between its ends', () => {
    expect(windowState(null, new Date())).toBe('unset');
    expect(windowState(w, new Date('2025-02-28T16:59:59.999Z'))).toBe('not-yet');
    expect(windowState(w, new Date('2025-02-28T17:00:00Z'))).toBe('open');
    expect(windowState(w, new Date('2025-03-05T16:59:59.999Z'))).toBe('open');
    expect(windowState(w, new Date('2025-03-05T17:00:00Z'))).toBe('closed');
  });

  it('refuses a window that ends before it opens', () => {
    expect(() => commentWindow('2025-03-05', '2025-03-01')).toThrow(RangeError);
  });
});

describe('signing', () => {
  it('freezes the text from the first signature', () => {
    expect(textMayChange(0)).toBe(true);
    expect(textMayChange(1)).toBe(false);
  });

  it('is complete when every unit of the year signed', () => {
    expect(allSigned(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(allSigned(['a', 'b'], ['a', 'x'])).toBe(false);
    expect(allSigned([], [])).toBe(false);
  });
});

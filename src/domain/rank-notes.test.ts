import { describe, expect, it } from 'vitest';
import { aggregateRound } from './aggregation';
import { exactText, rankNoteParts, rankNoteText } from './rank-notes';

const sheet = (scorerId: string, scoredId: string, total: number, bonus = 0) => ({
  scorerId,
  scoredId,
  total,
  bonus,
  deduction: 0,
  byNode: [],
});

describe('rank notes', () => {
  it('shows the exact scores of two units that round to the same display but rank differently', () => {
    // A: (8543 + 8543 + 8542) / 3 = 85,4267…; B: 8543 × 3 / 3 = 85,43 — both shown as 85,43.
    const r = aggregateRound({
      unitIds: ['a', 'b', 'c'],
      policy: 'wait-all',
      sheets: [
        sheet('a', 'a', 8543),
        sheet('b', 'a', 8543),
        sheet('c', 'a', 8542),
        sheet('a', 'b', 8543),
        sheet('b', 'b', 8543),
        sheet('c', 'b', 8543),
        sheet('a', 'c', 7000),
        sheet('b', 'c', 7000),
        sheet('c', 'c', 7000),
      ],
    });
    const [first, second] = r.units;
    expect([first!.unitId, second!.unitId]).toEqual(['b', 'a']);
    const note = rankNoteText(rankNoteParts(first!, r.units), (id) => id.toUpperCase());
    expect(note).toBe('Điểm chính xác 85,4300; A: 85,4267 (cùng làm tròn thành một số)');
    expect(rankNoteParts(r.units[2]!, r.units)).toEqual([]);
  });

  it('names the tie-breaker that decided a tie, or says the rank is shared', () => {
    const sheets = ['a', 'b'].flatMap((scorer) => [
      sheet(scorer, 'a', 9000, 100),
      sheet(scorer, 'b', 9000, 0),
    ]);
    const decided = aggregateRound({
      unitIds: ['a', 'b'],
      policy: 'wait-all',
      sheets,
      tieBreakers: ['more-bonus'],
    });
    expect(rankNoteText(rankNoteParts(decided.units[0]!, decided.units), (id) => id)).toBe(
      'Bằng điểm với b; thứ tự theo tiêu chí phụ: nhiều điểm thưởng hơn',
    );
    const shared = aggregateRound({ unitIds: ['a', 'b'], policy: 'wait-all', sheets });
    expect(rankNoteText(rankNoteParts(shared.units[1]!, shared.units), (id) => id)).toBe(
      'Đồng hạng với a (bằng điểm chính xác)',
    );
  });

  it('rounds the exact text half up at 4 decimals', () => {
    expect(exactText({ num: 25628, den: 3 })).toBe('85,4267');
    expect(exactText({ num: 850, den: 1 })).toBe('8,5000');
  });
});

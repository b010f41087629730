import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('Vietnam-time formatting', () => {
  it('shows an instant as dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh', () => {
    // 17:00 UTC on 7 Dec is midnight on 8 Dec in Vietnam (UTC+7): the seed's "trước ngày 08/12/2024".
    expect(formatDateTime('2024-12-07T17:00:00Z')).toBe('08/12/2024 00:00');
    expect(formatDateTime('2024-06-06T16:59:00Z')).toBe('06/06/2024 23:59');
  });

  it('shows the Vietnamese calendar date, not the UTC one', () => {
    expect(formatDate('2024-12-31T18:30:00Z')).toBe('01/01/2025');
  });

  it('returns unparsable input unchanged', () => {
    expect(formatDate('not a date')).toBe('not a date');
  });
});

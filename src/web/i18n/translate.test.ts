import { beforeAll, describe, expect, it } from 'vitest';
import { loadLang, translate } from './context';
import { en } from './en';
import { viFeatures } from './features.vi';
import { vi } from './vi';

describe('translate', () => {
  beforeAll(() => loadLang('en'));

  it('fills placeholders in both languages', () => {
    expect(translate('vi', 'home.myRole.head', { year: 2024 })).toBe(
      'Đơn vị của bạn là Trưởng khối năm 2024',
    );
    expect(translate('en', 'home.myRole.head', { year: 2024 })).toBe('Your unit is the head unit in 2024');
  });

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(translate('en', 'common.total')).toBe('{total} in total');
  });

  it('has a non-empty English text for every Vietnamese key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys({ ...vi, ...viFeatures }).sort());
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });
});

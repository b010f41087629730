import { describe, expect, it } from 'vitest';
import { checkYearRoles, unitRoleInYear } from './org';

const year = { memberUnitIds: ['a', 'b', 'c'], headUnitId: 'a', deputyUnitId: 'b' };

describe('unitRoleInYear', () => {
  it('gives head, deputy, member, or null for outsiders', () => {
    expect(unitRoleInYear(year, 'a')).toBe('head');
    expect(unitRoleInYear(year, 'b')).toBe('deputy');
    expect(unitRoleInYear(year, 'c')).toBe('member');
    expect(unitRoleInYear(year, 'z')).toBeNull();
    expect(unitRoleInYear(year, null)).toBeNull();
  });
  it('does not grant head powers to a unit that left the year', () => {
    expect(unitRoleInYear({ ...year, memberUnitIds: ['b', 'c'] }, 'a')).toBeNull();
  });
});

describe('checkYearRoles', () => {
  it('accepts a consistent year and one without roles', () => {
    expect(checkYearRoles(year)).toEqual({});
    expect(checkYearRoles({ memberUnitIds: [], headUnitId: null, deputyUnitId: null })).toEqual({});
  });
  it('names each broken rule by field', () => {
    expect(Object.keys(checkYearRoles({ ...year, headUnitId: 'z' }))).toEqual(['headUnitId']);
    expect(Object.keys(checkYearRoles({ ...year, deputyUnitId: 'a' }))).toEqual(['deputyUnitId']);
    expect(Object.keys(checkYearRoles({ ...year, memberUnitIds: ['a', 'b', 'b'] }))).toEqual(['unitIds']);
  });
});

/** Rules about bloc-years, memberships and the head/deputy roles. Pure. */

export type UnitYearRole = 'head' | 'deputy' | 'member';

export interface YearRoles {
  memberUnitIds: readonly string[];
  headUnitId: string | null;
  deputyUnitId: string | null;
}

/** What a unit is in a bloc-year: head, deputy, plain member, or not in it (null). */
export function unitRoleInYear(year: YearRoles, unitId: string | null): UnitYearRole | null {
  if (!unitId || !year.memberUnitIds.includes(unitId)) return null;
  if (year.headUnitId === unitId) return 'head';
  if (year.deputyUnitId === unitId) return 'deputy';
  return 'member';
}

/** Problems with a bloc-year's membership and roles, keyed by field (empty when it is consistent). */
export function checkYearRoles(year: YearRoles): Record<string, string> {
  const errors: Record<string, string> = {};
  const ids = year.memberUnitIds;
  if (new Set(ids).size !== ids.length) errors.unitIds = 'Đơn vị thành viên: có đơn vị bị chọn hai lần';
  if (year.headUnitId && !ids.includes(year.headUnitId)) {
    errors.headUnitId = 'Đơn vị Trưởng khối: phải là thành viên của Khối trong năm';
  }
  if (year.deputyUnitId && !ids.includes(year.deputyUnitId)) {
    errors.deputyUnitId = 'Đơn vị Phó trưởng khối: phải là thành viên của Khối trong năm';
  }
  if (year.headUnitId && year.headUnitId === year.deputyUnitId) {
    errors.deputyUnitId = 'Đơn vị Phó trưởng khối: phải khác đơn vị Trưởng khối';
  }
  return errors;
}

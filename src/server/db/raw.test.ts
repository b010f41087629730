import { describe, expect, it } from 'vitest';
import { insertRow } from './raw';
import { createTestApp } from '../testing/harness';

describe('insertRow', () => {
  it('names the columns in snake_case, binds the values and leaves undefined ones out', async () => {
    const t = await createTestApp('sqlite');
    try {
      const compiled = insertRow('settings', { key: 'k', value: 'v' }).compile(t.app.db);
      expect(compiled.sql).toBe('/* prepared */ INSERT INTO settings (key, value) VALUES (?, ?)');
      expect(compiled.parameters).toEqual(['k', 'v']);
      const audit = insertRow('auditEvents', {
        id: 'a',
        at: 'now',
        actorUserId: null,
        actorUnitId: undefined as unknown as null,
        action: 'x',
        entityType: 'y',
        entityId: null,
        beforeJson: null,
        afterJson: null,
        requestId: null,
      });
      expect(audit.compile(t.app.db).sql).toContain(
        'INSERT INTO audit_events (id, at, actor_user_id, action, entity_type,',
      );
    } finally {
      await t.close();
    }
  });

  it('refuses a key that is not a plain column name', () => {
    const row = { key: 'k', value: 'v', 'value) VALUES (1); DROP TABLE users; --': 'x' } as unknown as {
      key: string;
      value: string;
    };
    expect(() => insertRow('settings', row)).toThrow(/not a column name/);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { setClock } from '../../clock';
import { createBlocWithUnits, fullScores, type TestBloc } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 10_000, step: 50, children: [] },
];
// "Trước ngày 08/12/2024": the deadline is 00:00 on 8 December in Vietnam = 2024-12-07T17:00:00Z.
const DEADLINE = '2024-12-08T00:00:00+07:00';
const LAST_MS = new Date('2024-12-07T16:59:59.999Z'); // 23:59:59.999 on the 7th, Vietnam time
const AT_DEADLINE = new Date('2024-12-07T17:00:00.000Z'); // 00:00:00.000 on the 8th, Vietnam time

describe.each(testDatabases)('deadline at the exact instant in Vietnam time on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterEach(() => setClock());
  afterAll(() => t.close());

  async function roundWith(latePolicy: 'refuse' | 'accept-late'): Promise<{
    b: TestBloc;
    sheetsOf: (i: number) => Promise<{ id: string; revision: number }[]>;
    roundId: string;
  }> {
    setClock(new Date('2024-12-01T02:00:00Z'));
    const b = await createBlocWithUnits(t, 3, tree);
    const head = { cookie: await t.cookie(`${b.codes[0]}.cb`) };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/years/${b.yearId}/rounds`,
      headers: head,
      payload: {
        kind: 'year-end',
        title: 'Cuối năm 2024',
        deadlineAt: DEADLINE,
        latePolicy,
        missingPolicy: 'wait-all',
        officerMaySubmit: true,
      },
    });
    expect(res.json().deadlineAt).toBe('2024-12-07T17:00:00.000Z');
    const roundId = res.json().id;
    const sheetsOf = async (i: number) =>
      (
        await t.app.inject({
          url: `/api/rounds/${roundId}/my-sheets`,
          headers: { cookie: await t.cookie(`${b.codes[i]}.cb`) },
        })
      ).json().sheets;
    return { b, sheetsOf, roundId };
  }
  const save = async (b: TestBloc, i: number, sheet: { id: string; revision: number }) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/sheets/${sheet.id}/draft`,
      headers: { cookie: await t.cookie(`${b.codes[i]}.cb`) },
      payload: { scores: fullScores(tree, 0.9), revision: sheet.revision },
    });
  const submit = async (b: TestBloc, i: number, sheetId: string, revision: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/sheets/${sheetId}/submit`,
      headers: { cookie: await t.cookie(`${b.codes[i]}.cb`) },
      payload: { revision },
    });

  it('refuse: accepted at 23:59:59.999, refused at 00:00 on the deadline day', async () => {
    const { b, sheetsOf } = await roundWith('refuse');
    const [s1, s2] = await sheetsOf(1);
    const saved1 = (await save(b, 1, s1!)).json();
    const saved2 = (await save(b, 1, s2!)).json();
    setClock(LAST_MS);
    const onTime = await submit(b, 1, s1!.id, saved1.revision);
    expect(onTime.json()).toMatchObject({ submittedVersion: 1, late: false });
    setClock(AT_DEADLINE);
    const refused = await submit(b, 1, s2!.id, saved2.revision);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'Đã quá hạn nộp bảng điểm; đợt chấm này không nhận bảng điểm nộp muộn.',
    );
  });

  it('accept-late: on time at 23:59:59.999, marked late at 00:00', async () => {
    const { b, sheetsOf, roundId } = await roundWith('accept-late');
    const [s1, s2] = await sheetsOf(2);
    const saved1 = (await save(b, 2, s1!)).json();
    const saved2 = (await save(b, 2, s2!)).json();
    setClock(LAST_MS);
    expect((await submit(b, 2, s1!.id, saved1.revision)).json().late).toBe(false);
    setClock(AT_DEADLINE);
    expect((await submit(b, 2, s2!.id, saved2.revision)).json().late).toBe(true);
    const progress = (
      await t.app.inject({
        url: `/api/rounds/${roundId}/progress`,
        headers: { cookie: await t.cookie(`${b.codes[0]}.cb`) },
      })
    ).json();
    expect(progress.cells.filter((c: { late: boolean }) => c.late)).toHaveLength(1);
  });
});

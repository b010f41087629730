import { describe, expect, it } from 'vitest';
import {
  accountCan,
  editsExemplar,
  mayDecide,
  readsUnitAwards,
  reopenApprover,
  reopenPower,
  roundCan,
  yearCan,
  type RoundFacts,
  type Subject,
} from './access';

const head = (role: 'officer' | 'leader'): Subject => ({ role, unitId: 'H', yearRole: 'head' });
const deputyLeader: Subject = { role: 'leader', unitId: 'D', yearRole: 'deputy' };
const member = (role: 'officer' | 'leader', unitId = 'M'): Subject => ({ role, unitId, yearRole: 'member' });
const board: Subject = { role: 'board', unitId: null, yearRole: null };
const admin: Subject = { role: 'admin', unitId: null, yearRole: null };
const round = (p: Partial<RoundFacts> = {}): RoundFacts => ({
  status: 'closed',
  memberUnitIds: ['H', 'D', 'M'],
  headUnitId: 'H',
  resultsShownAt: null,
  officerMaySubmit: false,
  ...p,
});

describe('who may do what in a round', () => {
  it("lets the head's leader close and publish, and its officer only ask", () => {
    expect(roundCan(head('leader'), round({ status: 'open' })).close).toBe('direct');
    expect(roundCan(head('officer'), round({ status: 'open' })).close).toBe('request');
    expect(roundCan(head('leader'), round()).publish).toBe('direct');
    expect(roundCan(head('officer'), round()).publish).toBe('request');
    for (const s of [deputyLeader, member('leader'), board, admin]) {
      expect(roundCan(s, round()).publish).toBe('none');
      expect(roundCan(s, round({ status: 'open' })).close).toBe('none');
    }
  });

  it('never lets a unit reopen itself: the head unit needs the deputy or the board', () => {
    expect(reopenApprover(round(), 'H')).toBe('deputy-or-board');
    expect(reopenPower(head('leader'), round(), 'H')).toBe('request');
    expect(reopenPower(deputyLeader, round(), 'H')).toBe('direct');
    expect(mayDecide(board, 'deputy-or-board', 'H')).toBe(true);
    expect(reopenPower(head('leader'), round(), 'M')).toBe('direct');
    expect(reopenPower(head('officer'), round(), 'M')).toBe('request');
    expect(reopenPower(member('leader'), round(), 'M')).toBe('none');
    expect(mayDecide({ role: 'leader', unitId: 'D', yearRole: 'deputy' }, 'deputy-or-board', 'D')).toBe(
      false,
    );
  });

  it('needs the city board for any reopening once the results were shown', () => {
    const shown = round({ resultsShownAt: '2024-12-09T01:00:00Z' });
    expect(reopenApprover(shown, 'M')).toBe('board');
    expect(reopenPower(head('leader'), shown, 'M')).toBe('request');
    expect(reopenPower(deputyLeader, shown, 'H')).toBe('none');
    expect(mayDecide(head('leader'), 'board', 'M')).toBe(false);
    expect(mayDecide(board, 'board', 'M')).toBe(true);
    expect(roundCan(head('leader'), shown).reopen).toBe('request');
  });

  it('follows round membership for scoring and published results; the admin sees no scores', () => {
    const published = round({ status: 'published', memberUnitIds: ['H', 'M'] });
    expect(roundCan(member('officer', 'M'), published).results).toBe(true);
    expect(roundCan(member('officer', 'LATE'), published).results).toBe(false);
    expect(roundCan(board, published).results).toBe(true);
    expect(roundCan(admin, published).results).toBe(false);
    expect(roundCan(head('officer'), round({ status: 'open' })).results).toBe(false);
    expect(roundCan(head('officer'), round()).results).toBe(true);
    expect(roundCan(member('officer'), round({ status: 'open' })).submit).toBe(false);
    expect(roundCan(member('officer'), round({ status: 'open', officerMaySubmit: true })).submit).toBe(true);
  });
});

describe('events and exemplary models', () => {
  it('lets the head run events and mark models; every member unit publishes and edits its own', () => {
    const runs = (s: Subject) => [yearCan(s).manageEvents, yearCan(s).markExemplars];
    expect(runs(head('officer'))).toEqual([true, true]);
    expect(runs(head('leader'))).toEqual([true, true]);
    for (const s of [deputyLeader, member('leader'), board, admin]) expect(runs(s)).toEqual([false, false]);
    expect(
      [head('officer'), deputyLeader, member('officer')].map((s) => yearCan(s).publishExemplars),
    ).toEqual([true, true, true]);
    expect([board, admin].map((s) => yearCan(s).publishExemplars)).toEqual([false, false]);
    expect(editsExemplar(member('officer'), 'M')).toBe(true);
    expect(editsExemplar(member('officer', 'X'), 'M')).toBe(false);
    expect(editsExemplar(head('leader'), 'M')).toBe(false);
    expect(editsExemplar(board, 'M')).toBe(false);
  });
});

describe('nominations', () => {
  it('lets the head unit draft and change them; every member unit and the board read them', () => {
    const can = (s: Subject) => [yearCan(s).nominate, yearCan(s).readNominations];
    expect(can(head('officer'))).toEqual([true, true]);
    expect(can(head('leader'))).toEqual([true, true]);
    expect(can(deputyLeader)).toEqual([false, true]);
    expect(can(member('officer'))).toEqual([false, true]);
    expect(can(board)).toEqual([false, true]);
    expect(can(admin)).toEqual([false, false]);
    expect(can({ role: 'leader', unitId: 'X', yearRole: null })).toEqual([false, false]);
  });
});

describe('the proposal to the Council and the award history', () => {
  it('lets the head prepare, its leader send, the board decide; those who run the year read the dossier', () => {
    const can = (s: Subject) => {
      const c = yearCan(s);
      return [c.readProposal, c.prepareProposal, c.sendProposal, c.readDossier, c.recordDecision];
    };
    expect(can(head('officer'))).toEqual([true, true, false, true, false]);
    expect(can(head('leader'))).toEqual([true, true, true, true, false]);
    expect(can(deputyLeader)).toEqual([true, false, false, true, false]);
    expect(can(member('officer'))).toEqual([true, false, false, false, false]);
    expect(can(board)).toEqual([true, false, false, true, true]);
    expect(can(admin)).toEqual([false, false, false, false, false]);
  });

  it("shows a unit's awards to its people, to the heads of its blocs and to the board", () => {
    expect(readsUnitAwards(member('officer', 'M'), 'M', false)).toBe(true);
    expect(readsUnitAwards(member('officer', 'X'), 'M', false)).toBe(false);
    expect(readsUnitAwards(member('leader', 'H'), 'M', true)).toBe(true);
    expect(readsUnitAwards(board, 'M', false)).toBe(true);
    expect(readsUnitAwards(admin, 'M', true)).toBe(false);
    expect([board, admin].map((s) => accountCan(s).searchAwards)).toEqual([true, false]);
  });
});

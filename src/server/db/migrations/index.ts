import type { Migration } from 'kysely';
import * as m001 from './001_foundation';
import * as m002 from './002_scoring';
import * as m003 from './003_plans';
import * as m004 from './004_round_uniqueness';
import * as m005 from './005_approvals';
import * as m006 from './006_sign_in_failures';
import * as m007 from './007_registrations';
import * as m008 from './008_covenants';
import * as m009 from './009_events';
import * as m010 from './010_ballots';
import * as m011 from './011_awards';

/** Every migration, in order. Add a new file and a line here; names sort by their number. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_scoring': m002,
  '003_plans': m003,
  '004_round_uniqueness': m004,
  '005_approvals': m005,
  '006_sign_in_failures': m006,
  '007_registrations': m007,
  '008_covenants': m008,
  '009_events': m009,
  '010_ballots': m010,
  '011_awards': m011,
};

import { leaves } from '../../domain/criteria';
import { demoCriteriaTree } from '../demo/criteria';
import { demoUnits } from '../demo/data';
import { demoPlanContent } from '../demo/plan';

/**
 * Counts of the demo data, derived from the seed's own definitions so that tests follow when the demo
 * changes (never written as numbers in a test).
 */
export const demoFacts = {
  /** Member units of the demo bloc-year (the head and the deputy included). */
  units: demoUnits.length,
  /** An officer and a leader per unit, the emulation board's specialist, the administrator. */
  accounts: demoUnits.length * 2 + 2,
  /** Milestones of the demo plan. */
  milestones: (demoPlanContent.milestones ?? []).length,
  /** Scored leaves of the demo criteria tree. */
  leaves: leaves(demoCriteriaTree).length,
};

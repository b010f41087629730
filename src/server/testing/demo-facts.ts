import { leaves } from '../../domain/criteria';
import { demoCriteriaTree } from '../demo/criteria';
import { demoUnits } from '../demo/data';
import { demoPlanContent } from '../demo/plan';
import { decisionFor, demoCouncilDecision } from '../demo/awards';
import { demoExemplars } from '../demo/year-records';

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
  /** The living demo's finished 2024 (DEMO=living): what every unit did, through the services. */
  finished: {
    /** Every unit's registration, sent by its leader and accepted by the head. */
    registrations: demoUnits.length,
    /** Every unit's leader signed the covenant. */
    signatures: demoUnits.length,
    /** The signing conference and the year-end conference, every unit present, minutes attached. */
    events: ['covenant-signing', 'year-end-conference'],
    exemplars: demoExemplars.length,
    /** The approval ballot on the nominees and the election of next year's head and deputy. */
    ballots: ['approval', 'election'],
    /**
     * The nomination lines drafted from the default rules plus one the head added with a reason, all passed
     * by the ballot; the proposal sent and decided: every line approved but one, whose note says why.
     */
    awards: {
      headAdded: 1,
      proposal: { status: 'decided', docNumber: demoCouncilDecision.proposalNumber },
      /** The decision that rules on a line: the People's Committee's for flags, the Chairman's otherwise. */
      decisionNumberOf: (awardCode: string) => decisionFor(awardCode).number,
      rejected: [demoCouncilDecision.rejectedNote],
    },
  },
};

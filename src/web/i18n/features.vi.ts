import { viCovenants } from './covenants.vi';
import { viBallots } from './ballots.vi';
import { viNotifications } from './notifications.vi';
import { viEvents } from './events.vi';
import { viNominations } from './nominations.vi';
import { viPlans } from './plans.vi';
import { viRegistrations } from './registrations.vi';
import { viProposals } from './proposals.vi';
import { viScoring } from './scoring.vi';

/** The features' Vietnamese texts: one chunk, loaded before any page other than home and sign-in (router.tsx). */
export const viFeatures = {
  ...viScoring,
  ...viPlans,
  ...viNotifications,
  ...viRegistrations,
  ...viCovenants,
  ...viBallots,
  ...viEvents,
  ...viNominations,
  ...viProposals,
} as const;

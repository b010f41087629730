/**
 * The guide's screenshots: test/e2e/guide.test.ts signs in as each role on the living demo and saves them
 * to src/web/public/guide/<name>.jpg (served as /guide/<name>.jpg), so the pictures follow the app.
 */
export const guideShots = [
  'login',
  'officer-home',
  'officer-tasks',
  'officer-registration',
  'leader-covenant',
  'leader-sheets',
  'leader-ballot',
  'head-plan',
  'head-board',
  'head-registrations',
  'head-event',
  'head-results',
  'deputy-progress',
  'board-home',
  'admin-years',
] as const;

export type GuideShot = (typeof guideShots)[number];

export const shotUrl = (name: GuideShot): string => `/guide/${name}.jpg`;

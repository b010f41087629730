import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { TMe } from '../shared/auth';
import { RouteError } from './components/RouteError';
import { loadFeatureTexts } from './i18n/context';

// Every page loads on first visit, in its own chunk: the first download holds only React, the router and
// the theme; the login page, the signed-in frame and each page come next (bench/bundle.ts measures it).
// Sign-in, the frame and the home page use the core texts; every other page also waits for the features'
// texts (one chunk, fetched once, beside the page's own).
type Load = () => Promise<ComponentType>;
const corePage = (load: Load) => async () => ({ Component: await load() });
const page = (load: Load) => async () => {
  const [Component] = await Promise.all([load(), loadFeatureTexts()]);
  return { Component };
};
const adminPage =
  (load: Load, right: keyof TMe['can'] = 'manageOrg') =>
  async () => {
    const [Page, { RequireRight }] = await Promise.all([
      load(),
      import('./components/RequireAuth'),
      loadFeatureTexts(),
    ]);
    return {
      element: (
        <RequireRight right={right}>
          <Page />
        </RequireRight>
      ),
    };
  };

const pages: RouteObject[] = [
  { index: true, lazy: corePage(() => import('./features/home/HomePage').then((m) => m.HomePage)) },
  {
    path: 'change-password',
    lazy: corePage(() => import('./features/auth/ChangePasswordPage').then((m) => m.ChangePasswordPage)),
  },
  { path: 'guide', lazy: corePage(() => import('./features/guide/GuidePage').then((m) => m.GuidePage)) },
  {
    path: 'years/:yearId/scoring',
    lazy: page(() => import('./features/scoring/ScoringHubPage').then((m) => m.ScoringHubPage)),
  },
  {
    path: 'years/:yearId/criteria',
    lazy: page(() => import('./features/criteria/CriteriaEditorPage').then((m) => m.CriteriaEditorPage)),
  },
  {
    path: 'years/:yearId/plan',
    lazy: page(() => import('./features/plans/PlanPage').then((m) => m.PlanPage)),
  },
  {
    path: 'years/:yearId/plan/edit',
    lazy: page(() => import('./features/plans/PlanEditorPage').then((m) => m.PlanEditorPage)),
  },
  {
    path: 'years/:yearId/ballots',
    lazy: page(() => import('./features/ballots/BallotsPage').then((m) => m.BallotsPage)),
  },
  {
    path: 'years/:yearId/nominations',
    lazy: page(() => import('./features/nominations/NominationsPage').then((m) => m.NominationsPage)),
  },
  {
    path: 'ballots/:ballotId',
    lazy: page(() => import('./features/ballots/BallotPage').then((m) => m.BallotPage)),
  },
  {
    path: 'years/:yearId/timeline',
    lazy: page(() => import('./features/plans/TimelinePage').then((m) => m.TimelinePage)),
  },
  {
    path: 'years/:yearId/tasks',
    lazy: page(() => import('./features/plans/MyTasksPage').then((m) => m.MyTasksPage)),
  },
  {
    path: 'years/:yearId/board',
    lazy: page(() => import('./features/plans/BoardPage').then((m) => m.BoardPage)),
  },
  {
    path: 'years/:yearId/registration',
    lazy: page(() => import('./features/registrations/RegistrationPage').then((m) => m.RegistrationPage)),
  },
  {
    path: 'years/:yearId/proposal',
    lazy: page(() => import('./features/proposals/ProposalPage').then((m) => m.ProposalPage)),
  },
  {
    path: 'units/:unitId/awards',
    lazy: page(() => import('./features/proposals/UnitAwardsPage').then((m) => m.UnitAwardsPage)),
  },
  {
    path: 'awards',
    lazy: adminPage(
      () => import('./features/proposals/AwardsPage').then((m) => m.AwardsPage),
      'searchAwards',
    ),
  },
  {
    path: 'catalogue',
    lazy: page(() => import('./features/registrations/CataloguePage').then((m) => m.CataloguePage)),
  },
  {
    path: 'years/:yearId/covenant',
    lazy: page(() => import('./features/covenants/CovenantPage').then((m) => m.CovenantPage)),
  },
  {
    path: 'years/:yearId/events',
    lazy: page(() => import('./features/events/EventsPage').then((m) => m.EventsPage)),
  },
  {
    path: 'years/:yearId/events/:eventId',
    lazy: page(() => import('./features/events/EventPage').then((m) => m.EventPage)),
  },
  {
    path: 'years/:yearId/exemplars',
    lazy: page(() => import('./features/exemplars/ExemplarsPage').then((m) => m.ExemplarsPage)),
  },
  {
    path: 'notifications/settings',
    lazy: page(() =>
      import('./features/notifications/NotificationSettingsPage').then((m) => m.NotificationSettingsPage),
    ),
  },
  {
    path: 'rounds/:roundId/sheets',
    lazy: page(() => import('./features/scoring/ScoreEntryPage').then((m) => m.ScoreEntryPage)),
  },
  {
    path: 'rounds/:roundId/progress',
    lazy: page(() => import('./features/scoring/ProgressPage').then((m) => m.ProgressPage)),
  },
  {
    path: 'rounds/:roundId/results',
    lazy: page(() => import('./features/scoring/ResultsPage').then((m) => m.ResultsPage)),
  },
  {
    path: 'admin/blocs',
    lazy: adminPage(() => import('./features/org/BlocsPage').then((m) => m.BlocsPage), 'readOrg'),
  },
  { path: 'admin/units', lazy: adminPage(() => import('./features/org/UnitsPage').then((m) => m.UnitsPage)) },
  { path: 'admin/years', lazy: adminPage(() => import('./features/org/YearsPage').then((m) => m.YearsPage)) },
  { path: 'admin/users', lazy: adminPage(() => import('./features/org/UsersPage').then((m) => m.UsersPage)) },
  {
    path: 'admin/import',
    lazy: adminPage(() => import('./features/org/ImportPage').then((m) => m.ImportPage)),
  },
  {
    path: 'admin/audit',
    lazy: adminPage(() => import('./features/audit/AuditPage').then((m) => m.AuditPage), 'readAudit'),
  },
  {
    path: 'admin/outbox',
    lazy: adminPage(
      () => import('./features/notifications/OutboxPage').then((m) => m.OutboxPage),
      'readAudit',
    ),
  },
  { path: '*', lazy: corePage(() => import('./components/NotFound').then((m) => m.NotFound)) },
];

/** Fetches the signed-in frame and the home page while the user types a password (sign-in is then quicker). */
function preloadSignedIn(): void {
  const load = () => {
    void import('./components/AppShell');
    void import('./features/home/HomePage');
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 1000);
}

/** Every page of the web app. */
export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: corePage(() => {
      preloadSignedIn();
      return import('./features/auth/LoginPage').then((m) => m.LoginPage);
    }),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    lazy: corePage(() => import('./components/AppShell').then((m) => m.AppShell)),
    errorElement: <RouteError />,
    // A page that fails (its code cannot be fetched, or it throws) shows RouteError inside the layout.
    children: [{ errorElement: <RouteError />, children: pages }],
  },
]);

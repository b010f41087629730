import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { NotFound } from './components/NotFound';
import { RequireAuth, RequireRole } from './components/RequireAuth';
import { AuditPage } from './features/audit/AuditPage';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage';
import { LoginPage } from './features/auth/LoginPage';
import { CriteriaEditorPage } from './features/criteria/CriteriaEditorPage';
import { HomePage } from './features/home/HomePage';
import { NotificationSettingsPage } from './features/notifications/NotificationSettingsPage';
import { OutboxPage } from './features/notifications/OutboxPage';
import { BlocsPage } from './features/org/BlocsPage';
import { ImportPage } from './features/org/ImportPage';
import { UnitsPage } from './features/org/UnitsPage';
import { UsersPage } from './features/org/UsersPage';
import { YearsPage } from './features/org/YearsPage';
import { BoardPage } from './features/plans/BoardPage';
import { MyTasksPage } from './features/plans/MyTasksPage';
import { PlanEditorPage } from './features/plans/PlanEditorPage';
import { PlanPage } from './features/plans/PlanPage';
import { TimelinePage } from './features/plans/TimelinePage';
import { ProgressPage } from './features/scoring/ProgressPage';
import { ResultsPage } from './features/scoring/ResultsPage';
import { ScoreEntryPage } from './features/scoring/ScoreEntryPage';
import { ScoringHubPage } from './features/scoring/ScoringHubPage';

const adminOnly = ['admin'] as const;

const admin = (element: ReactNode) => <RequireRole roles={adminOnly}>{element}</RequireRole>;

/** Every page of the web app. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <RequireAuth>{(me) => <AppLayout me={me} />}</RequireAuth>,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'change-password', element: <ChangePasswordPage /> },
      { path: 'years/:yearId/scoring', element: <ScoringHubPage /> },
      { path: 'years/:yearId/criteria', element: <CriteriaEditorPage /> },
      { path: 'years/:yearId/plan', element: <PlanPage /> },
      { path: 'years/:yearId/plan/edit', element: <PlanEditorPage /> },
      { path: 'years/:yearId/timeline', element: <TimelinePage /> },
      { path: 'years/:yearId/tasks', element: <MyTasksPage /> },
      { path: 'years/:yearId/board', element: <BoardPage /> },
      { path: 'notifications/settings', element: <NotificationSettingsPage /> },
      { path: 'rounds/:roundId/sheets', element: <ScoreEntryPage /> },
      { path: 'rounds/:roundId/progress', element: <ProgressPage /> },
      { path: 'rounds/:roundId/results', element: <ResultsPage /> },
      { path: 'admin/blocs', element: admin(<BlocsPage />) },
      { path: 'admin/units', element: admin(<UnitsPage />) },
      { path: 'admin/years', element: admin(<YearsPage />) },
      { path: 'admin/users', element: admin(<UsersPage />) },
      { path: 'admin/import', element: admin(<ImportPage />) },
      { path: 'admin/audit', element: admin(<AuditPage />) },
      { path: 'admin/outbox', element: admin(<OutboxPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

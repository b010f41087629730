import { AppLayout } from './AppLayout';
import { RequireAuth } from './RequireAuth';

/** The signed-in frame, loaded as its own chunk so that the login page does not download it. */
export function AppShell() {
  return <RequireAuth>{(me) => <AppLayout me={me} />}</RequireAuth>;
}

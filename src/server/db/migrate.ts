import { Migrator, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index';
import type { Db } from './schema';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string | null> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return currentMigration(db);
}

/** The name of the newest applied migration, or null on an empty database. */
export async function currentMigration(db: Db): Promise<string | null> {
  const all = await new Migrator({ db, provider }).getMigrations();
  const applied = all.filter((m) => m.executedAt);
  return applied[applied.length - 1]?.name ?? null;
}

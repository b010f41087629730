import { buildApp } from './app';
import { loadConfig, type Config } from './config';
import { DEMO_PASSWORD } from './demo/data';
import { demoBanner, prepareDatabase } from './start';

/** Reads the configuration, migrates, loads demo data when appropriate, and listens until a signal. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const { handle, migration, demo, orphanUploads } = await prepareDatabase(config);
  if (demo) process.stdout.write(demoBanner(demo, DEMO_PASSWORD) + '\n');
  const app = await buildApp(config, handle);
  if (orphanUploads.length) {
    app.log.warn({ files: orphanUploads }, 'moved files of interrupted uploads to uploads/orphans');
  }
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { db: handle.kind, migration, dataDir: config.dataDir },
    `ThiĐua đang chạy tại ${config.publicUrl}`,
  );
}

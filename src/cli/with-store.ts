import type { Repositories } from "../store/repositories/index.ts";

/** Opens the configured store (DATABASE_URL or the PGlite folder), migrated, runs `work`, closes it. */
export async function withRepositories<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
  const { loadSettings } = await import("../config/settings.ts");
  const { openConfiguredDatabase } = await import("../runtime/open-store.ts");
  const { applyMigrations, migrationStatus } = await import("../store/migrations/migrations.ts");
  const { createRepositories } = await import("../store/repositories/index.ts");
  const database = await openConfiguredDatabase(loadSettings());
  try {
    // Loading the migration engine takes seconds: only when something is pending (or the folder is new).
    const status = await migrationStatus(database).catch(() => undefined);
    if (!status || status.pending.length > 0) await applyMigrations(database);
    return await work(createRepositories(database.prisma, database.direct));
  } finally {
    await database.close();
  }
}

import { resolve } from "node:path";
import type { Settings } from "../config/settings.ts";
import { type Database, openDatabase } from "../store/database.ts";

/** DATABASE_URL selects PostgreSQL; without it the embedded PGlite data folder is used. */
export function openConfiguredDatabase(settings: Settings, cwd = process.cwd()): Promise<Database> {
  return settings.DATABASE_URL
    ? openDatabase({ kind: "postgres", url: settings.DATABASE_URL })
    : openDatabase({ kind: "pglite", dataDir: resolve(cwd, settings.CLUSTERBOT_DATA_DIR) });
}

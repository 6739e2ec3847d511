// Opens the one PostgreSQL-dialect store: an embedded PGlite data folder by default, or a PostgreSQL server.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import { StoreError } from "./errors.ts";
import { MigrationSafePGliteFactory } from "./pglite-adapter.ts";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; client?: PGlite }
  | { kind: "postgres"; url: string };

/**
 * A statement run on the embedded database itself, without Prisma's query engine (rows as objects, `$1`… for the
 * parameters). PGlite only: there Prisma's per-statement work is paid on the thread that answers every request.
 */
export type DirectQuery = <Row>(text: string, params: unknown[]) => Promise<Row[]>;

export interface Database {
  readonly prisma: PrismaClient;
  /** PGlite only (see DirectQuery); PostgreSQL answers on its own process, so Prisma is used there. */
  readonly direct?: DirectQuery;
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  migrationAdapterFactory(): SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const database = target.kind === "postgres" ? openPostgres(target.url) : await openPGlite(target);
  try {
    await database.prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    await database.close().catch(() => undefined);
    throw unreachable(database.location, error);
  }
  return database;
}

async function openPGlite(target: Extract<DatabaseTarget, { kind: "pglite" | "pglite-memory" }>): Promise<Database> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  let location: string;
  if (target.kind === "pglite") {
    lock = await lockDataDir(target.dataDir);
    try {
      await mkdir(target.dataDir, { recursive: true });
      client = await PGlite.create(target.dataDir);
    } catch (error) {
      await lock.release();
      throw new StoreError("DATABASE_UNREACHABLE", `cannot open the PGlite data folder ${target.dataDir}`, {
        cause: error,
      });
    }
    location = `PGlite data folder ${target.dataDir}`;
  } else {
    client = target.client ?? (await PGlite.create());
    location = "PGlite in memory";
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    prisma,
    direct: async <Row>(text: string, params: unknown[]) => (await client.query<Row>(text, params)).rows,
    kind: "pglite",
    location,
    migrationAdapterFactory: () => new MigrationSafePGliteFactory(client),
    async close() {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
      await lock?.release();
    },
  };
}

function openPostgres(url: string): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    prisma,
    kind: "postgres",
    location: `PostgreSQL at ${describePostgresUrl(url)}`,
    migrationAdapterFactory: () => new PrismaPg({ connectionString: url }),
    close: () => prisma.$disconnect(),
  };
}

/** host:port/database, never the password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "an unparsable URL";
  }
}

function unreachable(location: string, error: unknown): StoreError {
  return new StoreError("DATABASE_UNREACHABLE", `cannot reach the database (${location}): ${reasonOf(error)}`, {
    cause: error,
  });
}

// Prisma wraps driver errors in a multi-line "Invalid invocation" text; the driver's own words are clearer.
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const driverMessage = /Message: `(.+)`/s.exec(text)?.[1];
  return driverMessage ?? text.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
}

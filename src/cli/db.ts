import type { Command } from "commander";
import { loadSettings } from "../config/settings.ts";
import { openConfiguredDatabase } from "../runtime/open-store.ts";
import type { Database } from "../store/database.ts";
import { applyMigrations, createMigration, migrationStatus } from "../store/migrations/migrations.ts";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("database migrations (the same history on PGlite and PostgreSQL)");
  db.command("migrate")
    .description("apply pending migrations")
    .action(() =>
      withDatabase(async (database) => {
        const applied = await applyMigrations(database);
        print(
          applied.length === 0
            ? `${database.location}: already up to date`
            : `${database.location}: applied ${applied.join(", ")}`,
        );
      }),
    );
  db.command("status")
    .description("list applied and pending migrations")
    .action(() =>
      withDatabase(async (database) => {
        const status = await migrationStatus(database);
        print(`${database.location}`);
        for (const name of status.applied)
          print(`  applied  ${name}${status.edited.includes(name) ? " (edited since!)" : ""}`);
        for (const name of status.failed) print(`  FAILED   ${name}`);
        for (const name of status.pending) print(`  pending  ${name}`);
        if (status.failed.length > 0) process.exitCode = 1;
      }),
    );
  db.command("diff")
    .description("write a new migration that brings prisma/migrations up to prisma/schema.prisma (for developers)")
    .argument("<name>", "migration name, lowercase with underscores")
    .action(async (name: string) => {
      const created = await createMigration(name);
      print(created ? `created prisma/migrations/${created.directory}/migration.sql` : "the schema has no changes");
    });
}

async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const database = await openConfiguredDatabase(loadSettings());
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

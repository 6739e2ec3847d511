import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyMigrations,
  defaultPaths,
  migrationStatus,
  readMigrationList,
} from "../../src/store/migrations/migrations.ts";
import { backends, createTestDatabase, type TestDatabase } from "../support/database.ts";

describe.each(backends)("migrations on %s", (backend) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
    test = undefined;
  });

  it("applies the committed history once; a second run is a no-op", async () => {
    test = await createTestDatabase(backend, { migrate: false });
    const committed = (await readMigrationList(defaultPaths.migrations)).migrationDirectories.map((d) => d.path);
    expect((await migrationStatus(test.database)).pending).toEqual(committed);

    expect(await applyMigrations(test.database)).toEqual(committed);
    expect(await applyMigrations(test.database)).toEqual([]);

    const status = await migrationStatus(test.database);
    expect(status).toEqual({ applied: committed, pending: [], failed: [], edited: [] });
    const tables = await test.database.prisma.$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('Workshop', 'ExploitableResult', 'ScheduledJob')",
    );
    expect(tables[0]?.n).toBe(3);
  });

  it("records a broken migration as failed instead of applied", async () => {
    test = await createTestDatabase(backend, { migrate: false });
    const dir = await mkdtemp(join(tmpdir(), "clusterbot-migrations-"));
    await cp(defaultPaths.migrations, dir, { recursive: true });
    await mkdir(join(dir, "29990101000000_broken"));
    await writeFile(join(dir, "29990101000000_broken", "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN x INT;');

    await expect(applyMigrations(test.database, dir)).rejects.toThrow(/NoSuchTable/);
    const status = await migrationStatus(test.database, dir);
    expect(status.failed).toEqual(["29990101000000_broken"]);
    expect(status.applied.length).toBeGreaterThan(0);
  });
});

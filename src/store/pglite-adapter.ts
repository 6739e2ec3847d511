// pglite-prisma-adapter 0.7.2 has two defects that matter for migrations: `executeScript` does not await the
// script (a broken migration would be recorded as applied) and its shadow database is never closed.
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

export class MigrationSafePGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  readonly #client: PGlite;
  readonly #inner: PrismaPGlite;

  constructor(client: PGlite) {
    this.#client = client;
    this.#inner = new PrismaPGlite(client);
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return awaitScripts(await this.#inner.connect(), this.#client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = new PGlite();
    const adapter = awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      if (!shadow.closed) await shadow.close();
    };
    return adapter;
  }
}

function awaitScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}

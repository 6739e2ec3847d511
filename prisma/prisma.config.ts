// The Prisma CLI is used only for `generate`. It would download a schema-engine binary for anything else,
// which cannot work offline; migrations run in-process through the schema-engine WASM (src/store/migrations).
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";
process.env.CHECKPOINT_DISABLE ??= "1";

const command = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
if (command === "migrate" || command === "db") {
  throw new Error(
    `"prisma ${command}" is not used in Clusterbot: run "npx clusterbot db migrate", "npx clusterbot db status" or "npm run db:diff -- NAME".`,
  );
}

export default defineConfig({ schema: "schema.prisma" });

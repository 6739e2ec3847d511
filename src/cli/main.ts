#!/usr/bin/env node
// `clusterbot` — the command line. Errors the user can fix are printed as plain messages, never stack traces.
// Subcommand modules are imported only when that subcommand runs: `--help` and `--version` must not load Prisma,
// Bolt or the language model (they answer in well under 0.3 s that way).
import { Command } from "commander";
import { version } from "../version.ts";

interface Subcommand {
  name: string;
  description: string;
  register: () => Promise<(program: Command) => void>;
}

const SUBCOMMANDS: Subcommand[] = [
  {
    name: "start",
    description: "start the bot (embedded PGlite store unless DATABASE_URL is set); serves GET /healthz on PORT",
    register: async () => (await import("./start.ts")).registerStartCommand,
  },
  {
    name: "db",
    description: "database migrations (the same history on PGlite and PostgreSQL)",
    register: async () => (await import("./db.ts")).registerDbCommands,
  },
  {
    name: "manifest",
    description: "print a chat platform's app manifest with the request URLs filled in",
    register: async () => (await import("./manifest.ts")).registerManifestCommand,
  },
  {
    name: "analyze",
    description: "Suggest clusters of exploitable results from a workshop file (.json, .csv or .xlsx)",
    register: async () => (await import("./analyze.ts")).registerAnalyzeCommand,
  },
  {
    name: "keys",
    description: "encryption keys: re-encrypt stored installations with the current key",
    register: async () => (await import("./keys.ts")).registerKeysCommands,
  },
  {
    name: "workshop",
    description: "workshops in the database: hand one over to another facilitator",
    register: async () => (await import("./workshop.ts")).registerWorkshopCommands,
  },
  {
    name: "web",
    description: "the local browser workspace: invite links",
    register: async () => (await import("./web.ts")).registerWebCommands,
  },
  {
    name: "report",
    description: "the workshop report (md, html, pdf, docx, xlsx) from a workshop file or the database",
    register: async () => (await import("./report.ts")).registerReportCommand,
  },
  {
    name: "import",
    description: "import projects, partners, members and homework from a spreadsheet (xlsx, csv)",
    register: async () => (await import("./import.ts")).registerImportCommand,
  },
  {
    name: "demo",
    description: "a whole demo workshop in the browser workspace (its own data folder, reset on each run)",
    register: async () => (await import("./demo.ts")).registerDemoCommand,
  },
  {
    name: "export",
    description: "export a workshop's homework, interests, clusters and work-plans (xlsx, csv)",
    register: async () => (await import("./export.ts")).registerExportCommand,
  },
];

/**
 * The program with every subcommand fully registered for `invoked` (loading only its module), and the others as
 * named stubs so the overview help still lists them. Without `invoked`, every subcommand is loaded (for tests).
 */
export async function buildProgram(invoked?: string): Promise<Command> {
  const program = new Command()
    .name("clusterbot")
    .description("Runs project-clustering workshops in Slack and Microsoft Teams")
    .version(version, "-v, --version")
    .showHelpAfterError();
  for (const sub of SUBCOMMANDS) {
    if (invoked === undefined || sub.name === invoked) (await sub.register())(program);
    else program.command(sub.name).description(sub.description);
  }
  return program;
}

export async function exitCodeFor(error: unknown): Promise<number> {
  const { SettingsError } = await import("../config/settings.ts");
  return error instanceof SettingsError ? 2 : 1;
}

export async function reportError(error: unknown): Promise<void> {
  const { SettingsError } = await import("../config/settings.ts");
  const { StoreError } = await import("../store/errors.ts");
  if (error instanceof SettingsError) {
    process.stderr.write(`Clusterbot cannot start: ${error.problems.length} setting(s) need attention:\n`);
    for (const line of error.message.split("\n")) process.stderr.write(`  - ${line}\n`);
  } else if (error instanceof StoreError) {
    process.stderr.write(`Clusterbot: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Clusterbot failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}

/** The first argument that names a subcommand (options such as `--help` come before or after it). */
function invokedSubcommand(argv: readonly string[]): string {
  return argv.slice(2).find((arg) => SUBCOMMANDS.some((s) => s.name === arg)) ?? "";
}

if (import.meta.main) {
  buildProgram(invokedSubcommand(process.argv))
    .then((program) => program.parseAsync(process.argv))
    .catch(async (error: unknown) => {
      await reportError(error);
      process.exitCode = await exitCodeFor(error);
    });
}

#!/usr/bin/env node
// `clusterbot` — the command line. Errors the user can fix are printed as plain messages, never stack traces.
import { Command } from "commander";
import { SettingsError } from "../config/settings.ts";
import { StoreError } from "../store/errors.ts";
import { version } from "../version.ts";
import { registerAnalyzeCommand } from "./analyze.ts";
import { registerDbCommands } from "./db.ts";
import { registerExportCommand } from "./export.ts";
import { registerImportCommand } from "./import.ts";
import { registerManifestCommand } from "./manifest.ts";
import { registerReportCommand } from "./report.ts";
import { registerStartCommand } from "./start.ts";

export function buildProgram(): Command {
  const program = new Command()
    .name("clusterbot")
    .description("Runs project-clustering workshops in Slack and Microsoft Teams")
    .version(version, "-v, --version")
    .showHelpAfterError();
  registerStartCommand(program);
  registerDbCommands(program);
  registerManifestCommand(program);
  registerAnalyzeCommand(program);
  registerReportCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  return program;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof SettingsError) return 2;
  return 1;
}

export function reportError(error: unknown): void {
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

if (import.meta.main) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      reportError(error);
      process.exitCode = exitCodeFor(error);
    });
}

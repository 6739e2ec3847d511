// `clusterbot workshop handover`: the operator hands a workshop to another facilitator (e.g. when someone else
// created it first and the real facilitator is locked out).
import type { Command } from "commander";
import { type CommandOutput, EXIT_BAD_INPUT, processOutput, reportFailure } from "./output.ts";

export interface HandoverCliOptions {
  workshop: string;
  to: string;
  keepPrevious?: boolean;
}

export function registerWorkshopCommands(program: Command): void {
  const workshop = program.command("workshop").description("workshops in the database: who runs them");
  workshop
    .command("handover")
    .description("make someone the workshop's owner (facilitator); the previous owner loses access")
    .requiredOption("--workshop <id>", "the workshop's id")
    .requiredOption("--to <email|user-id>", "the new owner: an email known in that workspace, or a Slack user id (U…)")
    .option("--keep-previous", "keep the previous owner as a co-facilitator")
    .action(async (options: HandoverCliOptions) => {
      process.exitCode = await runHandover(options);
    });
}

export async function runHandover(options: HandoverCliOptions, output: CommandOutput = processOutput): Promise<number> {
  try {
    const { withRepositories } = await import("./with-store.ts");
    const { handOverWorkshop } = await import("../app/workshop/handover.ts");
    const outcome = await withRepositories((repos) =>
      handOverWorkshop(repos, {
        workshopId: options.workshop,
        to: options.to,
        keepPrevious: options.keepPrevious ?? false,
      }),
    );
    if (!outcome.ok) {
      output.stderr(`error: ${outcome.problem}\n`);
      return EXIT_BAD_INPUT;
    }
    const { terminalSafe } = await import("./terminal.ts");
    const previous = outcome.previous.length;
    output.stdout(
      `"${terminalSafe(outcome.workshopName)}" is now owned by ${options.to}` +
        (previous === 0
          ? ".\n"
          : options.keepPrevious
            ? `; the previous owner stays a co-facilitator.\n`
            : `; the previous owner${previous === 1 ? " was" : "s were"} removed from its facilitators.\n`),
    );
    return 0;
  } catch (error) {
    return reportFailure(error, output, "The handover failed");
  }
}

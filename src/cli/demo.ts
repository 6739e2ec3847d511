// `clusterbot demo` (`npm run demo`): the demo workshop in the browser workspace, on its own PGlite folder that is
// emptied on every run, analysed and ready for its facilitator's review. Slack, Teams and DATABASE_URL settings are
// ignored: the demo touches nothing but that folder.
import type { Command } from "commander";
import { type Environment, parseSettings } from "../config/settings.ts";
import { createLogger } from "../logging/logger.ts";
import { untilStopSignal } from "./stop-signal.ts";

export const demoDataDir = ".clusterbot/demo";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description(`a whole demo workshop in the browser workspace (its own data in ${demoDataDir}, reset on each run)`)
    .action(async () => {
      await runDemo(process.env);
    });
}

export async function runDemo(environment: Environment): Promise<void> {
  const { demoFacilitator, readDemoWorkshop, resetDemoFolder, reviewReady, seedDemo } = await import(
    "../runtime/demo.ts"
  );
  const { startClusterbot } = await import("../runtime/start.ts");
  const settings = parseSettings({
    PORT: environment.PORT,
    HOST: environment.HOST,
    LOG_LEVEL: environment.LOG_LEVEL ?? "error",
    CLUSTERBOT_DATA_DIR: environment.CLUSTERBOT_DEMO_DIR ?? demoDataDir,
    CLUSTERBOT_WEB: "on",
    CLUSTERBOT_WEB_DEV_SIGNIN: "local",
  });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const logger = createLogger(settings.LOG_LEVEL, undefined);
  const input = await readDemoWorkshop();
  say(`Emptying the demo's own data folder ${settings.CLUSTERBOT_DATA_DIR} (each run starts afresh)…`);
  await resetDemoFolder(settings.CLUSTERBOT_DATA_DIR);
  const running = await startClusterbot(settings, logger);
  const stopped = untilStopSignal();
  try {
    const web = running.web!;
    const seeded = await seedDemo(
      {
        repos: running.app.deps.repos,
        workspaceId: web.bot.workspace.id,
        generalChannelId: web.service.context.generalChannelId,
        ensurePerson: async (name) => (await web.service.people.ensure(name)).person,
      },
      input,
    );
    const drafts = input.results.filter((result) => result.status === "draft");
    const late = [...new Set(drafts.map((result) => result.project))].join(", ");
    say(
      `Seeded "${seeded.workshopName}": ${input.projects.length} projects, ${input.results.length} results ` +
        `(${late} is late: ${drafts.length} results still drafts), ${input.interests.length} interests.`,
    );
    say(`${demoFacilitator}, the facilitator, typed /cluster analyze in #general; analysing…`);
    await web.service.messages.command(seeded.people.get(demoFacilitator)!, {
      channelId: web.service.context.generalChannelId,
      threadRootId: null,
      text: "/cluster analyze",
    });
    await reviewReady(running.app.deps.repos, seeded.workshopId);
    const url = web.url(running.port);
    const invite = await web.issueInvite(demoFacilitator, running.port);
    say("");
    say(`The workspace is at ${url}`);
    say(`  pick "${demoFacilitator}" (the facilitator) in the person switcher, or open ${invite.link}`);
    say("  Her conversation with Clusterbot has the analysis: Open the review. Then move results, Approve,");
    say("  type /cluster announce, /cluster groups create, reply in a working group's threads (work-plan items),");
    say("  and /cluster report pdf (or md, html, docx, xlsx) to download the report. Other people: the switcher.");
    say("Ctrl-C stops it.");
    await stopped;
  } finally {
    await running.stop();
    logger.flush();
  }
}

// npm run bench:review [-- --postgres] [--results 500] [--runs 3] — a facilitator's `/cluster analyze` on a workshop
// of 500 submitted results (synthetic, test/tools/synthetic.ts) stored in the database, through the Slack stand-in:
// the time until the "review is ready" DM is posted, and until the review modal is open after its button. Target:
// the posted review in < 5 s. Prints each run, the median, and the size of the review's first page.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { analysesSettled } from "../../src/app/review/analyze.ts";
import { parseSettings } from "../../src/config/settings.ts";
import { startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { composeApp } from "../../src/runtime/compose.ts";
import { createSlackStandIn } from "../standins/slack/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { generateWorkshop } from "../tools/synthetic.ts";

const { values: flags } = parseArgs({
  options: {
    postgres: { type: "boolean", default: false },
    results: { type: "string", default: "500" },
    runs: { type: "string", default: "3" },
  },
});
const resultCount = Number(flags.results);
const runs = Number(flags.runs);
const signingSecret = "0123456789abcdef0123456789abcdef";
const teamId = "T0BENCH0001";
const facilitatorId = "U0FACIL0001";

const slack = await createSlackStandIn({
  signingSecret,
  botUserId: "U0BOT000001",
  teamId,
  users: [{ id: facilitatorId, name: "fran", realName: "Fran Facilitator" }],
  channels: [{ id: "C0GENERAL01", name: "general", members: ["U0BOT000001", facilitatorId] }],
});
const test = await createTestDatabase(flags.postgres ? "postgres" : "pglite");
const composed = composeApp(
  parseSettings({ SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slack.url }),
  test.database,
  createLogger(process.env.BENCH_LOG ?? "silent", false),
  { now: () => new Date() },
);
const http = await startHttpServer({
  host: "127.0.0.1",
  port: 0,
  routes: composed.routes,
  logger: createLogger("silent", false),
});
slack.driver.botUrl = `http://127.0.0.1:${http.port}/slack/events`;

const waitFor = async (condition: () => boolean, timeoutMs = 60_000) => {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

try {
  await seed();
  const dm = () => slack.state.messagesIn(slack.state.imWith(facilitatorId).id);
  const timings: { ready: number; open: number; blocks: number; pages: string }[] = [];
  for (let run = 0; run < runs; run++) {
    const before = dm().length;
    const started = performance.now();
    await slack.driver.slashCommand({
      command: "/cluster",
      text: "analyze",
      userId: facilitatorId,
      channelId: "C0GENERAL01",
    });
    await waitFor(() => dm().length > before && JSON.stringify(dm().at(-1)?.blocks).includes("review.open")).catch(
      (error: unknown) => {
        console.error("no review:", JSON.stringify(dm().at(-1)).slice(0, 600));
        throw error;
      },
    );
    const ready = performance.now() - started;
    const message = dm().at(-1)!;
    const button = JSON.stringify(message.blocks).match(/"action_id":"(review\.open[^"]*)","value":"([^"]+)"/);
    const viewBefore = slack.state.topView(facilitatorId)?.id;
    await slack.driver.blockActions({
      userId: facilitatorId,
      actions: [{ actionId: button?.[1] ?? "review.open", value: button?.[2] ?? "" }],
      message: { channelId: slack.state.imWith(facilitatorId).id, ts: message.ts },
    });
    await waitFor(() => {
      const top = slack.state.topView(facilitatorId);
      return top?.callback_id === "review.clusters" && top.id !== viewBefore;
    });
    const open = performance.now() - started;
    const view = slack.state.topView(facilitatorId)!;
    const pages = JSON.stringify(view.blocks).match(/Page \d+ of \d+/)?.[0] ?? "one page";
    timings.push({ ready, open, blocks: view.blocks.length, pages });
    console.log(
      `run ${run + 1}: review ready (DM posted) ${(ready / 1000).toFixed(2)} s, review modal open ${(open / 1000).toFixed(2)} s; first page ${view.blocks.length} blocks (${pages})`,
    );
    await analysesSettled();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const openMedian = median(timings.map((t) => t.open)) / 1000;
  console.log(
    `${resultCount} results, ${flags.postgres ? "PostgreSQL" : "PGlite"}, load ${loadavg()[0]?.toFixed(1)} on this machine: median ready ${(median(timings.map((t) => t.ready)) / 1000).toFixed(2)} s, median open ${openMedian.toFixed(2)} s (target < 5 s)`,
  );
  if (openMedian >= 5) process.exitCode = 1;
} finally {
  await composed.stop();
  await http.close();
  await slack.close();
  await test.drop();
}

/** The synthetic workshop, written straight to the tables as submitted homework (not timed). */
async function seed(): Promise<void> {
  const { repos } = composed.deps;
  const prisma = test.database.prisma;
  const workspace = await repos.workspaces.ensure("slack", teamId);
  const facilitator = await repos.people.ensure(workspace.id, facilitatorId, { displayName: "Fran Facilitator" });
  const workshop = await repos.workshops.create(
    workspace.id,
    { name: "Bench workshop", maxResultsPerProject: 10 },
    facilitator.id,
  );
  await repos.workshops.setPhase(workshop.id, "homework");
  const { workshop: input } = generateWorkshop({
    results: resultCount,
    clusters: Math.max(3, Math.round(resultCount / 8)),
    seed: 42,
  });
  const projectIds = new Map<string, string>();
  for (const project of input.projects) {
    const created = await prisma.project.create({
      data: { workshopId: workshop.id, acronym: project.acronym ?? project.id, title: project.title ?? project.id },
    });
    projectIds.set(project.id, created.id);
  }
  const resultIds = new Map<string, string>();
  const titles = new Set<string>();
  for (const [position, result] of input.results.entries()) {
    // Titles are unique per project; the generator may repeat one.
    let title = result.title;
    while (titles.has(`${result.project}/${title}`)) title = `${title} (2)`;
    titles.add(`${result.project}/${title}`);
    const created = await prisma.exploitableResult.create({
      data: {
        projectId: projectIds.get(result.project)!,
        position,
        title,
        description: result.description ?? null,
        keywords: result.keywords ?? [],
        type: result.type ?? null,
        needs: result.needs ?? null,
        status: "submitted",
      },
    });
    resultIds.set(result.id, created.id);
  }
  const kinds = { "co-develop": "co_develop", "joint-exploitation": "joint_exploitation" } as Record<string, string>;
  await prisma.interest.createMany({
    data: (input.interests ?? []).map((interest) => ({
      projectId: projectIds.get(interest.project)!,
      resultId: resultIds.get(interest.result)!,
      level: interest.level ?? "medium",
      kind: (kinds[interest.kind ?? "use"] ?? interest.kind ?? "use") as "use",
    })),
    skipDuplicates: true,
  });
}

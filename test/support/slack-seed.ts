// Workshop data for Slack tests, created straight through the repositories (fast, no UI round trips).
import { afterAll, beforeAll } from "vitest";
import type { Project, Workshop } from "../../src/core/model/domain.ts";
import type { Backend } from "./database.ts";
import { type SlackHarness, startSlackHarness, teamId, users } from "./slack-bot.ts";

export { waitFor } from "./wait.ts";

export interface SeededWorkshop {
  workspaceId: string;
  workshop: Workshop;
  personIds: Record<keyof typeof users, string>;
  projects: Project[];
}

export interface SeedProject {
  acronym: string;
  members: (keyof typeof users)[];
  results?: string[];
}

/** A workshop run by the facilitator, in its homework phase, with the given projects and results. */
export async function seedWorkshop(harness: SlackHarness, projects: SeedProject[]): Promise<SeededWorkshop> {
  const { repos } = harness.deps;
  const workspace = await repos.workspaces.ensure("slack", teamId);
  const personIds = {} as Record<keyof typeof users, string>;
  for (const [key, userId] of Object.entries(users) as [keyof typeof users, string][]) {
    personIds[key] = (await repos.people.ensure(workspace.id, userId, { displayName: key })).id;
  }
  const created = await repos.workshops.create(
    workspace.id,
    { name: "Seeded workshop", homeworkDeadline: new Date(Date.now() + 14 * 86_400_000) },
    personIds.facilitator,
  );
  const workshop = await repos.workshops.setPhase(created.id, "homework");
  const rows: Project[] = [];
  for (const seed of projects) {
    const project = await repos.projects.create(workshop.id, {
      acronym: seed.acronym,
      title: `${seed.acronym} project`,
      partners: [`${seed.acronym} University`],
      memberIds: seed.members.map((member) => personIds[member]),
    });
    if (seed.results)
      await repos.results.replaceList(
        project.id,
        seed.results.map((title) => ({ title })),
      );
    rows.push(project);
  }
  return { workspaceId: workspace.id, workshop, personIds, projects: rows };
}

/** A bot and a seeded workshop for the describe block this is called in: started before its tests, closed after. */
export function seededSlackBot(
  backend: Backend,
  projects: SeedProject[],
): { harness: SlackHarness; seeded: SeededWorkshop } {
  const bot = {} as { harness: SlackHarness; seeded: SeededWorkshop };
  beforeAll(async () => {
    bot.harness = await startSlackHarness(backend);
    bot.seeded = await seedWorkshop(bot.harness, projects);
  });
  afterAll(() => bot.harness?.close());
  return bot;
}

export interface Button {
  action_id: string;
  value: string;
}

/** The first button whose action_id matches, anywhere in a view's or message's blocks. */
export function findButton(blocks: unknown, actionId: RegExp): Button {
  const found: Button[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "button" && typeof record.action_id === "string" && actionId.test(record.action_id)) {
        found.push({ action_id: record.action_id, value: String(record.value) });
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(blocks);
  if (!found[0]) throw new Error(`no button ${actionId} in ${JSON.stringify(blocks)}`);
  return found[0];
}

// A running Clusterbot with the Teams adapter on a real HTTP server, wired to the local Teams stand-in.

import { type AppDependencies, type Clock, systemClock } from "../../../src/app/context.ts";
import { parseSettings } from "../../../src/config/settings.ts";
import { noQuietHours } from "../../../src/core/reminders/quiet-hours.ts";
import { startHttpServer } from "../../../src/http/server.ts";
import { createLogger, type Logger } from "../../../src/logging/logger.ts";
import type { TeamsAdapter } from "../../../src/platforms/teams/index.ts";
import { composeApp } from "../../../src/runtime/compose.ts";
import type { Database } from "../../../src/store/database.ts";
import type { Repositories } from "../../../src/store/repositories/index.ts";
import { createTeamsStandIn, type TeamsStandIn } from "../../standins/teams/index.ts";
import { type Backend, createTestDatabase } from "../../support/database.ts";
import { waitFor } from "../../support/wait.ts";

export const appId = "6a1c1c1e-2b7b-4c53-9f0e-0d5c3b0a7e11";
export const appPassword = "stand-in-client-secret";
export const tenantId = "0b5b3c4e-9d1a-4d8b-8f4e-3c2d1a0b9e8f";

export const people = {
  fran: "aad-fran-0001",
  ana: "aad-ana-00001",
  ben: "aad-ben-00001",
  olly: "aad-olly-0001",
  cleo: "aad-cleo-0001",
} as const;

export const facilitatorsTeam = "f0f0f0f0-0000-4000-8000-000000000001";

export interface TeamsHarness {
  teams: TeamsStandIn;
  /** What the use cases get: notify, channels, repositories. */
  deps: AppDependencies;
  adapter: TeamsAdapter;
  core: ReturnType<typeof composeApp>["core"];
  repos: Repositories;
  database: Database;
  botUrl: string;
  /** Stops the app and starts a new one on the same database and stand-in (nothing kept in memory survives). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamsHarness(
  backend: Backend,
  options: { logger?: Logger; settings?: Record<string, string>; clock?: Clock } = {},
): Promise<TeamsHarness> {
  const teams = await createTeamsStandIn({
    appId,
    appPassword,
    tenantId,
    users: [
      { aadObjectId: people.fran, name: "Fran Facilitator", email: "fran@example.org", timezone: "Europe/Brussels" },
      { aadObjectId: people.ana, name: "Ana Partner", email: "ana@example.org", timezone: "Europe/Madrid" },
      { aadObjectId: people.ben, name: "Ben Partner", email: "ben@example.org", timezone: "America/Los_Angeles" },
      { aadObjectId: people.olly, name: "Olly Outsider", email: "olly@example.org", timezone: "Asia/Tokyo" },
      { aadObjectId: people.cleo, name: "Cleo Partner", email: "cleo@example.org", timezone: "Europe/Lisbon" },
    ],
    teams: [
      {
        aadGroupId: facilitatorsTeam,
        name: "Cluster facilitators",
        members: [people.fran, people.ana, people.ben, people.cleo],
      },
    ],
  });
  const test = await createTestDatabase(backend);
  const settings = parseSettings({ ...teams.settings, CLUSTERBOT_SCHEDULER: "off", ...options.settings });
  const logger = options.logger ?? createLogger("silent", false);
  const start = async () => {
    const app = composeApp(settings, test.database, logger, options.clock ?? systemClock, { quietHours: noQuietHours });
    if (!app.teams) throw new Error("Teams is not configured");
    await app.start();
    const http = await startHttpServer({ host: "127.0.0.1", port: 0, routes: app.routes, logger });
    const botUrl = `http://127.0.0.1:${http.port}/api/messages`;
    teams.driver.botUrl = botUrl;
    return { app, teamsAdapter: app.teams, http, botUrl };
  };
  let running = await start();
  const harness: TeamsHarness = {
    teams,
    adapter: running.teamsAdapter,
    core: running.app.core,
    deps: running.app.deps,
    repos: running.app.deps.repos,
    database: test.database,
    botUrl: running.botUrl,
    async restart() {
      await running.http.close();
      await running.app.stop();
      running = await start();
      Object.assign(harness, {
        adapter: running.teamsAdapter,
        core: running.app.core,
        deps: running.app.deps,
        repos: running.app.deps.repos,
        botUrl: running.botUrl,
      });
    },
    async close() {
      await running.http.close();
      await running.app.stop();
      await teams.close();
      await test.drop();
    },
  };
  return harness;
}

/** A harness where these people have the app in their 1:1 chat and Fran has added it to the facilitators' team. */
export async function startInstalledTeamsHarness(
  backend: Backend,
  personal: readonly string[] = Object.values(people),
  options: Parameters<typeof startTeamsHarness>[1] = {},
): Promise<TeamsHarness> {
  const harness = await startTeamsHarness(backend, options);
  for (const aad of personal) await harness.teams.driver.installPersonal(aad);
  await harness.teams.driver.installInTeam(people.fran, facilitatorsTeam);
  await harness.adapter.idle();
  return harness;
}

/**
 * A workshop in homework with ALPHA (Ana) and BETA (Ben), one result each, and one approved cluster of both
 * results, "Predictive maintenance": where the working-group tests start.
 */
export async function seedApprovedCluster(
  harness: TeamsHarness,
  workshopName: string,
): Promise<{ workspaceId: string; workshopId: string; clusterId: string }> {
  const { repos } = harness;
  const workspace = await repos.workspaces.ensure("teams", tenantId);
  const person = async (aad: string, name: string) =>
    (await repos.people.ensure(workspace.id, aad, { displayName: name })).id;
  const fran = await person(people.fran, "Fran");
  const created = await repos.workshops.create(workspace.id, { name: workshopName }, fran);
  const workshop = await repos.workshops.setPhase(created.id, "homework");
  const resultIds: string[] = [];
  for (const [acronym, aad] of [
    ["ALPHA", people.ana],
    ["BETA", people.ben],
  ] as const) {
    const project = await repos.projects.create(workshop.id, {
      acronym,
      title: `${acronym} project`,
      partners: [`${acronym} University`],
      memberIds: [await person(aad, acronym)],
    });
    await repos.results.replaceList(project.id, [{ title: `${acronym} sensor kit` }]);
    resultIds.push(...(await repos.results.listForProject(project.id)).map((result) => result.id));
  }
  const cluster = await harness.database.prisma.cluster.create({
    data: {
      workshopId: workshop.id,
      label: "Predictive maintenance",
      explanation: "Both monitor machines.",
      status: "approved",
      position: 0,
      members: { create: resultIds.map((resultId) => ({ resultId })) },
    },
  });
  return { workspaceId: workspace.id, workshopId: workshop.id, clusterId: cluster.id };
}

/** A command typed in the 1:1 chat; resolves with the bot's answers (their activities, as JSON text). */
export async function typedCommand(harness: TeamsHarness, aad: string, text: string): Promise<string> {
  const answers = () => harness.teams.state.personalMessages(aad);
  const before = answers().length;
  const sent = await harness.teams.driver.message(aad, text);
  if (sent.status !== 200) throw new Error(`“${text}” was answered with HTTP ${sent.status}`);
  await harness.adapter.idle();
  await waitFor(() => answers().length > before);
  return JSON.stringify(
    answers()
      .slice(before)
      .map((entry) => entry.activity),
  );
}

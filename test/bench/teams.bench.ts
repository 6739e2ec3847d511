// npm run bench:teams [-- --postgres] [--submissions 500] — 500 partners submit their homework results step in a
// dialog at the same moment, each as a correctly signed task/submit activity (half with a field error: two results
// with the same title; half complete). Measures the time to the HTTP answer on (a) a bare Teams SDK app that only
// answers, and (b) Clusterbot's server with the Teams adapter and the interaction core (envelope and JWT checks, the
// card read back into the core's values, the route's ack-first check from what the form carries: the form again with
// the error next to its field, or the dialog closed; the save and the refreshed overview in the chat come after, once
// requests pause); prints p50/p95/p99 and the ratio of the p99s (target ≤ 1.5), then checks every complete answer
// was saved. Each partner first opens the form as in Teams (the invitation's button, then the overview's), outside
// the timing, and opens it again after a run that saved their answer (a saved list makes the old form stale, which
// the full handling answers, not the ack-first check). Runs: bare, ours, ours, bare. Same requests, same stand-in
// keys; tokens are signed before the burst.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { App, type HttpMethod, type HttpRouteHandler, type IHttpServerAdapter } from "@microsoft/teams.apps";
import { parseSettings, teamsSettings } from "../../src/config/settings.ts";
import { encodeContext } from "../../src/core/screens/context.ts";
import { startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { sdkLogger } from "../../src/platforms/teams/sdk-logger.ts";
import { teamsAppOptions } from "../../src/platforms/teams/sdk-options.ts";
import { composeApp } from "../../src/runtime/compose.ts";
import { type CardNode, continuedCard, elements, submitData } from "../platforms/teams/forms.ts";
import { build, createTeamsStandIn } from "../standins/teams/index.ts";
import { createTestDatabase } from "../support/database.ts";

const { values: flags } = parseArgs({
  options: { postgres: { type: "boolean", default: false }, submissions: { type: "string", default: "500" } },
});
const count = Number(flags.submissions);
const backend = flags.postgres ? "postgres" : "pglite";
const appId = "6a1c1c1e-2b7b-4c53-9f0e-0d5c3b0a7e11";
const tenantId = "0b5b3c4e-9d1a-4d8b-8f4e-3c2d1a0b9e8f";
const users = Array.from({ length: count }, (_, index) => ({
  aadObjectId: `aad-bench-${String(index).padStart(5, "0")}`,
  name: `Partner ${index}`,
  timezone: "Europe/Brussels",
}));

/** The process's CPU time during each run (the client's share included, the same for both apps). */
const cpuMs = new WeakMap<number[], number>();

const teams = await createTeamsStandIn({ appId, appPassword: "bench-secret", tenantId, users });
const silent = createLogger(process.env.BENCH_LOG ?? "silent", false);
const database = await createTestDatabase(backend);
const settings = parseSettings({ ...teams.settings, CLUSTERBOT_SCHEDULER: "off" });
const composed = composeApp(settings, database.database, silent, { now: () => new Date() });
const adapter = composed.teams;
if (!adapter) throw new Error("Teams is not configured");
await composed.start();
const ours = await startHttpServer({ host: "127.0.0.1", port: 0, routes: composed.routes, logger: silent });
const oursUrl = `http://127.0.0.1:${ours.port}/api/messages`;
teams.driver.botUrl = oursUrl;
const bare = await startBareApp();

try {
  console.log(
    `backend ${backend}, ${count} simultaneous dialog submissions through the core (half with a field error)`,
  );
  const started = Date.now();
  const projectOf = await seed();
  let forms = await openForms(projectOf, users);
  console.log(`seeded ${count} projects and opened ${count} results dialogs in ${Date.now() - started} ms`);
  // Our saves after the answers run in this process too: each run waits until they are done.
  const settled = async () => {
    await composed.core.settled();
    await adapter.idle();
  };
  // Each run starts without the previous run's connections, whose keep-alive timeouts would otherwise end (and be
  // handled by this process, which is also the client) during it.
  const fresh = async () => {
    ours.server.closeIdleConnections();
    bare.closeIdle();
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  // A complete answer saved by a run makes its form stale: a partner submitting it again would get the form as it
  // is now (the full handling, not the ack-first check). Each run sends forms as Teams shows them, so the partners
  // whose answer was saved open the results step again first (outside the timing), as after any save.
  const reopenSaved = async (sent: typeof forms) => {
    const saved = new Set(sent.filter((_, index) => index % 2 === 0).map((form) => form.user));
    const again = await openForms(
      projectOf,
      users.filter((user) => saved.has(user.aadObjectId)),
    );
    const reopened = new Map(again.map((form) => [form.user, form]));
    forms = forms.map((form) => reopened.get(form.user) ?? form);
  };
  await burst(oursUrl, forms.slice(0, 20));
  await burst(bare.url, forms.slice(0, 20));
  await settled();
  await reopenSaved(forms.slice(0, 20));
  await settled();
  await fresh();
  const bareTimes = await burst(bare.url, forms);
  await fresh();
  const oursTimes = await burst(oursUrl, forms);
  await settled();
  await reopenSaved(forms);
  await settled();
  await fresh();
  const oursAgain = await burst(oursUrl, forms);
  await settled();
  await fresh();
  const bareAgain = await burst(bare.url, forms);
  const rows = [
    ["bare Teams SDK app", summary([...bareTimes, ...bareAgain])],
    ["Clusterbot (Teams + core)", summary([...oursTimes, ...oursAgain])],
    ["  bare, run 1 / run 2", summary(bareTimes), summary(bareAgain)],
    ["  Clusterbot, run 1 / run 2", summary(oursTimes), summary(oursAgain)],
  ] as const;
  const figuresOf = (figures: ReturnType<typeof summary>) =>
    `p50 ${figures.p50}  p95 ${figures.p95}  p99 ${figures.p99}`;
  for (const [name, ...runs] of rows) console.log(`${name.padEnd(28)} ${runs.map(figuresOf).join(" / ")} ms`);
  const cpuOf = (...runs: number[][]) => runs.map((run) => cpuMs.get(run)).join(" / ");
  console.log(
    `CPU time of the runs: bare ${cpuOf(bareTimes, bareAgain)} ms, Clusterbot ${cpuOf(oursTimes, oursAgain)} ms`,
  );
  console.log(`p99 ratio Clusterbot / bare: ${(rows[1][1].p99 / rows[0][1].p99).toFixed(2)} (target ≤ 1.5)`);
  await settled();
  const saved = await database.database.prisma.exploitableResult.count();
  console.log(`results saved after the answers: ${saved} (expected ${Math.ceil(count / 2) * 2})`);
  if (saved !== Math.ceil(count / 2) * 2) process.exitCode = 1;
} finally {
  await ours.close();
  await bare.close();
  await composed.stop();
  await teams.close();
  await database.drop();
}

/** A workshop in its homework phase with one project per partner. */
async function seed(): Promise<Map<string, string>> {
  const { repos } = composed.deps;
  const workspace = await repos.workspaces.ensure("teams", tenantId);
  const facilitator = await repos.people.ensure(workspace.id, "aad-bench-facilitator");
  const workshop = await repos.workshops.create(workspace.id, { name: "Bench workshop" }, facilitator.id);
  await repos.workshops.setPhase(workshop.id, "homework");
  const projectOf = new Map<string, string>();
  await inParallel(users, 8, async (user) => {
    const person = await repos.people.ensure(workspace.id, user.aadObjectId);
    const project = await repos.projects.create(workshop.id, {
      acronym: `B${user.aadObjectId.slice(-5)}`,
      title: `Project of ${user.name}`,
      partners: ["Tecnalia"],
      memberIds: [person.id],
    });
    projectOf.set(user.aadObjectId, project.id);
  });
  return projectOf;
}

/** As a partner would: the invitation's Start button (a dialog with the overview), then Results in it. */
async function openForms(
  projectOf: Map<string, string>,
  who: readonly (typeof users)[number][],
): Promise<{ user: string; card: CardNode }[]> {
  return inParallel(who, 8, async (user) => {
    const start = {
      clusterbotAction: {
        actionId: "homework.start",
        value: projectOf.get(user.aadObjectId) ?? "",
        where: "message",
        context: encodeContext({}),
      },
    };
    const overview = continuedCard((await teams.driver.openDialog(user.aadObjectId, start)).body);
    const button = elements(overview)
      .flatMap((element) => (element.type === "ActionSet" ? (element.actions as CardNode[]) : []))
      .find((action) => JSON.stringify(action.data).includes("homework.results"));
    if (!button) throw new Error(`no Results button for ${user.aadObjectId}`);
    const form = continuedCard((await teams.driver.submitDialog(user.aadObjectId, button.data as CardNode)).body);
    return { user: user.aadObjectId, card: form };
  });
}

async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        out[index] = await work(items[index] as T);
      }
    }),
  );
  return out;
}

/** Every submission signed and serialised first, then all sent at once; returns each one's time to the answer. */
async function burst(url: string, forms: { user: string; card: CardNode }[]): Promise<number[]> {
  const requests = forms.map(({ user, card }, index) => {
    const complete = index % 2 === 0;
    const data = submitData(card, "submit", {
      result_1: `Sensor kit of partner ${index}`,
      result_2: complete ? `Edge analytics of partner ${index}` : `sensor kit of partner ${index}`,
    });
    const activity = build.invoke(teams.driver.sender, teams.state.user(user), "task/submit", {
      type: "task/submit",
      data,
    });
    return { body: JSON.stringify(activity), authorization: teams.driver.authorization() };
  });
  const cpu = process.cpuUsage();
  const times = await Promise.all(
    requests.map(async ({ body, authorization }) => {
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body,
      });
      const text = await response.text();
      // A dialog answer: the next card, a message, or `{}` (closed).
      if (response.status !== 200 || !text.startsWith("{"))
        throw new Error(`unexpected answer ${response.status}: ${text.slice(0, 200)}`);
      return performance.now() - started;
    }),
  );
  const used = process.cpuUsage(cpu);
  cpuMs.set(times, Math.round((used.user + used.system) / 1000));
  return times;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

/** The Teams SDK with the same options and keys, on a plain node:http server, whose dialog handler only answers. */
async function startBareApp(): Promise<{ url: string; closeIdle(): void; close(): Promise<void> }> {
  const routes = new Map<string, HttpRouteHandler>();
  const minimal: IHttpServerAdapter = {
    registerRoute: (method: HttpMethod, path: string, handler: HttpRouteHandler) =>
      routes.set(`${method} ${path}`, handler),
  };
  const credentials = teamsSettings(settings);
  if (!credentials) throw new Error("no Teams settings");
  const app = new App(teamsAppOptions(credentials, { adapter: minimal, logger: sdkLogger(silent) }));
  app.on("dialog.submit", async () => ({ task: { type: "message", value: "ok" } }));
  await app.initialize();
  const server = createServer(async (request: IncomingMessage, response) => {
    const handler = routes.get(`${request.method} ${request.url}`);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (!handler) return void response.writeHead(404).end();
    const answer = await handler({
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
      headers: request.headers as Record<string, string>,
    });
    response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    closeIdle: () => server.closeIdleConnections(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// npm run bench:teams [-- --postgres] [--submissions 500] — 500 partners submit a homework dialog at the same
// moment, each as a correctly signed task/submit activity (half with field errors, half complete). Measures the time
// to the HTTP answer on (a) a bare Teams SDK app that only answers, and (b) Clusterbot's server with the Teams
// adapter (envelope check, JWT check, card reader, the form's schema, the next card or closing, then the sender
// remembered after the answer); prints p50/p95/p99 and the ratio of the p99s (target ≤ 1.5). Same requests, same
// stand-in keys; tokens are signed before the burst.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { App, type HttpMethod, type HttpRouteHandler, type IHttpServerAdapter } from "@microsoft/teams.apps";
import { parseSettings, teamsSettings } from "../../src/config/settings.ts";
import { characterisationForm, parseCharacterisation } from "../../src/core/forms/homework.ts";
import { startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { formCard } from "../../src/platforms/teams/cards/form-card.ts";
import { sdkLogger } from "../../src/platforms/teams/sdk-logger.ts";
import { teamsAppOptions } from "../../src/platforms/teams/sdk-options.ts";
import { composeApp } from "../../src/runtime/compose.ts";
import { draftResult } from "../platforms/teams/fixtures.ts";
import { build, createTeamsStandIn } from "../standins/teams/index.ts";
import { createTestDatabase } from "../support/database.ts";

const { values: flags } = parseArgs({
  options: { postgres: { type: "boolean", default: false }, submissions: { type: "string", default: "500" } },
});
const count = Number(flags.submissions);
const backend = flags.postgres ? "postgres" : "pglite";
const appId = "6a1c1c1e-2b7b-4c53-9f0e-0d5c3b0a7e11";
const tenantId = "0b5b3c4e-9d1a-4d8b-8f4e-3c2d1a0b9e8f";
const partners = ["Acme, Inc.", "Fraunhofer IPT", "Tecnalia"];
const result = draftResult();
const spec = characterisationForm(result, partners);
const users = Array.from({ length: count }, (_, index) => ({
  aadObjectId: `aad-bench-${String(index).padStart(5, "0")}`,
  name: `Partner ${index}`,
  timezone: "Europe/Brussels",
}));

const teams = await createTeamsStandIn({ appId, appPassword: "bench-secret", tenantId, users });
const silent = createLogger(process.env.BENCH_LOG ?? "silent", false);
const database = await createTestDatabase(backend);
const settings = parseSettings({ ...teams.settings, CLUSTERBOT_SCHEDULER: "off" });
const composed = composeApp(settings, database.database, silent, { now: () => new Date() });
const adapter = composed.teams;
if (!adapter) throw new Error("Teams is not configured");
adapter.dialogs.onForm(spec.id, {
  spec: () => spec,
  async submit(submission) {
    const values = submission.values;
    const parsed = parseCharacterisation(values, submission.action === "submit" ? "submitted" : "draft", partners);
    if (parsed.ok) return { kind: "close", message: "Saved." };
    return { kind: "form", spec, state: { values, errors: parsed.errors, context: submission.context } };
  },
});
await composed.start();
const ours = await startHttpServer({ host: "127.0.0.1", port: 0, routes: composed.routes, logger: silent });
const bare = await startBareApp();

try {
  const oursUrl = `http://127.0.0.1:${ours.port}/api/messages`;
  console.log(`backend ${backend}, ${count} simultaneous dialog submissions (half with field errors)`);
  await burst(oursUrl, 20);
  await burst(bare.url, 20);
  await adapter.idle();
  const bareTimes = await burst(bare.url, count);
  const oursTimes = await burst(oursUrl, count);
  await adapter.idle();
  // Our work after the answers runs in this process too: it is finished before the bare app's turn.
  const oursAgain = await burst(oursUrl, count);
  await adapter.idle();
  const bareAgain = await burst(bare.url, count);
  const rows = [
    ["bare Teams SDK app", summary([...bareTimes, ...bareAgain])],
    ["Clusterbot (Teams adapter)", summary([...oursTimes, ...oursAgain])],
  ] as const;
  for (const [name, figures] of rows)
    console.log(
      `${name.padEnd(28)} p50 ${figures.p50} ms  p95 ${figures.p95} ms  p99 ${figures.p99} ms  (n=${figures.n})`,
    );
  console.log(`p99 ratio Clusterbot / bare: ${(rows[1][1].p99 / rows[0][1].p99).toFixed(2)} (target ≤ 1.5)`);
  const remembered = await database.database.prisma.person.count();
  console.log(`people remembered after the answers: ${remembered} of ${count}`);
} finally {
  await ours.close();
  await bare.close();
  await composed.stop();
  await teams.close();
  await database.drop();
}

/** Every submission signed and serialised first, then all sent at once; returns each one's time to the answer. */
async function burst(url: string, size: number): Promise<number[]> {
  const card = formCard(spec, { context: { resultId: "r1" } });
  const action = (card.actions ?? [])[0] as { data: Record<string, unknown> };
  const requests = users.slice(0, size).map((user, index) => {
    const complete = index % 2 === 0;
    const data = {
      ...action.data,
      description: `Result of partner ${index}`,
      trlNow: "4",
      trlExpected: complete ? "6" : "2",
      owners: "Tecnalia",
    };
    const activity = build.invoke(teams.driver.sender, teams.state.user(user.aadObjectId), "task/submit", {
      type: "task/submit",
      data,
    });
    return { body: JSON.stringify(activity), authorization: teams.driver.authorization() };
  });
  return Promise.all(
    requests.map(async ({ body, authorization }) => {
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body,
      });
      const text = await response.text();
      if (response.status !== 200 || !text.includes('"task"'))
        throw new Error(`unexpected answer ${response.status}: ${text.slice(0, 200)}`);
      return performance.now() - started;
    }),
  );
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

/** The Teams SDK with the same options and keys, on a plain node:http server, whose dialog handler only answers. */
async function startBareApp(): Promise<{ url: string; close(): Promise<void> }> {
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// Requests that do not come from Slack are refused before any work is done; odd but signed ones do not take the
// bot down.
import { describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { users } from "../../support/slack-bot.ts";
import { seededSlackBot, waitFor } from "../../support/slack-seed.ts";
import { openModal } from "../../support/slack-ui.ts";

const forgedSignature = `v0=${"0".repeat(64)}`;

describe.each(backends)("Slack request security on %s", (backend) => {
  const bot = seededSlackBot(backend, []);

  const slack = () => bot.harness.slack;
  const projects = () => bot.harness.deps.repos.projects.list(bot.seeded.workshop.id);

  const openProjectForm = async () => (await openModal(slack(), users.facilitator, "project add", "project.add")).id;

  const projectInputs = { acronym: "FORGED", title: "Forged project", partners: "Nobody", members: [] };

  it("refuses a bad signature with 401 and stores nothing", async () => {
    const viewId = await openProjectForm();
    const callsBefore = slack().state.calls.length;

    const submitted = await slack().driver.viewSubmission({
      userId: users.facilitator,
      viewId,
      inputs: projectInputs,
      signature: forgedSignature,
    });
    const command = await slack().driver.slashCommand({
      command: "/cluster",
      text: "setup",
      userId: users.outsider,
      channelId: "C0GENERAL01",
      signature: forgedSignature,
    });

    expect(submitted.status).toBe(401);
    expect(command.status).toBe(401);
    await bot.harness.core.settled();
    expect(await projects()).toEqual([]);
    expect(slack().state.calls.length).toBe(callsBefore);
    expect(slack().state.responseUrlPosts.filter((post) => command.responseUrl.endsWith(`/${post.id}`))).toEqual([]);
  });

  it("refuses a correctly signed request older than 5 minutes (a replay)", async () => {
    const viewId = await openProjectForm();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const replayed = await slack().driver.viewSubmission({
      userId: users.facilitator,
      viewId,
      inputs: projectInputs,
      timestamp: sixMinutesAgo,
    });
    expect(replayed.status).toBe(401);
    expect(await projects()).toEqual([]);
  });

  it("refuses a request without Slack's signature headers", async () => {
    const body = new URLSearchParams({ command: "/cluster", text: "help", user_id: users.ana, team_id: "T0" });
    const unsigned = await slack().driver.raw({
      body: body.toString(),
      contentType: "application/x-www-form-urlencoded",
      sign: false,
    });
    const timestampOnly = await slack().driver.raw({
      body: body.toString(),
      contentType: "application/x-www-form-urlencoded",
      sign: false,
      headers: { "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)) },
    });
    expect(unsigned.status).toBe(401);
    expect(timestampOnly.status).toBe(401);
  });

  it("answers a signed payload=null with a 4xx and keeps serving", async () => {
    const broken = await slack().driver.raw({ body: "payload=null", contentType: "application/x-www-form-urlencoded" });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);

    const help = await slack().driver.slashCommand({
      command: "/cluster",
      text: "help",
      userId: users.ana,
      channelId: "C0GENERAL01",
    });
    expect(help.status).toBe(200);
    await waitFor(() => slack().state.responseUrlPosts.some((post) => help.responseUrl.endsWith(`/${post.id}`)));
  });

  it("refuses a body over 1 MB with 413 and keeps serving", async () => {
    const huge = new URLSearchParams({ payload: JSON.stringify({ type: "block_actions", pad: "x".repeat(2 << 20) }) });
    const refused = await slack().driver.raw({
      body: huge.toString(),
      contentType: "application/x-www-form-urlencoded",
    });
    expect(refused.status).toBe(413);

    const viewId = await openProjectForm();
    const saved = await slack().driver.viewSubmission({
      userId: users.facilitator,
      viewId,
      inputs: { ...projectInputs, acronym: "REAL" },
    });
    expect(saved.responseAction?.action).toBe("close");
    expect((await projects()).map((project) => project.acronym)).toEqual(["REAL"]);
  });
});

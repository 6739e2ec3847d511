// One-off messages go through the durable outbox: an invitation hit by a 429 still arrives, once; a direct message
// Slack can never deliver is given up with its reason and listed in `/cluster status`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";
import { patientMs } from "../../support/wait.ts";

describe.each(backends)("Slack outbox on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    seeded = await seedWorkshop(harness, [
      { acronym: "ALPHA", members: ["ana"] },
      { acronym: "BETA", members: ["ben"] },
    ]);
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;
  const dmsTo = (userId: string) => slack().state.messagesIn(slack().state.imWith(userId).id);
  const inviteKey = (person: keyof typeof users) => `homework-invite:${seeded.workshop.id}:${seeded.personIds[person]}`;
  const privateAnswers = (responseUrl: string) =>
    slack()
      .state.responseUrlPosts.filter((post) => responseUrl.endsWith(`/response/${post.id}`))
      .map((post) => JSON.stringify(post.body));

  async function command(text: string): Promise<string> {
    const sent = await slack().driver.slashCommand({
      command: "/cluster",
      text,
      userId: users.facilitator,
      channelId: "C0GENERAL01",
    });
    expect(sent.status).toBe(200);
    await waitFor(() => privateAnswers(sent.responseUrl).length > 0);
    return privateAnswers(sent.responseUrl).join();
  }

  /** Polls our records (the barrier: once a row is settled nothing more is sent for it). */
  async function settled(key: string) {
    const deadline = Date.now() + patientMs;
    for (;;) {
      const row = await harness.deps.repos.outbox.find(key);
      if (row && row.status !== "pending") return row;
      if (Date.now() > deadline) throw new Error(`${key} is still ${row?.status ?? "missing"}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("delivers an invitation hit by a 429 once, after Retry-After, and lists an undeliverable one in status", async () => {
    // Ben's Slack account is gone (Slack answers user_not_found / channel_not_found: never deliverable).
    slack().state.users.delete(users.ben);
    const postsBefore = slack().state.callsTo("chat.postMessage").length;
    slack().rateLimiter.failNext("chat.postMessage", 1, 1);

    const opened = await command("homework open");
    expect(opened).toContain("Invited 1 new member (2 in all).");
    expect(opened).toContain("1 invitation could not be sent yet");

    const ana = await settled(inviteKey("ana"));
    expect(ana).toMatchObject({ status: "sent", lastError: null });
    expect(dmsTo(users.ana)).toHaveLength(1);
    expect(JSON.stringify(dmsTo(users.ana)[0]?.blocks)).toContain("homework.start");
    const statuses = slack()
      .state.callsTo("chat.postMessage")
      .slice(postsBefore)
      .map((call) => call.status);
    expect(statuses).toContain(429);

    const ben = await settled(inviteKey("ben"));
    expect(ben.status).toBe("failed");
    expect(ben.lastError).toMatch(/^Slack [a-z.A-Z]+ failed: (user|channel)_not_found$/);

    const status = await command("status");
    expect(status).toContain("Could not be delivered");
    expect(status).toMatch(
      /homework invitation to ben, due .*, 1 attempts: Slack [a-zA-Z.]+ failed: (user|channel)_not_found/,
    );

    // Opening homework again sends nothing twice: Ana's invitation is in our records.
    const again = await command("homework open");
    expect(again).toContain("Invited 0 new members (2 in all).");
    await settled(inviteKey("ben"));
    expect(dmsTo(users.ana)).toHaveLength(1);
  });
});

// Working in channels through the channels port on Slack's Web API, against the stand-in: what the working-group
// feature will do (create a channel, invite its members, post, reply in the thread, update, pin, share a file).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannels } from "../../../src/app/platform/channels.ts";
import { platformAccounts } from "../../../src/app/platform/notifier.ts";
import type { ChannelRef, ChannelsPort } from "../../../src/app/ports/channels.ts";
import { ChannelNameTakenError } from "../../../src/app/ports/errors.ts";
import { dateTime } from "../../../src/core/screens/text.ts";
import { createSlackLink } from "../../../src/platforms/slack/web-api/link.ts";
import { createRepositories } from "../../../src/store/repositories/index.ts";
import { createSlackStandIn, type SlackStandIn } from "../../standins/slack/index.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";

const teamId = "T0TEAM00001";
const ana = "U0ANA000001";
const ben = "U0BEN000001";

describe("the channels port on Slack", () => {
  let slack: SlackStandIn;
  let test: TestDatabase;
  let channels: ChannelsPort;
  let workspaceId: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    slack = await createSlackStandIn({
      signingSecret: "s",
      botUserId: "U0BOT000001",
      teamId,
      users: [
        { id: ana, name: "ana", realName: "Ana Partner" },
        { id: ben, name: "ben", realName: "Ben Partner" },
      ],
    });
    test = await createTestDatabase("pglite");
    const repos = createRepositories(test.database.prisma);
    workspaceId = (await repos.workspaces.ensure("slack", teamId)).id;
    for (const userId of [ana, ben]) people[userId] = (await repos.people.ensure(workspaceId, userId)).id;
    // Someone known to us with no Slack account in this workspace.
    people.offline = (await test.database.prisma.person.create({ data: { displayName: "Offline Person" } })).id;
    const link = createSlackLink({ token: slack.botToken, apiUrl: slack.url });
    channels = createChannels(
      repos,
      platformAccounts(repos, async () => link),
    );
  });
  afterAll(async () => {
    await slack.close();
    await test.drop();
  });

  let channel: ChannelRef;

  it("creates a private channel with the bot in it, and refuses a name already taken", async () => {
    const created = await channels.create(workspaceId, { name: "wg-predictive-maintenance", isPrivate: true });
    channel = created;
    const stored = slack.state.channels.get(created.channelId);
    expect(stored).toMatchObject({ name: "wg-predictive-maintenance", kind: "private" });
    expect(stored?.members).toContain("U0BOT000001");

    const again = channels.create(workspaceId, { name: "wg-predictive-maintenance", isPrivate: true });
    await expect(again).rejects.toBeInstanceOf(ChannelNameTakenError);
  });

  it("invites people by person id, once, and names those it cannot reach", async () => {
    const first = await channels.invite(channel, [people[ana] ?? "", people.offline ?? ""]);
    expect(first).toEqual({ invited: [people[ana]], alreadyIn: [], unreachable: [people.offline] });
    const second = await channels.invite(channel, [people[ana] ?? "", people[ben] ?? ""]);
    expect(second).toEqual({ invited: [people[ben]], alreadyIn: [people[ana]], unreachable: [] });
    expect(slack.state.channels.get(channel.channelId)?.members).toEqual(
      expect.arrayContaining(["U0BOT000001", ana, ben]),
    );
  });

  it("posts, replies in the thread, updates and pins, with user text escaped and dates for each reader", async () => {
    const root = await channels.post(channel, {
      summary: "Work-plan for <!channel> & friends",
      blocks: [{ kind: "text", text: ["Kick-off ", dateTime(new Date("2026-04-01T08:00:00Z"))] }],
    });
    const reply = await channels.reply(root, { summary: "First item: a pilot line" });
    await channels.update(root, { summary: "Work-plan (2 items)" });
    await channels.pin(root);

    const posted = slack.state.message(channel.channelId, root.messageId);
    expect(posted?.text).toBe("Work-plan (2 items)");
    expect(posted?.edited).toBeDefined();
    expect(posted?.pinned_to).toEqual([channel.channelId]);
    expect(posted?.reply_count).toBe(1);
    expect(slack.state.message(channel.channelId, reply.messageId)?.thread_ts).toBe(root.messageId);
    const first = slack.state.callsTo("chat.postMessage")[0];
    expect(String(first?.args.text)).toBe("Work-plan for &lt;!channel&gt; &amp; friends");
    expect(JSON.stringify(first?.args.blocks)).toContain("<!date^1775030400^{date_short_pretty} at {time}|");
  });

  it("shares a file in a thread with the three calls of filesUploadV2", async () => {
    const root = await channels.post(channel, { summary: "Report" });
    const bytes = new TextEncoder().encode("%PDF-1.4 cluster report\n".repeat(50));
    await channels.upload(root, { filename: "report.pdf", title: "Cluster report", bytes, comment: "The report" });

    expect(slack.state.calls.map((call) => call.method)).toEqual(
      expect.arrayContaining(["files.getUploadURLExternal", "files.completeUploadExternal"]),
    );
    const [file] = [...slack.state.files.values()];
    expect(file?.bytes?.equals(Buffer.from(bytes))).toBe(true);
    expect(file).toMatchObject({ filename: "report.pdf", title: "Cluster report", channels: [channel.channelId] });
    const shared = slack.state.messagesIn(channel.channelId).find((message) => message.files?.length);
    expect(shared).toMatchObject({ text: "The report", thread_ts: root.messageId });
  });
});

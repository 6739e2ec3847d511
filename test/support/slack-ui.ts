// What a person does in Slack, as the tests play it through the stand-in's driver: run `/cluster …`, fill the
// modal that opens, read the private answer.
import type { SlackStandIn } from "../standins/slack/index.ts";
import type { SimpleInput } from "../standins/slack/view-values.ts";
import { waitFor } from "./slack-seed.ts";

export async function cluster(slack: SlackStandIn, userId: string, text: string): Promise<{ responseUrl: string }> {
  return slack.driver.slashCommand({ command: "/cluster", text, userId, channelId: "C0GENERAL01" });
}

/** The private answer posted to a command's response_url, as JSON text. */
export async function answerTo(slack: SlackStandIn, sent: { responseUrl: string }): Promise<string> {
  const posts = () => slack.state.responseUrlPosts.filter((post) => sent.responseUrl.endsWith(`/response/${post.id}`));
  await waitFor(() => posts().length > 0);
  return posts()
    .map((post) => JSON.stringify(post.body))
    .join("\n");
}

/** Runs a command that opens a modal and waits for that modal (a new one, not one already open) to show. */
export async function openModal(slack: SlackStandIn, userId: string, command: string, callbackId: string) {
  const before = slack.state.topView(userId)?.id;
  await cluster(slack, userId, command);
  await waitFor(() => {
    const top = slack.state.topView(userId);
    return top?.callback_id === callbackId && top.id !== before;
  });
  return slack.state.topView(userId)!;
}

/** Runs a command that opens a modal, submits it with these inputs, and returns Slack's reading of the answer. */
export async function submitModal(
  slack: SlackStandIn,
  userId: string,
  command: string,
  callbackId: string,
  inputs: Record<string, SimpleInput>,
) {
  await openModal(slack, userId, command, callbackId);
  return submitTopView(slack, userId, inputs);
}

export async function submitTopView(slack: SlackStandIn, userId: string, inputs: Record<string, SimpleInput>) {
  const view = slack.state.topView(userId);
  if (!view) throw new Error(`no view open for ${userId}`);
  return slack.driver.viewSubmission({ userId, viewId: view.id, inputs });
}

/** Clicks the first button of a DM's actions block (e.g. "Start homework", "Continue homework"). */
export async function clickInMessage(slack: SlackStandIn, userId: string, ts: string, buttonIndex = 0) {
  const channelId = slack.state.imWith(userId).id;
  const message = slack.state.message(channelId, ts)!;
  const actions = (
    message.blocks as { type: string; block_id: string; elements: { action_id: string; value: string }[] }[]
  ).find((block) => block.type === "actions");
  const button = actions?.elements[buttonIndex];
  if (!actions || !button) throw new Error("no button in that message");
  await slack.driver.blockActions({
    userId,
    actions: [{ actionId: button.action_id, blockId: actions.block_id, value: button.value }],
    message: { channelId, ts },
  });
  return button;
}

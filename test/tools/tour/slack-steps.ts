// What a person does in Slack during the tour, played through the stand-in's driver.
import type { SlackStandIn } from "../../standins/slack/index.ts";
import { findButton, waitFor as waitForBot } from "../../support/slack-seed.ts";
import { cluster } from "../../support/slack-ui.ts";

/** Waits for the private answer (an ephemeral message) that starts with `start`. */
/** Polls until the condition holds, for up to a minute: the tour runs beside other tests on a loaded machine. */
export function waitFor(condition: () => boolean): Promise<void> {
  return waitForBot(condition, 60_000);
}

export async function privateAnswer(slack: SlackStandIn, userId: string, start: string) {
  await waitFor(() => slack.state.ephemerals.some((post) => post.user === userId && post.text.startsWith(start)));
}

export function dms(slack: SlackStandIn, userId: string) {
  return slack.state.messagesIn(slack.state.imWith(userId).id);
}

export async function opened(slack: SlackStandIn, userId: string, command: string, callbackId: string) {
  await cluster(slack, userId, command);
  await waitFor(() => slack.state.topView(userId)?.callback_id === callbackId);
}

export async function clickInView(slack: SlackStandIn, userId: string, actionId: RegExp) {
  const view = slack.state.topView(userId)!;
  const button = findButton(view.blocks, actionId);
  await slack.driver.blockActions({
    userId,
    actions: [{ actionId: button.action_id, value: button.value }],
    viewId: view.id,
  });
}

/** Work the bot does after answering (DMs, ephemeral answers) lands within a moment. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 400));
}

/** Clicks a button of a DM (or a channel post, with `channelId`) whose action id matches. */
export async function clickInPost(
  slack: SlackStandIn,
  userId: string,
  message: { ts: string; blocks?: unknown[] },
  actionId: RegExp,
  channelId = slack.state.imWith(userId).id,
) {
  const button = findButton(message.blocks, actionId);
  await slack.driver.blockActions({
    userId,
    actions: [{ actionId: button.action_id, value: button.value }],
    message: { channelId, ts: message.ts },
  });
}

// Bolt listeners: each takes one kind of Slack request, narrows it to the neutral Incoming, and hands it to the
// interaction core with a Slack conversation to answer in. Buttons, commands, closed views and events are
// acknowledged on arrival; a submission's or a suggestion's answer is the reply itself.
import type { App, ViewSubmitAction } from "@slack/bolt";
import type { InteractionCore } from "../../app/interaction/core.ts";
import type { Logger } from "../../logging/logger.ts";
import { slackConversation } from "./conversation.ts";
import {
  actionIncoming,
  channelMessageIncoming,
  closedIncoming,
  commandIncoming,
  filesSharedIncoming,
  homeIncoming,
  submissionIncoming,
  suggestionIncoming,
  threadMessageChangeIncoming,
  threadMessageIncoming,
} from "./inbound.ts";
import { fileDownloader } from "./web-api/download.ts";

export const clusterCommand = "/cluster";

export function registerListeners(
  app: App,
  core: InteractionCore,
  logger: Logger,
  options: { apiUrl?: string | undefined } = {},
): void {
  app.command(clusterCommand, async ({ command, ack, respond, client }) => {
    await ack();
    const request = commandIncoming(command);
    if (!request) return;
    await core.handle(
      request.incoming,
      slackConversation({ kind: "command", place: request.place, client, logger, respond }),
    );
  });

  app.action(/.*/, async ({ ack, body, client }) => {
    await ack();
    const request = actionIncoming(body);
    if (!request) return;
    await core.handle(request.incoming, slackConversation({ kind: "action", place: request.place, client, logger }));
  });

  app.view<ViewSubmitAction>({ callback_id: /.*/, type: "view_submission" }, async ({ ack, body, client }) => {
    const request = submissionIncoming(body);
    if (!request) return void (await ack());
    const conversation = slackConversation({
      kind: "submission",
      place: request.place,
      client,
      logger,
      answerView: ack,
    });
    await core.handle(request.incoming, conversation);
  });

  app.view({ callback_id: /.*/, type: "view_closed" }, async ({ ack, body, client }) => {
    await ack();
    const request = closedIncoming(body);
    if (!request) return;
    await core.handle(request.incoming, slackConversation({ kind: "closed", place: request.place, client, logger }));
  });

  app.options<"block_suggestion">(/.*/, async ({ ack, body, client }) => {
    const request = suggestionIncoming(body);
    if (!request) return void (await ack({ options: [] }));
    const conversation = slackConversation({
      kind: "suggestion",
      place: request.place,
      client,
      logger,
      answerOptions: ack,
    });
    await core.handle(request.incoming, conversation);
  });

  app.event("message", async ({ body, client }) => {
    const request =
      threadMessageIncoming(body) ??
      threadMessageChangeIncoming(body) ??
      channelMessageIncoming(body) ??
      filesSharedIncoming(body, fileDownloader(client.token, options.apiUrl));
    if (!request) return;
    await core.handle(request.incoming, slackConversation({ kind: "event", place: request.place, client, logger }));
  });

  app.event("app_home_opened", async ({ body, client }) => {
    const request = homeIncoming(body);
    if (!request) return;
    await core.handle(request.incoming, slackConversation({ kind: "home", place: request.place, client, logger }));
  });
}

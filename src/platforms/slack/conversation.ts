// A Reply shown in Slack, for one request: a submission is answered in the HTTP answer (response_action), a
// button or a command through the Web API (views.open/push/update with the trigger, an ephemeral message), the
// home through views.publish. The request's own Web API client waits out 429s.
import type { BlockOptions, RespondFn, ViewResponseAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../app/interaction/reply.ts";
import type { Conversation } from "../../app/ports/converse.ts";
import type { Message } from "../../core/screens/message.ts";
import type { Screen } from "../../core/screens/screens.ts";
import type { Logger } from "../../logging/logger.ts";
import { commandChannelKey, type SlackPlace } from "./inbound.ts";
import { renderMessage } from "./render/message.ts";
import { homeView, modalView, slackErrors } from "./render/screens.ts";
import { slackUserSchema, toPersonProfile } from "./user-profile.ts";

export type SlackRequestKind = "command" | "action" | "submission" | "closed" | "suggestion" | "home" | "event";

export interface SlackRequest {
  kind: SlackRequestKind;
  place: SlackPlace;
  client: WebClient;
  logger: Logger;
  /** Answers a submission's HTTP request (the other requests were acknowledged on arrival). */
  answerView?: (answer?: ViewResponseAction) => Promise<void>;
  /** Answers a suggestion's HTTP request. */
  answerOptions?: (answer: BlockOptions) => Promise<void>;
  /** A command's response URL. */
  respond?: RespondFn;
}

export function slackConversation(request: SlackRequest): Conversation {
  const { kind, place, client, logger } = request;
  const { answerView, answerOptions } = request;
  let answered = !answerView && !answerOptions;
  /** Answers the request with `body` unless it was answered already; true when this call answered it. */
  const answer = async (body?: ViewResponseAction) => {
    if (answered) return false;
    answered = true;
    if (answerView) await answerView(body);
    else await answerOptions?.({ options: [] });
    return true;
  };
  const inModal = place.view?.type === "modal";

  async function privately(message: Message): Promise<void> {
    const { text, blocks } = renderMessage(message);
    if (request.respond) {
      await request.respond({ response_type: "ephemeral", text, blocks });
      return;
    }
    // In a channel's or DM's message, or after a channel event (a thread reply): where it was; a modal a command opened: where the command was typed;
    // otherwise (the home, another modal): in the person's DM with the bot.
    const where =
      (kind === "action" && !place.view) || kind === "event" || kind === "submission" || kind === "closed"
        ? place.channelId
        : undefined;
    if (where) {
      const posted = await client.chat
        .postEphemeral({ channel: where, user: place.userId, text, blocks })
        .then(() => true)
        .catch((error: unknown) => {
          logger.debug({ err: error }, "could not answer in the channel: answering in the DM");
          return false;
        });
      if (posted) return;
    }
    await client.chat.postEphemeral({ channel: place.userId, user: place.userId, text, blocks });
  }

  async function open(screen: Screen, onTop: boolean): Promise<void> {
    if (kind === "submission" && (await answer({ response_action: "push", view: modalView(screen) }))) return;
    const trigger_id = place.triggerId ?? "";
    if (onTop && inModal) await client.views.push({ trigger_id, view: modalView(screen) });
    else await client.views.open({ trigger_id, view: modalView(withCommandChannel(screen, kind, place)) });
  }

  async function refreshUnderneath(screen: Screen): Promise<void> {
    const underneath = place.view?.underneath;
    if (!underneath) return;
    // The person may have closed it meanwhile: nothing to refresh then.
    await client.views.update({ view_id: underneath, view: modalView(screen) }).catch((error: unknown) => {
      logger.debug({ err: error }, "the screen underneath could not be refreshed");
    });
  }

  return {
    answersEarly: kind === "submission",

    async reply(reply: Reply): Promise<void> {
      switch (reply.kind) {
        case "message":
          await answer();
          return privately(reply.message);
        case "edit": {
          await answer();
          const { channelId, messageTs } = place;
          if (!channelId || !messageTs) return privately(reply.message);
          await client.chat.update({ channel: channelId, ts: messageTs, ...renderMessage(reply.message) });
          return;
        }
        case "open":
          return open(reply.screen, false);
        case "push":
          return open(reply.screen, true);
        case "update":
          if (kind === "submission" && (await answer({ response_action: "update", view: modalView(reply.screen) })))
            return;
          if (inModal && place.view)
            await client.views.update({ view_id: place.view.id, view: modalView(reply.screen) });
          else await open(reply.screen, false);
          return;
        case "errors":
          if (kind === "submission" && !answered) {
            const errors = slackErrors(reply.errors, reply.summary, place.view?.inputBlockIds ?? []);
            await answer({ response_action: "errors", errors });
            return;
          }
          return privately({ summary: reply.summary ?? Object.values(reply.errors).join(" ") });
        case "close":
          await answer();
          if (reply.refresh) await refreshUnderneath(reply.refresh);
          if (reply.message) await privately(reply.message);
          return;
        case "home":
          await client.views.publish({ user_id: place.userId, view: homeView(reply.screen) });
          return;
        case "suggestions":
          if (answered || !answerOptions) return;
          answered = true;
          await answerOptions({
            options: reply.options.slice(0, 100).map((option) => ({
              text: { type: "plain_text", text: option.label.slice(0, 75) },
              value: option.value.slice(0, 150),
            })),
          });
          return;
        case "none":
          await answer();
          return;
      }
    },

    async actorProfile() {
      const answered = await client.users.info({ user: place.userId });
      const user = slackUserSchema.safeParse(answered.user);
      return user.success ? toPersonProfile(user.data) : null;
    },
  };
}

/** A modal opened by a command remembers the command's channel, so that its answer goes back there. */
function withCommandChannel(screen: Screen, kind: SlackRequestKind, place: SlackPlace): Screen {
  if (kind !== "command" || !place.channelId) return screen;
  return { ...screen, context: { ...screen.context, [commandChannelKey]: place.channelId } };
}

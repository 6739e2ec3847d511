// The browser adapter: connects Clusterbot's interaction core to the workspace's bot API. Each thing a person does
// becomes one Interaction for the core; each Reply becomes bot-API calls (conversation.ts); outside requests the
// app reaches people and channels through the PlatformLink (link.ts).
import type { InteractionCore } from "../../../app/interaction/core.ts";
import type { PlatformLink } from "../../../app/ports/platform.ts";
import type { Logger } from "../../../logging/logger.ts";
import type { CommandWord, WebBotApi, WebInboundEvent } from "../bot-api.ts";
import { webConversation } from "./conversation.ts";
import { deliveryIdOf, interactionOf } from "./inbound.ts";
import { webLink } from "./link.ts";

export interface WebAdapter {
  readonly link: PlatformLink;
  /** Starts hearing the workspace (and what people typed while nobody did). */
  connect(): void;
  disconnect(): void;
}

export function createWebAdapter(options: {
  bot: WebBotApi;
  core: InteractionCore;
  /** The `/cluster` commands people can type (the help's list): the workspace completes them. */
  commands: CommandWord[];
  logger: Logger;
}): WebAdapter {
  const { bot, core, logger } = options;
  const origin = (userId: string, event?: WebInboundEvent) => {
    const deliveryId = event ? deliveryIdOf(event) : undefined;
    return {
      platform: "web" as const,
      workspace: bot.workspace.externalId,
      user: userId,
      ...(deliveryId ? { deliveryId } : {}),
    };
  };
  let disconnect: (() => void) | undefined;

  return {
    link: webLink(bot),

    connect() {
      disconnect ??= bot.connect(
        {
          async handle(event) {
            const heard = interactionOf(event, (fileId) => bot.readFile(fileId));
            if (!heard) return;
            const kind = event.type === "dialog.submit" ? "submit" : "other";
            const conversation = webConversation(bot, heard.place, kind, logger);
            await core.handle({ origin: origin(event.userId, event), interaction: heard.interaction }, conversation);
          },

          async suggest(query) {
            const place = { userId: query.userId, channel: null, dialogId: query.dialogId, dialogClosed: false };
            const conversation = webConversation(bot, place, "other", logger);
            const { formId, fieldId, context } = query;
            await core.handle(
              {
                origin: origin(query.userId),
                interaction: { kind: "suggest", formId, fieldId, query: query.query, context },
              },
              conversation,
            );
            return conversation.options;
          },
        },
        { commands: options.commands },
      );
    },

    disconnect() {
      disconnect?.();
      disconnect = undefined;
    },
  };
}

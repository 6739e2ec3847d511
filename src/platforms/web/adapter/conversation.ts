// A Reply shown in the browser workspace, for one thing a person did. There is one dialog per person and no stack:
// the next step (`push`), a redraw (`update`) and the screen underneath a finished form (`close` with `refresh`)
// replace what the dialog shows. Private messages go where the person acted (only they see them), else to their
// conversation with Clusterbot.
import type { Reply } from "../../../app/interaction/reply.ts";
import type { Conversation } from "../../../app/ports/converse.ts";
import type { PersonProfile } from "../../../app/ports/notify.ts";
import type { FieldOption } from "../../../core/forms/spec.ts";
import type { Message } from "../../../core/screens/message.ts";
import type { Screen } from "../../../core/screens/screens.ts";
import type { Logger } from "../../../logging/logger.ts";
import { type WebBotApi, WebBotError } from "../bot-api.ts";
import type { WebPlace } from "./inbound.ts";

export interface WebConversation extends Conversation {
  /** The options of a `suggestions` reply (empty until one is given). */
  readonly options: FieldOption[];
}

export function personProfile(person: { name: string; timezone: string | null }): PersonProfile {
  return { displayName: person.name, email: null, timezone: person.timezone, isBot: false };
}

export function webConversation(
  bot: WebBotApi,
  place: WebPlace,
  kind: "submit" | "other",
  logger: Logger,
): WebConversation {
  let options: FieldOption[] = [];
  const inDialog = place.dialogId !== null && !place.dialogClosed ? place.dialogId : null;

  async function privately(message: Message): Promise<void> {
    if (place.channel) {
      await bot.post({
        to: { channelId: place.channel.channelId },
        ...(place.channel.threadRootId ? { threadRootId: place.channel.threadRootId } : {}),
        onlyVisibleTo: place.userId,
        content: message,
      });
    } else {
      await bot.post({ to: { userId: place.userId }, content: message });
    }
  }

  /** The dialog may have been closed by its person meanwhile: then there is nothing to draw in it. */
  async function inOpenDialog(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof WebBotError && error.code === "not_open")) throw error;
      logger.debug({ dialogId: place.dialogId }, "the dialog was closed before its answer was drawn");
    }
  }

  async function show(screen: Screen): Promise<void> {
    if (inDialog) await inOpenDialog(() => bot.updateDialog(inDialog, screen));
    else await bot.openDialog(place.userId, screen);
  }

  return {
    answersEarly: false,

    get options() {
      return options;
    },

    async reply(reply: Reply): Promise<void> {
      switch (reply.kind) {
        case "edit":
        case "message":
          // As on Slack, a submission answered by a message closes its form.
          if (inDialog && kind === "submit") await bot.closeDialog(inDialog);
          return privately(reply.message);
        case "open":
          await bot.openDialog(place.userId, reply.screen);
          return;
        case "push":
        case "update":
          return show(reply.screen);
        case "errors":
          if (inDialog && kind === "submit") {
            return inOpenDialog(() => bot.showErrors(inDialog, reply.errors, reply.summary));
          }
          return privately({ summary: [reply.summary, ...Object.values(reply.errors)].filter(Boolean).join(" ") });
        case "close":
          if (inDialog) {
            const refresh = reply.refresh;
            await inOpenDialog(() => (refresh ? bot.updateDialog(inDialog, refresh) : bot.closeDialog(inDialog)));
          }
          if (reply.message) await privately(reply.message);
          return;
        case "home":
          await bot.setHome(place.userId, reply.screen);
          return;
        case "suggestions":
          options = reply.options.slice(0, 100);
          return;
        case "none":
          return;
      }
    },

    async actorProfile() {
      const person = await bot.person(place.userId);
      return person ? personProfile(person) : null;
    },
  };
}

// The Teams SDK's handlers for what goes to the interaction core: a typed command (acknowledged at once, handled
// after the answer), and, through the dialog layer, every task/fetch, task/submit and type-ahead that no
// phase-A dialog takes, plus card actions. Each narrows the activity to the neutral Incoming (inbound.ts) and hands
// it to the core with a Teams conversation (conversation.ts) to answer in.
import type { TaskModuleResponse } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import type { InteractionCore } from "../../app/interaction/core.ts";
import type { Logger } from "../../logging/logger.ts";
import type { AfterAnswer } from "./after-answer.ts";
import { type TeamsRequestKind, teamsConversation } from "./conversation.ts";
import type { TeamsConversationStore } from "./conversation-store.ts";
import type { TeamsDialogs } from "./dialogs.ts";
import { DrawnForms } from "./drawn-forms.ts";
import type { TeamsFileDownload } from "./file-download.ts";
import {
  cardActionIncoming,
  dialogOpenIncoming,
  dialogSubmitIncoming,
  filesSharedIncoming,
  type InboundActivity,
  messageIncoming,
  searchIncoming,
  type TeamsIncoming,
} from "./inbound.ts";
import type { OutgoingActivity, TeamsMessenger } from "./messenger.ts";
import type { Replay } from "./render/message.ts";

export interface TeamsCoreLink {
  app: App;
  core: InteractionCore;
  dialogs: TeamsDialogs;
  messenger: TeamsMessenger;
  conversations: TeamsConversationStore;
  afterAnswer: AfterAnswer;
  /** Fetches a file attached in a 1:1 chat (file-download.ts). */
  download: TeamsFileDownload;
  logger: Logger;
}

const sorry = "Sorry, something went wrong just now. Please try again.";

export function registerCoreListeners(link: TeamsCoreLink): void {
  const { app, core, dialogs, messenger, conversations, afterAnswer, download, logger } = link;
  const drawn = new DrawnForms();

  /** Runs one incoming through the core; what the conversation answered, if anything. */
  async function handle(kind: TeamsRequestKind, heard: TeamsIncoming, send: Sender) {
    const { incoming, place } = heard;
    const interaction = incoming.interaction;
    const replay: Replay | undefined =
      interaction.kind === "command"
        ? { kind: "command", text: interaction.text }
        : interaction.kind === "action" && interaction.where === "message"
          ? { kind: "action", actionId: interaction.actionId, value: interaction.value }
          : undefined;
    const conversation = teamsConversation({
      kind,
      place,
      send,
      async sendPrivately(outgoing) {
        const workspaceId = await conversations.workspaceId(place.tenantId);
        return messenger.sendToPerson(workspaceId, place.userId, outgoing);
      },
      drawForm: (screen) => dialogs.screen(screen, { timeZone: place.timeZone }),
      drawn,
      ...(replay ? { replay } : {}),
      ...(interaction.kind === "submit" ? { submitted: { drawn: heard.drawn, values: interaction.values } } : {}),
    });
    try {
      await core.handle(incoming, conversation);
    } catch (error) {
      logger.error({ err: error, kind }, "a Teams interaction failed");
      return { answer: undefined, options: [], failed: true };
    }
    return { answer: conversation.answer, options: conversation.options, failed: false };
  }

  app.on("message", async ({ activity, send }) => {
    const inbound = activity as InboundActivity;
    const heard = filesSharedIncoming(inbound, download) ?? messageIncoming(inbound);
    if (!heard) return;
    // Acknowledged now; the command (or the import) runs once the answer is written (its replies are messages).
    afterAnswer.later("command", async () => {
      await handle("message", heard, send);
    });
  });

  app.on("card.action", async ({ activity, send }) => {
    const heard = cardActionIncoming(activity as InboundActivity);
    if (!heard) return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "" };
    const { answer, failed } = await handle("card.action", heard, send);
    const value = failed ? sorry : answer && "value" in answer ? answer.value : "";
    return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value };
  });

  const dialogAnswer = (answer: unknown, failed: boolean): TaskModuleResponse =>
    failed ? { task: { type: "message", value: sorry } } : ((answer as TaskModuleResponse | undefined) ?? {});

  dialogs.otherwise({
    async open(activity, send) {
      const heard = dialogOpenIncoming(activity as InboundActivity);
      if (!heard) return undefined;
      const { answer, failed } = await handle("dialog.open", heard, send);
      // A redelivered request already answered: nothing new to show.
      return failed || answer ? dialogAnswer(answer, failed) : { task: { type: "message", value: "Done." } };
    },
    async submit(activity, send) {
      const heard = dialogSubmitIncoming(activity as InboundActivity);
      if (!heard) return undefined;
      const { answer, failed } = await handle("dialog.submit", heard, send);
      return dialogAnswer(answer, failed);
    },
    async search(activity) {
      const heard = searchIncoming(activity as InboundActivity);
      if (!heard) return undefined;
      const { options } = await handle("search", heard, async () => undefined);
      return options;
    },
  });
}

type Sender = (activity: OutgoingActivity) => Promise<unknown>;

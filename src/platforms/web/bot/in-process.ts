// The bot API over the workspace service, in the same process. Refusals meant for people become WebBotErrors.
import { type WebBotApi, WebBotError } from "../bot-api.ts";
import { Refusal } from "../service/errors.ts";
import type { WorkspaceService } from "../service/index.ts";
import { checkedContent } from "../service/messages.ts";

async function asBot<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) {
      const code = error.code === "not_found" ? "not_found" : error.code === "conflict" ? "name_taken" : "invalid";
      throw new WebBotError(code, error.message);
    }
    throw error;
  }
}

export function inProcessBotApi(service: WorkspaceService): WebBotApi {
  const { store, hub, workspace } = service.context;
  return {
    workspace: { id: workspace.id, name: workspace.name },
    people: () => store.accounts.list(),
    person: (userId) => store.accounts.find(userId),
    post: (message) => service.messages.postAsBot(message),
    update: (messageId, content) => service.messages.updateAsBot(messageId, content),
    openDialog: (userId, dialog) => service.dialogs.open(userId, dialog),
    updateDialog: (dialogId, dialog) => service.dialogs.update(dialogId, dialog),
    closeDialog: (dialogId) => service.dialogs.close(dialogId),
    createChannel: (input) =>
      asBot(async () => {
        const channel = await service.channels.create(null, {
          name: input.name,
          kind: input.visibility,
          topic: input.topic ?? null,
          memberIds: input.memberIds,
        });
        return { channelId: channel.id, name: channel.name ?? input.name };
      }),
    addMembers: (channelId, userIds) => asBot(() => service.channels.addMembers(channelId, userIds)),
    async setHome(userId, content) {
      const checked = checkedContent(content);
      if (!(await store.accounts.find(userId))) throw new WebBotError("not_found", `nobody has the id ${userId}`);
      await store.homes.set(userId, checked);
      hub.send([userId], { type: "home", home: checked });
    },
    connect: (handler) => service.context.bot.connect(handler),
  };
}

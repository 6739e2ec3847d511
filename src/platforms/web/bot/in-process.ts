// The bot API over the workspace service, in the same process. Refusals meant for people become WebBotErrors.
import { type WebBotApi, WebBotError } from "../bot-api.ts";
import { ContentError, wirePanel } from "../content.ts";
import { Refusal } from "../service/errors.ts";
import type { WorkspaceService } from "../service/index.ts";

async function asBot<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) {
      const code = error.code === "not_found" ? "not_found" : error.code === "conflict" ? "name_taken" : "invalid";
      throw new WebBotError(code, error.message);
    }
    if (error instanceof ContentError) throw new WebBotError("invalid", error.message);
    throw error;
  }
}

export function inProcessBotApi(service: WorkspaceService): WebBotApi {
  const { store, hub, workspace, bot, logger } = service.context;
  return {
    workspace: { id: workspace.id, externalId: workspace.externalId, name: workspace.name },
    people: () => store.accounts.list(),
    person: (userId) => store.accounts.find(userId),
    post: (message) => service.messages.postAsBot(message),
    update: (messageId, content) => service.messages.updateAsBot(messageId, content),
    pin: (messageId) => service.messages.pinAsBot(messageId),
    upload: (to, file) => service.messages.uploadAsBot(to, file),
    async readFile(fileId) {
      const file = await store.files.find(fileId);
      if (!file) throw new WebBotError("not_found", `no file ${fileId} in the web workspace`);
      return file.bytes;
    },
    findDirect: (userId, metadata, since) => service.messages.findDirect(userId, metadata, since),
    openDialog: (userId, screen) => service.dialogs.open(userId, screen),
    updateDialog: (dialogId, screen) => service.dialogs.update(dialogId, screen),
    showErrors: (dialogId, errors, summary) => service.dialogs.showErrors(dialogId, errors, summary),
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
    setHome: (userId, panel) =>
      asBot(async () => {
        const home = wirePanel(panel);
        if (!(await store.accounts.find(userId))) throw new WebBotError("not_found", `nobody has the id ${userId}`);
        await store.homes.set(userId, home);
        hub.send([userId], { type: "home", home });
      }),
    connect(handler, registration) {
      const disconnect = bot.connect(handler, registration);
      const replay = service.messages.replayAwaiting().then((counts) => {
        if (counts.heard + counts.expired > 0)
          logger.info(counts, "handed the bot what people typed while it was away");
      });
      bot.track(replay);
      return disconnect;
    },
  };
}

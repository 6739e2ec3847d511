// Stored records → what the browser gets.
import type { DialogView, WireChannel, WireMessage, WirePerson } from "../protocol.ts";
import type { ChannelRecord } from "../store/channels.ts";
import type { DialogRecord } from "../store/dialogs.ts";
import type { MessageRecord } from "../store/messages.ts";
import { botName } from "./context.ts";

export function wireMessage(message: MessageRecord): WireMessage {
  return {
    id: message.id,
    seq: message.seq,
    channelId: message.channelId,
    threadRootId: message.threadRootId,
    author:
      message.authorId === null
        ? { kind: "bot", name: botName }
        : { kind: "person", id: message.authorId, name: message.authorName ?? "someone" },
    content: message.content,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    version: message.version,
    replyCount: message.replyCount,
    lastReplyAt: message.lastReplyAt?.toISOString() ?? null,
    private: message.visibleToId !== null,
  };
}

export function wireChannel(
  channel: ChannelRecord,
  viewerId: string,
  names: ReadonlyMap<string, string>,
  unread = 0,
): WireChannel {
  const withBot = channel.directKey?.startsWith("bot:") ?? false;
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.kind === "direct" ? directName(channel, viewerId, names, withBot) : (channel.name ?? ""),
    topic: channel.topic,
    memberIds: channel.kind === "public" ? [] : channel.memberIds,
    isMember: channel.memberIds.includes(viewerId),
    withBot,
    unread,
  };
}

function directName(channel: ChannelRecord, viewerId: string, names: ReadonlyMap<string, string>, withBot: boolean) {
  if (withBot) return botName;
  const other = channel.memberIds.find((id) => id !== viewerId);
  if (!other) return `${names.get(viewerId) ?? "you"} (you)`;
  return names.get(other) ?? "someone";
}

export function namesOf(people: WirePerson[]): Map<string, string> {
  return new Map(people.map((person) => [person.id, person.name]));
}

export function dialogView(dialog: DialogRecord): DialogView {
  return {
    id: dialog.id,
    version: dialog.version,
    formId: dialog.view.formId,
    title: dialog.view.title,
    intro: dialog.view.intro,
    fields: dialog.view.fields,
    actions: dialog.view.actions,
    closeLabel: dialog.view.closeLabel,
    values: dialog.values,
    errors: dialog.view.errors,
    notice: dialog.view.notice,
    status: dialog.status === "pending" ? "pending" : "open",
  };
}

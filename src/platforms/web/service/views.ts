// Stored records → what the browser gets.
import type { DialogView, WireChannel, WireMessage, WirePerson } from "../protocol.ts";
import { botName } from "./context.ts";
import { contentOf, type Dialog } from "./records.ts";
import type { ChannelRecord, MessageRecord } from "./store.ts";

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
    content: contentOf(message),
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    pinned: message.pinnedAt !== null,
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

export function dialogView(dialog: Dialog): DialogView {
  const status = dialog.status === "pending" ? ("pending" as const) : ("open" as const);
  const common = { id: dialog.id, version: dialog.version, status };
  if (dialog.view.kind === "panel") {
    const { kind, screenId, title, blocks, closeLabel } = dialog.view;
    return { ...common, kind, screenId, title, blocks, closeLabel };
  }
  const { kind, formId, title, intro, fields, actions, closeLabel, errors, notice } = dialog.view;
  return { ...common, kind, formId, title, intro, fields, actions, closeLabel, errors, notice, values: dialog.values };
}

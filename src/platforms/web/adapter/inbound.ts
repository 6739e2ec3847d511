// What people do in the browser workspace → the neutral Interaction, plus where to answer: the channel (or thread) of
// a command or of the message whose button was pressed, and the dialog a submission, close or button came from
// (a file sent to Clusterbot: answered in that conversation, the person's DM).
// The workspace hands over its own checked events, so this is mapping, not narrowing.
import type { Interaction } from "../../../app/interaction/interaction.ts";
import type { WebInboundEvent } from "../bot-api.ts";

export interface WebPlace {
  userId: string;
  /** Where a private answer goes: the command's or pressed message's channel and thread; else the person's DM. */
  channel: { channelId: string; threadRootId: string | null } | null;
  /** The dialog the interaction came from: answers to it are drawn in it (one dialog per person, no stack). */
  dialogId: string | null;
  /** The person closed that dialog already (nothing to redraw there). */
  dialogClosed: boolean;
}

type Heard = { interaction: Interaction; place: WebPlace } | null;

/**
 * The interaction and where it happened; null for what the core does not hear (edits, text in a person's
 * conversation with Clusterbot). A file's bytes are read with `readFile` only when a use case asks for them.
 */
export function interactionOf(event: WebInboundEvent, readFile: (fileId: string) => Promise<Uint8Array>): Heard {
  const place: WebPlace = { userId: event.userId, channel: null, dialogId: null, dialogClosed: false };
  switch (event.type) {
    case "command":
      return {
        interaction: { kind: "command", text: event.text, channelId: event.channelId },
        place: { ...place, channel: { channelId: event.channelId, threadRootId: event.threadRootId } },
      };
    case "action": {
      const { source } = event;
      const pressed = { kind: "action" as const, actionId: event.actionId, value: event.value };
      if (source.kind === "dialog") {
        return {
          interaction: { ...pressed, where: "screen", screenId: source.screenId, context: source.context },
          place: { ...place, dialogId: source.dialogId },
        };
      }
      if (source.kind === "home") return { interaction: { ...pressed, where: "home", context: {} }, place };
      return {
        interaction: { ...pressed, where: "message", context: {} },
        place: { ...place, channel: { channelId: source.channelId, threadRootId: source.threadRootId } },
      };
    }
    case "dialog.submit":
      return {
        interaction: {
          kind: "submit",
          formId: event.formId,
          action: event.action,
          values: event.values,
          context: event.context,
          submissionId: event.eventId,
        },
        place: { ...place, dialogId: event.dialogId },
      };
    case "dialog.close":
      return {
        interaction: { kind: "closed", formId: event.formId, values: event.values, context: event.context },
        place: { ...place, dialogId: event.dialogId, dialogClosed: true },
      };
    case "home.opened":
      return { interaction: { kind: "home" }, place };
    case "message":
      if (!event.threadRootId) return topLevel(event, place, readFile);
      // A reply with a file is no work-plan item (as in Slack, where a thread's file_share is not read).
      if (event.files.length > 0) return null;
      return {
        interaction: {
          kind: "thread-message",
          channelId: event.channelId,
          threadId: event.threadRootId,
          messageId: event.messageId,
          text: event.text,
        },
        place: { ...place, channel: { channelId: event.channelId, threadRootId: event.threadRootId } },
      };
    case "message.edited":
      return null;
  }
}

/** A top-level post in a channel is the channel's activity; files sent to Clusterbot are files shared with it. */
function topLevel(
  event: Extract<WebInboundEvent, { type: "message" }>,
  place: WebPlace,
  readFile: (fileId: string) => Promise<Uint8Array>,
): Heard {
  if (event.conversation === "channel") {
    return { interaction: { kind: "channel-message", channelId: event.channelId, messageId: event.messageId }, place };
  }
  if (event.files.length === 0) return null;
  const files = event.files.map((file) => ({
    name: file.filename,
    size: file.size,
    read: () => readFile(file.fileId),
  }));
  return { interaction: { kind: "files-shared", files }, place };
}

/** Redeliveries of the same event (a replay after a restart) are handled once: messages carry their id. */
export function deliveryIdOf(event: WebInboundEvent): string | undefined {
  return event.type === "message" ? event.eventId : undefined;
}

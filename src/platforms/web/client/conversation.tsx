// A channel or direct conversation: its header, its messages (earlier ones on request) and the message box.

import { useLayoutEffect, useRef } from "preact/hooks";
import type { CommandWord, WireChannel, WireMessage } from "../protocol.ts";
import { Composer } from "./composer.tsx";
import type { OnAction } from "./content.tsx";
import { LockIcon } from "./lock-icon.tsx";
import { Message } from "./message.tsx";

export function channelLabel(channel: WireChannel): string {
  return channel.kind === "direct" ? channel.name : `#${channel.name}`;
}

export interface ConversationProps {
  channel: WireChannel;
  messages: WireMessage[] | undefined;
  hasMore: boolean;
  meId: string;
  commands: CommandWord[];
  onLoadOlder(): void;
  onJoin(): void;
  onOpenThread(message: WireMessage): void;
  onSend(text: string): Promise<string | null>;
  onAttach(file: File, text: string): Promise<string | null>;
  onCommand(text: string): Promise<string | null>;
  onEdit(message: WireMessage, text: string): Promise<string | null>;
  onAction(message: WireMessage): OnAction;
}

export function Conversation(props: ConversationProps) {
  const { channel, messages } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const label = channelLabel(channel);
  const last = messages?.[messages.length - 1];

  // Follow new messages when the person is at the bottom already (or wrote the last one).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 160;
    const mine = last?.author.kind === "person" && last.author.id === props.meId;
    if (nearBottom || mine || element.dataset.channel !== channel.id) element.scrollTop = element.scrollHeight;
    element.dataset.channel = channel.id;
  }, [last?.id, last?.version, channel.id]);

  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <header class="conversation-header">
        <h1 id="conversation-title" tabIndex={-1} data-focus-fallback>
          {channel.kind === "private" && (
            <>
              <LockIcon />{" "}
            </>
          )}
          {label}
          {channel.kind === "private" && <span class="visually-hidden"> (private channel)</span>}
        </h1>
        {channel.topic && <p class="topic">{channel.topic}</p>}
        {channel.kind === "private" && <p class="members">{channel.memberIds.length} members</p>}
        {channel.kind === "public" && !channel.isMember && (
          <button type="button" onClick={props.onJoin}>
            Join {label}
          </button>
        )}
      </header>
      <div class="scroller" ref={scroller}>
        {props.hasMore && (
          <button type="button" class="link older" onClick={props.onLoadOlder}>
            Show earlier messages
          </button>
        )}
        {messages === undefined ? (
          <p class="hint">Loading messages…</p>
        ) : messages.length === 0 ? (
          <p class="hint empty">No messages yet. Say hello, or type /cluster help.</p>
        ) : (
          <ol class="messages" aria-label={`Messages in ${label}`}>
            {messages.map((message) => (
              <Message
                key={message.id}
                message={message}
                meId={props.meId}
                onOpenThread={() => props.onOpenThread(message)}
                onAction={props.onAction(message)}
                onEdit={(text) => props.onEdit(message, text)}
              />
            ))}
          </ol>
        )}
      </div>
      <Composer
        draftKey={channel.id}
        label={`Message ${label}`}
        commands={props.commands}
        onSend={props.onSend}
        onAttach={props.onAttach}
        onCommand={props.onCommand}
      />
    </section>
  );
}

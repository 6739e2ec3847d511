// A thread beside its conversation: the first message, the replies, and a box to reply.
import { useEffect, useRef } from "preact/hooks";
import type { CommandWord, WireMessage } from "../protocol.ts";
import { Composer } from "./composer.tsx";
import type { OnAction } from "./content.tsx";
import { Message } from "./message.tsx";

export interface ThreadProps {
  root: WireMessage | undefined;
  replies: WireMessage[] | undefined;
  meId: string;
  commands: CommandWord[];
  onClose(): void;
  onSend(text: string): Promise<string | null>;
  onAttach(file: File, text: string): Promise<string | null>;
  onCommand(text: string): Promise<string | null>;
  onEdit(message: WireMessage, text: string): Promise<string | null>;
  onAction(message: WireMessage): OnAction;
}

export function Thread(props: ThreadProps) {
  const { root, replies } = props;
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>(".composer textarea")?.focus();
  }, [root?.id]);

  useEffect(() => {
    const list = panel.current?.querySelector(".scroller");
    if (list) list.scrollTop = list.scrollHeight;
  }, [replies?.length]);

  return (
    <aside
      class="thread"
      aria-labelledby="thread-title"
      ref={panel}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented) props.onClose();
      }}
    >
      <header>
        <h2 id="thread-title">Thread</h2>
        <button type="button" class="close" onClick={props.onClose}>
          Close<span class="visually-hidden"> thread</span>
        </button>
      </header>
      <div class="scroller">
        {!root ? (
          <p class="hint">Loading the thread…</p>
        ) : (
          <ol class="messages" aria-label="Thread">
            <Message
              message={root}
              meId={props.meId}
              onAction={props.onAction(root)}
              onEdit={(text) => props.onEdit(root, text)}
            />
            <li class="replies-count" aria-hidden="true">
              {replies?.length ?? 0} {(replies?.length ?? 0) === 1 ? "reply" : "replies"}
            </li>
            {(replies ?? []).map((reply) => (
              <Message
                key={reply.id}
                message={reply}
                meId={props.meId}
                onAction={props.onAction(reply)}
                onEdit={(text) => props.onEdit(reply, text)}
              />
            ))}
          </ol>
        )}
      </div>
      {root && (
        <Composer
          draftKey={`thread:${root.id}`}
          label="Reply in thread"
          commands={props.commands}
          onSend={props.onSend}
          onAttach={props.onAttach}
          onCommand={props.onCommand}
        />
      )}
    </aside>
  );
}

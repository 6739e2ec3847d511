// One message: who, when, its content and buttons, its thread, and editing one's own.
import { useState } from "preact/hooks";
import type { WireMessage } from "../protocol.ts";
import { Content, type OnAction } from "./content.tsx";
import { plainText } from "./rich-text.tsx";
import { shortTime } from "./time.ts";

export interface MessageProps {
  message: WireMessage;
  meId: string;
  /** Shown for top-level messages: opens the thread beside. */
  onOpenThread?: (() => void) | undefined;
  onAction: OnAction;
  onEdit(text: string): Promise<string | null>;
}

export function Message(props: MessageProps) {
  const { message } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => plainText(message.content.summary));
  const [problem, setProblem] = useState<string | null>(null);
  // A person's own message (not the private echo of their /cluster command, nor a file) can be edited.
  const mine =
    message.author.kind === "person" &&
    message.author.id === props.meId &&
    !message.private &&
    !message.content.blocks?.some((block) => block.kind === "file");
  const editId = `edit-${message.id}`;

  async function save() {
    const failure = await props.onEdit(draft);
    setProblem(failure);
    if (!failure) setEditing(false);
  }

  return (
    <li class={`message${message.private ? " private" : ""}`} id={`m-${message.id}`} data-testid="message">
      <div class="meta">
        <span class={`author${message.author.kind === "bot" ? " bot" : ""}`}>{message.author.name}</span>
        {message.author.kind === "bot" && <span class="badge">bot</span>}
        <time dateTime={message.createdAt}>{shortTime(message.createdAt)}</time>
        {message.editedAt && <span class="edited">(edited)</span>}
        {message.private && <span class="badge">Only you can see this</span>}
        {message.pinned && <span class="badge pinned">Pinned</span>}
      </div>
      {editing ? (
        <form
          class="edit"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label for={editId} class="visually-hidden">
            Edit your message
          </label>
          <textarea
            id={editId}
            class="edit-box"
            value={draft}
            rows={Math.min(8, draft.split("\n").length + 1)}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setEditing(false);
            }}
          />
          {problem && (
            <p role="alert" class="error">
              {problem}
            </p>
          )}
          <div class="buttons">
            <button type="submit" class="primary">
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <Content content={message.content} onAction={props.onAction} />
      )}
      <div class="message-actions">
        {props.onOpenThread && !message.private && (
          <button type="button" class="link" onClick={props.onOpenThread}>
            {message.replyCount > 0
              ? `${message.replyCount} ${message.replyCount === 1 ? "reply" : "replies"}`
              : "Reply in thread"}
          </button>
        )}
        {mine && !editing && (
          <button
            type="button"
            class="link"
            onClick={() => {
              setDraft(plainText(message.content.summary));
              setEditing(true);
              requestAnimationFrame(() => document.getElementById(editId)?.focus());
            }}
          >
            Edit<span class="visually-hidden"> your message</span>
          </button>
        )}
      </div>
    </li>
  );
}

// The neutral message content as HTML. Text is always literal (Preact escapes it); links are paths of this server.
import type { MessageBlock, MessageContent } from "../protocol.ts";

export type OnAction = (actionId: string, value: string) => void;

export function Content(props: { content: MessageContent; onAction?: OnAction | undefined }) {
  const blocks = props.content.blocks;
  if (!blocks || blocks.length === 0) return <p class="text">{props.content.text}</p>;
  return (
    <div class="blocks">
      {blocks.map((block, index) => (
        <Block key={index} block={block} onAction={props.onAction} />
      ))}
    </div>
  );
}

function Block(props: { block: MessageBlock; onAction?: OnAction | undefined }) {
  const { block } = props;
  switch (block.type) {
    case "paragraph":
      return (
        <p class="text">
          {block.heading && <strong class="heading">{block.heading}</strong>}
          {block.heading && <br />}
          {block.text}
        </p>
      );
    case "fields":
      return (
        <dl class="fields">
          {block.fields.map((field, index) => (
            <div key={index}>
              <dt>{field.label}</dt>
              <dd>{field.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "actions":
      return (
        <div class="actions">
          {block.buttons.map((button) => (
            <button
              key={`${button.actionId}:${button.value}`}
              type="button"
              class={button.style ?? ""}
              disabled={!props.onAction}
              onClick={() => props.onAction?.(button.actionId, button.value)}
            >
              {button.label}
            </button>
          ))}
        </div>
      );
    case "context":
      return <p class="context">{block.text}</p>;
    case "divider":
      return <hr />;
    case "link":
      return (
        <p>
          <a href={block.href.startsWith("/") && !block.href.startsWith("//") ? block.href : "#"} download>
            {block.label}
          </a>
        </p>
      );
  }
}

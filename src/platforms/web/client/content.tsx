// The core's blocks as HTML: headings, texts with a title and a button, facts, lists with status marks, button rows
// (with a confirmation step when the button asks for one), small print, dividers, and files shared. Text is
// always literal (Preact escapes it).
import { fileDownloadPath, type WireBlock, type WireButton, type WireContent } from "../protocol.ts";
import { RichText } from "./rich-text.tsx";

export type OnAction = (actionId: string, value: string) => void;

/** Plain-text symbols (no emoji font is needed to show them), each with the words a screen reader says. */
const marks = {
  done: { symbol: "✓", label: "done" },
  pending: { symbol: "○", label: "pending" },
  failed: { symbol: "⚠", label: "needs attention" },
} as const;

export function Content(props: { content: WireContent; onAction?: OnAction | undefined; busy?: boolean }) {
  const { blocks } = props.content;
  if (!blocks || blocks.length === 0) {
    return (
      <p class="text">
        <RichText text={props.content.summary} />
      </p>
    );
  }
  return <Blocks blocks={blocks} onAction={props.onAction} busy={props.busy ?? false} />;
}

export function Blocks(props: { blocks: WireBlock[]; onAction?: OnAction | undefined; busy: boolean }) {
  return (
    <div class="blocks">
      {props.blocks.map((block, index) => (
        <Block key={index} block={block} onAction={props.onAction} busy={props.busy} />
      ))}
    </div>
  );
}

function ActionButton(props: { button: WireButton; onAction?: OnAction | undefined; busy: boolean }) {
  const { button } = props;
  return (
    <button
      type="button"
      class={button.style ?? ""}
      disabled={!props.onAction || props.busy}
      onClick={() => {
        if (button.confirm && !window.confirm(button.confirm)) return;
        props.onAction?.(button.actionId, button.value);
      }}
    >
      {button.label}
    </button>
  );
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Block(props: { block: WireBlock; onAction?: OnAction | undefined; busy: boolean }) {
  const { block, onAction, busy } = props;
  switch (block.kind) {
    case "heading":
      return <h3 class="block-heading">{block.text}</h3>;
    case "text":
      return (
        <div class="text-block">
          <p class="text">
            {block.title && <strong class="title">{block.title}</strong>}
            {block.title && <br />}
            <RichText text={block.text} />
          </p>
          {block.button && <ActionButton button={block.button} onAction={onAction} busy={busy} />}
        </div>
      );
    case "facts":
      return (
        <dl class="fields">
          {block.facts.map((fact, index) => (
            <div key={index}>
              <dt>{fact.label}</dt>
              <dd>
                <RichText text={fact.value} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case "list":
      return (
        <ul class="items">
          {block.items.map((item, index) => (
            <li key={index} class={item.mark ? `mark-${item.mark}` : ""}>
              {item.mark ? (
                <span class="mark" role="img" aria-label={marks[item.mark].label}>
                  {marks[item.mark].symbol}
                </span>
              ) : (
                <span class="mark" aria-hidden="true">
                  •
                </span>
              )}{" "}
              {item.title && <strong class="title">{item.title}:</strong>} <RichText text={item.text} />
            </li>
          ))}
        </ul>
      );
    case "buttons":
      return (
        <div class="actions">
          {block.buttons.map((button, index) => (
            <ActionButton
              key={`${button.actionId}:${button.value}:${index}`}
              button={button}
              onAction={onAction}
              busy={busy}
            />
          ))}
        </div>
      );
    case "context":
      return (
        <p class="context">
          <RichText text={block.text} />
        </p>
      );
    case "divider":
      return <hr />;
    case "file":
      return (
        <p class="file">
          <a href={`${fileDownloadPath}?id=${encodeURIComponent(block.fileId)}`} download={block.filename}>
            {block.title}
          </a>{" "}
          <span class="hint">
            {block.title === block.filename ? fileSize(block.size) : `${block.filename}, ${fileSize(block.size)}`}
          </span>
        </p>
      );
  }
}

// The message box: Enter sends, Shift+Enter starts a new line; "/cluster …" goes to Clusterbot, with completion
// of the command words (arrow keys to choose, Enter or Tab to take one, Escape to dismiss). A file can be attached
// (the "Attach a file" button opens the browser's file picker) and is sent with the text. What is typed is kept
// per conversation until it is sent.
import { useEffect, useRef, useState } from "preact/hooks";
import { type CommandWord, maxUploadBytes, maxUploadTextLength } from "../protocol.ts";
import { accept, completions } from "./completion.ts";
import { fileSize } from "./content.tsx";

export interface ComposerProps {
  /** Where it posts, for the draft key and the label: "#general", "Ana", "thread". */
  draftKey: string;
  label: string;
  commands: CommandWord[];
  onSend(text: string): Promise<string | null>;
  onCommand(text: string): Promise<string | null>;
  /** Sends a file with the text typed (maybe none). */
  onAttach(file: File, text: string): Promise<string | null>;
}

function loadDraft(key: string): string {
  try {
    return window.localStorage.getItem(`draft:${key}`) ?? "";
  } catch {
    return "";
  }
}

function keepDraft(key: string, text: string): void {
  try {
    if (text) window.localStorage.setItem(`draft:${key}`, text);
    else window.localStorage.removeItem(`draft:${key}`);
  } catch {
    // Storage may be off (private windows); the draft then lives only in the page.
  }
}

export function Composer(props: ComposerProps) {
  const [text, setText] = useState(() => loadDraft(props.draftKey));
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const id = `composer-${props.draftKey.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const listId = `${id}-commands`;

  useEffect(() => {
    setText(loadDraft(props.draftKey));
    setProblem(null);
    setFile(null);
  }, [props.draftKey]);

  const options = dismissed ? [] : completions(text, props.commands);
  const open = options.length > 0;
  const current = open ? options[Math.min(active, options.length - 1)] : undefined;

  function change(next: string) {
    setText(next);
    setActive(0);
    setDismissed(false);
    keepDraft(props.draftKey, next);
  }

  function take(command: CommandWord) {
    change(accept(command));
    box.current?.focus();
  }

  function choose(chosen: File | undefined) {
    if (!chosen) return;
    if (chosen.size > maxUploadBytes) {
      setProblem(`${chosen.name} is ${fileSize(chosen.size)}: a file can be at most ${fileSize(maxUploadBytes)}.`);
    } else {
      setProblem(null);
      setFile(chosen);
    }
    box.current?.focus();
  }

  async function send() {
    const trimmed = text.trim();
    if ((!trimmed && !file) || sending) return;
    if (file && trimmed.startsWith("/")) {
      setProblem("A /cluster command cannot carry a file: send the file without it.");
      return;
    }
    if (file && trimmed.length > maxUploadTextLength) {
      setProblem(`With a file, the text can be at most ${maxUploadTextLength} characters.`);
      return;
    }
    setSending(true);
    const failure = file
      ? await props.onAttach(file, trimmed)
      : trimmed.startsWith("/")
        ? await props.onCommand(trimmed)
        : await props.onSend(text);
    setSending(false);
    setProblem(failure);
    if (!failure) {
      change("");
      setFile(null);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + options.length) % options.length);
    } else if (open && current && (event.key === "Tab" || event.key === "Enter") && !event.shiftKey) {
      event.preventDefault();
      take(current);
    } else if (open && event.key === "Escape") {
      event.preventDefault();
      setDismissed(true);
    } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label for={id} class="visually-hidden">
        {props.label}
      </label>
      {open && (
        <div id={listId} role="listbox" class="completions" aria-label="/cluster commands">
          {options.map((command, index) => (
            <div
              key={command.words}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={command === current}
              class={command === current ? "active" : ""}
              onMouseDown={(event) => {
                event.preventDefault();
                take(command);
              }}
            >
              <span class="words">/cluster {command.words}</span> <span class="hint">{command.hint}</span>
            </div>
          ))}
        </div>
      )}
      {file && (
        <div class="attachment">
          <span role="status">
            Attached: {file.name}, {fileSize(file.size)}
          </span>{" "}
          <button
            type="button"
            class="link"
            onClick={() => {
              setFile(null);
              box.current?.focus();
            }}
          >
            Remove<span class="visually-hidden"> {file.name}</span>
          </button>
        </div>
      )}
      <div class="box">
        <input
          ref={picker}
          type="file"
          hidden
          tabIndex={-1}
          onChange={(event) => {
            choose(event.currentTarget.files?.[0]);
            // The same file can be chosen again (e.g. to send it twice).
            event.currentTarget.value = "";
          }}
        />
        <button
          type="button"
          class="attach"
          title="Attach a file"
          disabled={sending}
          onClick={() => picker.current?.click()}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
            <path
              d="M16.5 6.5 8.6 14.4a2 2 0 0 0 2.8 2.8l8-8a4 4 0 0 0-5.6-5.6l-8.2 8.2a6 6 0 0 0 8.5 8.5l7.1-7.1"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </svg>
          <span class="visually-hidden">Attach a file</span>
        </button>
        <textarea
          id={id}
          ref={box}
          rows={Math.min(6, text.split("\n").length)}
          value={text}
          placeholder={`${props.label} — or type /cluster`}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && current ? `${listId}-${options.indexOf(current)}` : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onInput={(event) => change(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="primary" disabled={sending || (text.trim() === "" && !file)}>
          Send
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} role="alert" class="error">
          {problem}
        </p>
      )}
    </form>
  );
}

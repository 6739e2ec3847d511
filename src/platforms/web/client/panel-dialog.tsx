// A panel in a dialog (the homework overview, a review): its blocks and buttons, and a close button. A pressed
// button waits for Clusterbot's answer (the next step, or this panel redrawn).
import { useEffect, useRef, useState } from "preact/hooks";
import type { PanelDialogView } from "../protocol.ts";
import { Blocks } from "./content.tsx";
import { dialogTitleId } from "./form-dialog.tsx";

const busyAtMostMs = 8000;

export function PanelBody(props: {
  view: PanelDialogView;
  onAction(actionId: string, value: string): Promise<unknown>;
  onClose(): void;
}) {
  const { view } = props;
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const titleId = dialogTitleId(view.id);

  // Busy until the answer redraws the dialog; a press answered elsewhere (a message) frees the buttons after a while.
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setBusy(false), busyAtMostMs);
    return () => clearTimeout(timer);
  }, [busy]);

  useEffect(() => {
    setBusy(false);
    requestAnimationFrame(() => body.current?.querySelector<HTMLElement>("button:not(:disabled)")?.focus());
  }, [view.id, view.version]);

  return (
    <div class="panel" aria-busy={busy ? "true" : undefined}>
      <header>
        <h2 id={titleId}>{view.title}</h2>
      </header>
      <div class="dialog-body" ref={body}>
        <Blocks
          blocks={view.blocks}
          busy={busy}
          onAction={(actionId, value) => {
            setBusy(true);
            void props.onAction(actionId, value).then(
              () => undefined,
              () => setBusy(false),
            );
          }}
        />
      </div>
      <footer>
        <p class="status" role="status">
          {busy ? "Working…" : ""}
        </p>
        <button type="button" onClick={props.onClose}>
          {view.closeLabel}
        </button>
      </footer>
    </div>
  );
}

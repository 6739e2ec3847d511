// A modal <dialog>: focus moves into it when it opens and back to where it was when it closes; Escape (or the
// browser closing it) asks to close. Keyed by the dialog's id, it stays open while its content changes (a panel
// becoming the next step's form and back).
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function Modal(props: { labelledBy: string; onClose(): void; children: ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const unmounting = useRef(false);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    opener.current = document.activeElement;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      unmounting.current = true;
      element?.close();
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
      else document.querySelector<HTMLElement>("[data-focus-fallback]")?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      class="form-dialog"
      aria-labelledby={props.labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose.current();
      }}
      onClose={() => {
        // The browser may close a modal itself (a second Escape): then it is closed like any other way.
        if (!unmounting.current) onClose.current();
      }}
    >
      {props.children}
    </dialog>
  );
}

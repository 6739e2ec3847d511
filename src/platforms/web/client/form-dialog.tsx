// A form dialog rendered from the neutral form (FormSpec): every field with its label, hint and inline error, an
// error summary at the top that links to the fields, one button per submit action, a close button. It is a
// modal <dialog>: focus moves into it when it opens and back to where it was when it closes; Escape closes it
// (keeping what was typed as a draft). Typed values survive errors, reloads (drafts) and new versions of the form.
import { useEffect, useRef, useState } from "preact/hooks";
import type { DialogView, RawValue, RawValues } from "../protocol.ts";
import { Field, type FieldContext, fieldDomId } from "./fields.tsx";

export interface FormDialogProps {
  view: DialogView;
  context: FieldContext;
  onSubmit(actionId: string, values: RawValues): void;
  onClose(values: RawValues): void;
  /** Called a moment after the person stops typing. */
  onDraft?: ((values: RawValues) => void) | undefined;
}

const draftDelayMs = 800;

export function FormDialog(props: FormDialogProps) {
  const { view } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const unmounting = useRef(false);
  const [values, setValues] = useState<RawValues>(view.values);
  const [touched, setTouched] = useState(false);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const errors = Object.entries(view.errors).filter(([id]) => view.fields.some((field) => field.id === id));
  const pending = view.status === "pending";
  const titleId = `dialog-title-${view.id}`;

  // Open as a modal, remember where focus was, and give it back on close.
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
  }, [view.id]);

  // A new version (errors, next step): take its values, and put focus where the person should look.
  useEffect(() => {
    setValues(view.values);
    setTouched(false);
    if (pending) return;
    requestAnimationFrame(() => {
      if (errors.length > 0) summary.current?.focus();
      else dialog.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    });
  }, [view.id, view.version]);

  useEffect(() => {
    if (!touched || !props.onDraft || pending) return;
    const timer = setTimeout(() => props.onDraft?.(valuesRef.current), draftDelayMs);
    return () => clearTimeout(timer);
  }, [values, touched]);

  function change(fieldId: string, value: RawValue) {
    setValues((current) => ({ ...current, [fieldId]: value }));
    setTouched(true);
  }

  function focusField(fieldId: string) {
    document.getElementById(fieldDomId(fieldId))?.focus();
  }

  return (
    <dialog
      ref={dialog}
      class="form-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose(valuesRef.current);
      }}
      onClose={() => {
        // The browser may close a modal itself (a second Escape): then it is closed like any other way.
        if (!unmounting.current) props.onClose(valuesRef.current);
      }}
    >
      <form
        noValidate
        aria-busy={pending ? "true" : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event as SubmitEvent).submitter;
          const actionId = submitter instanceof HTMLButtonElement ? submitter.value : view.actions[0]?.id;
          if (actionId && !pending) props.onSubmit(actionId, valuesRef.current);
        }}
      >
        <header>
          <h2 id={titleId}>{view.title}</h2>
        </header>
        <div class="dialog-body">
          {errors.length > 0 && (
            <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby={`${titleId}-errors`}>
              <h3 id={`${titleId}-errors`}>
                {errors.length === 1 ? "There is a problem" : `There are ${errors.length} problems`}
              </h3>
              <ul>
                {errors.map(([fieldId, message]) => (
                  <li key={fieldId}>
                    <a
                      href={`#${fieldDomId(fieldId)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        focusField(fieldId);
                      }}
                    >
                      {view.fields.find((field) => field.id === fieldId)?.label}: {message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {view.notice && (
            <p class="notice" role="status">
              {view.notice}
            </p>
          )}
          {view.intro && <p class="intro">{view.intro}</p>}
          {view.fields.map((field) => (
            <Field
              key={`${view.id}:${field.id}`}
              field={field}
              value={values[field.id]}
              error={view.errors[field.id]}
              disabled={pending}
              context={props.context}
              onChange={(value) => change(field.id, value)}
            />
          ))}
        </div>
        <footer>
          <p class="status" role="status">
            {pending ? "Sending…" : ""}
          </p>
          <button type="button" onClick={() => props.onClose(valuesRef.current)}>
            {view.closeLabel}
          </button>
          {view.actions.map((action, index) => (
            <button
              key={action.id}
              type="submit"
              name="action"
              value={action.id}
              class={action.style ?? (index === 0 ? "primary" : "")}
              disabled={pending}
            >
              {action.label}
            </button>
          ))}
        </footer>
      </form>
    </dialog>
  );
}

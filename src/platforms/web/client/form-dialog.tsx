// A form rendered from the neutral form (FormSpec): every field with its label, hint and inline error, an error
// summary at the top that links to the fields, one button per submit action, a close button. Typed values survive
// errors, reloads (drafts) and new versions of the form. Shown inside a Modal.
import { useEffect, useRef, useState } from "preact/hooks";
import type { FormDialogView, RawValue, RawValues } from "../protocol.ts";
import { Field, type FieldContext, fieldDomId } from "./fields.tsx";

export interface FormBodyProps {
  view: FormDialogView;
  context: FieldContext;
  onSubmit(actionId: string, values: RawValues): void;
  onClose(values: RawValues): void;
  /** Called a moment after the person stops typing. */
  onDraft?: ((values: RawValues) => void) | undefined;
  /** Gives the parent what is typed now (a close by Escape sends it). */
  valuesRef?: { current: RawValues };
}

const draftDelayMs = 800;

export const dialogTitleId = (dialogId: string) => `dialog-title-${dialogId}`;

export function FormBody(props: FormBodyProps) {
  const { view } = props;
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<RawValues>(view.values);
  const [touched, setTouched] = useState(false);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  if (props.valuesRef) props.valuesRef.current = values;
  const errors = Object.entries(view.errors).filter(([id]) => view.fields.some((field) => field.id === id));
  const pending = view.status === "pending";
  const titleId = dialogTitleId(view.id);

  // A new version (errors, next step): take its values, and put focus where the person should look.
  useEffect(() => {
    setValues(view.values);
    setTouched(false);
    if (pending) return;
    requestAnimationFrame(() => {
      if (errors.length > 0 || view.notice) summary.current?.focus();
      else form.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
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

  return (
    <form
      ref={form}
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
        {(errors.length > 0 || view.notice) && (
          <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby={`${titleId}-errors`}>
            <h3 id={`${titleId}-errors`}>
              {errors.length > 1 ? `There are ${errors.length} problems` : "There is a problem"}
            </h3>
            {view.notice && <p class="notice">{view.notice}</p>}
            {errors.length > 0 && (
              <ul>
                {errors.map(([fieldId, message]) => (
                  <li key={fieldId}>
                    <a
                      href={`#${fieldDomId(fieldId)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(fieldDomId(fieldId))?.focus();
                      }}
                    >
                      {view.fields.find((field) => field.id === fieldId)?.label}: {message}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
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
        {view.actions.map((action) => (
          <button
            key={action.id}
            type="submit"
            name="action"
            value={action.id}
            class={action.style ?? ""}
            disabled={pending}
          >
            {action.label}
          </button>
        ))}
      </footer>
    </form>
  );
}

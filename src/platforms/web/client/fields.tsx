// One input per FormSpec field kind, each with its label, hint and error tied to it for screen readers.
import { useEffect, useRef, useState } from "preact/hooks";
import type { DialogField, FieldOption, RawValue, WireChannel, WirePerson } from "../protocol.ts";
import { fromLocalInput, toLocalInput } from "./time.ts";

export interface FieldContext {
  people: WirePerson[];
  channels: WireChannel[];
  timezone: string;
  suggest?: ((fieldId: string, query: string) => Promise<FieldOption[]>) | undefined;
}

export interface FieldProps {
  field: DialogField;
  value: RawValue | undefined;
  error: string | undefined;
  disabled: boolean;
  context: FieldContext;
  onChange(value: RawValue): void;
}

/** The element an error summary link focuses. */
export const fieldDomId = (fieldId: string) => `field-${fieldId}`;

function describedBy(field: DialogField, error: string | undefined): string | undefined {
  const ids = [field.hint ? `${fieldDomId(field.id)}-hint` : "", error ? `${fieldDomId(field.id)}-error` : ""];
  return ids.filter(Boolean).join(" ") || undefined;
}

const asText = (value: RawValue | undefined) =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
const asList = (value: RawValue | undefined) => (Array.isArray(value) ? value : []);

export function Field(props: FieldProps) {
  const { field, error } = props;
  const id = fieldDomId(field.id);
  const grouped = field.kind === "choices" || field.kind === "people";
  const labelText = (
    <>
      {field.label}
      {!field.required && <span class="optional"> (optional)</span>}
    </>
  );
  return (
    <div class={`field${error ? " has-error" : ""}`} data-field={field.id}>
      {grouped ? (
        <fieldset aria-describedby={describedBy(field, error)} aria-invalid={error ? "true" : undefined}>
          <legend>{labelText}</legend>
          <Notes field={field} error={error} />
          <Control {...props} />
        </fieldset>
      ) : (
        <>
          <label for={id}>{labelText}</label>
          <Notes field={field} error={error} />
          <Control {...props} />
        </>
      )}
    </div>
  );
}

function Notes(props: { field: DialogField; error: string | undefined }) {
  const id = fieldDomId(props.field.id);
  return (
    <>
      {props.field.hint && (
        <p id={`${id}-hint`} class="hint">
          {props.field.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
    </>
  );
}

function Control(props: FieldProps) {
  const { field, value, error, disabled, onChange } = props;
  const id = fieldDomId(field.id);
  const common = {
    id,
    disabled,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(field, error),
    "aria-required": field.required ? ("true" as const) : undefined,
  };
  switch (field.kind) {
    case "text":
      return (
        <input
          {...common}
          type="text"
          value={asText(value)}
          placeholder={field.placeholder}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
      );
    case "longText":
      return (
        <textarea
          {...common}
          rows={4}
          value={asText(value)}
          placeholder={field.placeholder}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
      );
    case "number":
      // Text, not type=number: what the person typed stays as typed, so an error can point at it.
      return (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          value={asText(value)}
          placeholder={field.placeholder ?? `${field.min}–${field.max}`}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
      );
    case "choice":
      return (
        <select {...common} value={asText(value)} onChange={(event) => onChange(event.currentTarget.value || null)}>
          <option value="">Choose…</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case "choices":
      return (
        <CheckList id={id} options={field.options} selected={asList(value)} disabled={disabled} onChange={onChange} />
      );
    case "people":
      return (
        <CheckList
          id={id}
          options={props.context.people.map((person) => ({ value: person.id, label: person.name }))}
          selected={asList(value)}
          disabled={disabled}
          filterLabel="Find a person"
          onChange={onChange}
        />
      );
    case "channel":
      return (
        <select {...common} value={asText(value)} onChange={(event) => onChange(event.currentTarget.value || null)}>
          <option value="">Choose a channel…</option>
          {props.context.channels
            .filter((channel) => channel.kind !== "direct")
            .map((channel) => (
              <option key={channel.id} value={channel.id}>
                #{channel.name}
              </option>
            ))}
        </select>
      );
    case "datetime":
      return (
        <>
          <input
            {...common}
            type="datetime-local"
            value={toLocalInput(typeof value === "string" ? value : null)}
            onInput={(event) => onChange(fromLocalInput(event.currentTarget.value))}
          />
          <p class="hint">Your time zone: {props.context.timezone}</p>
        </>
      );
    case "search":
      return <SearchBox {...props} />;
  }
}

function CheckList(props: {
  id: string;
  options: FieldOption[];
  selected: string[];
  disabled: boolean;
  filterLabel?: string;
  onChange(value: string[]): void;
}) {
  const [filter, setFilter] = useState("");
  const showFilter = props.filterLabel !== undefined && props.options.length > 8;
  const shown = props.options.filter((option) => option.label.toLowerCase().includes(filter.trim().toLowerCase()));
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.selected, value] : props.selected.filter((item) => item !== value));
  return (
    <>
      {showFilter && (
        <input
          type="search"
          class="filter"
          aria-label={props.filterLabel}
          value={filter}
          onInput={(event) => setFilter(event.currentTarget.value)}
        />
      )}
      <ul class="check-list">
        {shown.map((option, index) => (
          <li key={option.value}>
            <label>
              <input
                type="checkbox"
                id={index === 0 ? props.id : undefined}
                checked={props.selected.includes(option.value)}
                disabled={props.disabled}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              />{" "}
              {option.label}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li class="hint">Nothing matches.</li>}
      </ul>
    </>
  );
}

/** A type-ahead: the bot suggests options as the person types; only a picked option counts as an answer. */
function SearchBox(props: FieldProps) {
  const field = props.field as Extract<DialogField, { kind: "search" }>;
  const id = fieldDomId(field.id);
  const listId = `${id}-options`;
  const [query, setQuery] = useState(
    field.selected?.value === props.value ? (field.selected?.label ?? "") : asText(props.value),
  );
  const [options, setOptions] = useState<FieldOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    if (!open) return;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      void props.context.suggest?.(field.id, query).then((found) => {
        if (ticket === asked.current) setOptions(found);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [query, open]);

  function pick(option: FieldOption) {
    setQuery(option.label);
    setOpen(false);
    props.onChange(option.value);
  }

  const current = options[Math.min(active, options.length - 1)];
  return (
    <div class="search-box">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        disabled={props.disabled}
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && current ? `${listId}-${options.indexOf(current)}` : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(field, props.error)}
        value={query}
        placeholder={field.placeholder ?? "Type to search"}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(true);
          setActive(0);
          props.onChange(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((index) => (options.length === 0 ? 0 : (index + step + options.length) % options.length));
          } else if (event.key === "Enter" && open && current) {
            event.preventDefault();
            pick(current);
          } else if (event.key === "Escape" && open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <div
        id={listId}
        role="listbox"
        class="completions"
        hidden={!open || options.length === 0}
        aria-label={field.label}
      >
        {options.map((option, index) => (
          <div
            key={option.value}
            tabIndex={-1}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={option === current}
            class={option === current ? "active" : ""}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
          >
            {option.label}
          </div>
        ))}
      </div>
    </div>
  );
}

// Adaptive Cards drawn as HTML close to how the Teams desktop client shows them (a chat message from the bot, a post
// in a channel or a thread, a dialog), so the tour's Teams pictures look like what people see. Only the elements
// Clusterbot sends are drawn (TextBlock, Container, FactSet, ActionSet, the inputs, Action.Submit/OpenUrl); anything
// else is named.
import type { TeamsSurface } from "./teams-surface.ts";

type Json = Record<string, unknown>;

const css = `
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: #f5f5f5; font: 14px/20px "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif; color: #242424; }
#surface { width: 640px; }
.step { font-size: 12px; color: #616161; margin-bottom: 6px; }
.chat { display: flex; gap: 8px; align-items: flex-start; }
.avatar { width: 32px; height: 32px; border-radius: 4px; background: #5b5fc7; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; flex: none; }
.bubble { background: #fff; border-radius: 4px; padding: 8px 16px 12px; box-shadow: 0 1px 2px rgba(0,0,0,.14); flex: 1; min-width: 0; }
.meta { font-size: 12px; color: #616161; margin-bottom: 4px; } .meta b { color: #242424; font-weight: 600; margin-right: 8px; }
.where { font-size: 12px; color: #616161; margin-bottom: 4px; font-weight: 600; }
.edited { font-size: 12px; color: #616161; }
.dialog { background: #fff; border-radius: 4px; box-shadow: 0 6.4px 14.4px rgba(0,0,0,.13), 0 1.2px 3.6px rgba(0,0,0,.11); }
.dialog-head { display: flex; justify-content: space-between; align-items: center; padding: 20px 24px 8px; font-size: 18px; font-weight: 700; }
.dialog-head .app { display: flex; gap: 10px; align-items: center; } .dialog-head .avatar { width: 24px; height: 24px; font-size: 12px; }
.dialog-head .x { font-weight: 400; color: #616161; }
.dialog-body { padding: 8px 24px 20px; }
.card > * + * { margin-top: 8px; } .card .none { margin-top: 0; } .card .small-gap { margin-top: 4px; } .card .large-gap { margin-top: 16px; }
.card .separator { border-top: 1px solid #e0e0e0; padding-top: 8px; }
.tb { white-space: pre-wrap; word-wrap: break-word; }
.tb.Small { font-size: 12px; line-height: 16px; } .tb.Medium { font-size: 16px; line-height: 22px; } .tb.Large { font-size: 20px; line-height: 28px; } .tb.ExtraLarge { font-size: 24px; line-height: 32px; }
.tb.Bolder { font-weight: 700; } .tb.subtle { color: #616161; }
.tb.Attention { color: #c4314b; } .tb.Good { color: #237b4b; } .tb.Warning { color: #835b00; } .tb.Accent { color: #5b5fc7; }
.tb ul, .tb ol { margin: 0; padding-left: 20px; white-space: normal; }
.container { border-radius: 4px; } .container.emphasis { background: #f5f5f5; padding: 8px; } .container.attention { background: #fdf3f4; padding: 8px; }
.container.good { background: #f1faf1; padding: 8px; } .container.accent { background: #e8ebfa; padding: 8px; } .container.warning { background: #fbf6d9; padding: 8px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } .facts .t { font-weight: 700; }
.label { font-weight: 600; margin-bottom: 4px; } .label .req { color: #c4314b; }
.box { border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; background: #fff; padding: 5px 10px; min-height: 32px; white-space: pre-wrap; display: flex; justify-content: space-between; gap: 8px; }
.box.placeholder { color: #707070; } .box.multi { min-height: 64px; }
.box .icon { color: #616161; }
.choice { display: flex; gap: 8px; align-items: center; margin: 4px 0; } .choice i { width: 16px; height: 16px; border: 1px solid #616161; display: inline-block; flex: none; }
.choice i.radio { border-radius: 50%; } .choice i.on { background: #5b5fc7; border-color: #5b5fc7; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.button { border: 1px solid #d1d1d1; border-radius: 4px; padding: 5px 12px; font-weight: 600; background: #fff; white-space: nowrap; }
.button.positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; } .button.destructive { color: #c4314b; }
.unknown { color: #a0a0a0; font-style: italic; }
a { color: #5b5fc7; text-decoration: none; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Teams' {{DATE(…, LONG)}} and {{TIME(…)}}, drawn in the reader's own zone (as Teams does, in their language). */
function dateFunctions(text: string, timeZone: string): string {
  return text.replace(/\{\{(DATE|TIME)\(([^,)]+)(?:, *(\w+))?\)\}\}/g, (_all, kind: string, at: string) => {
    const date = new Date(at);
    if (Number.isNaN(date.getTime())) return _all;
    return kind === "DATE"
      ? date.toLocaleDateString("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" })
      : date.toLocaleTimeString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" });
  });
}

/** The Markdown subset Teams draws in a TextBlock: **bold**, _italic_, [links](…), bullet and numbered lists. */
export function cardMarkdown(source: string): string {
  const inline = (line: string) =>
    escapeHtml(line)
      // A backslash before ASCII punctuation is Markdown's escape: the character shows as typed.
      .replace(/\\([!-/:-@[-`{-~])/g, (_all, character: string) => `&#${character.charCodeAt(0)};`)
      .replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>")
      .replace(/(^|[\s(])_([^_]+)_/g, "$1<i>$2</i>")
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "<a>$1</a>");
  const lines = source.split("\n");
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const bullet = /^\s*(?:[-*]|(\d+)\.) (.*)$/.exec(lines[index] ?? "");
    if (!bullet) {
      out.push(`${inline(lines[index] ?? "")}${index < lines.length - 1 ? "\n" : ""}`);
      continue;
    }
    const tag = bullet[1] ? "ol" : "ul";
    const items: string[] = [];
    while (index < lines.length) {
      const item = /^\s*(?:[-*]|\d+\.) (.*)$/.exec(lines[index] ?? "");
      if (!item) break;
      items.push(`<li>${inline(item[1] ?? "")}</li>`);
      index++;
    }
    index--;
    out.push(`<${tag}>${items.join("")}</${tag}>`);
  }
  return out.join("");
}

function spacingClass(element: Json): string {
  const spacing = String(element.spacing ?? "").toLowerCase();
  const gap =
    spacing === "none" ? " none" : spacing === "small" ? " small-gap" : /large/.test(spacing) ? " large-gap" : "";
  return `${gap}${element.separator ? " separator" : ""}`;
}

let readerZone = "Europe/Brussels";

function textBlock(element: Json): string {
  const classes = [
    "tb",
    String(element.size ?? ""),
    String(element.weight ?? ""),
    String(element.color ?? ""),
    element.isSubtle ? "subtle" : "",
  ].join(" ");
  const text = dateFunctions(String(element.text ?? ""), readerZone);
  return `<div class="${classes}${spacingClass(element)}">${cardMarkdown(text)}</div>`;
}

function choices(element: Json): Json[] {
  return Array.isArray(element.choices) ? (element.choices as Json[]) : [];
}

function inputHtml(element: Json): string {
  const type = String(element.type);
  const required = element.isRequired ? ` <span class="req">*</span>` : "";
  const label = element.label ? `<div class="label">${escapeHtml(String(element.label))}${required}</div>` : "";
  const value = element.value === undefined || element.value === null ? "" : String(element.value);
  let field: string;
  if (type === "Input.ChoiceSet") {
    const picked = new Set(value.split(","));
    if (element.style === "expanded") {
      const shape = element.isMultiSelect ? "" : "radio";
      field = choices(element)
        .map(
          (choice) =>
            `<div class="choice"><i class="${shape}${picked.has(String(choice.value)) ? " on" : ""}"></i>${escapeHtml(String(choice.title ?? ""))}</div>`,
        )
        .join("");
    } else {
      const shown = choices(element)
        .filter((choice) => picked.has(String(choice.value)))
        .map((choice) => String(choice.title ?? ""))
        .join(", ");
      const text = shown || String(element.placeholder ?? (element.choices ? "Select" : "Type to search"));
      field = `<div class="box${shown ? "" : " placeholder"}"><span>${escapeHtml(text)}</span><span class="icon">▾</span></div>`;
    }
  } else if (type === "Input.Toggle") {
    field = `<div class="choice"><i${value === String(element.valueOn ?? "true") ? ' class="on"' : ""}></i>${escapeHtml(String(element.title ?? ""))}</div>`;
  } else {
    const icon = type === "Input.Date" ? "▦" : type === "Input.Time" ? "◷" : "";
    const shown = value || String(element.placeholder ?? "");
    const classes = `box${value ? "" : " placeholder"}${element.isMultiline ? " multi" : ""}`;
    field = `<div class="${classes}"><span>${escapeHtml(shown)}</span>${icon ? `<span class="icon">${icon}</span>` : ""}</div>`;
  }
  return `<div class="input${spacingClass(element)}">${label}${field}</div>`;
}

function actionsHtml(actions: unknown): string {
  const list = Array.isArray(actions) ? (actions as Json[]) : [];
  if (list.length === 0) return "";
  return `<div class="actions">${list
    .map(
      (action) =>
        `<span class="button ${escapeHtml(String(action.style ?? ""))}">${escapeHtml(String(action.title ?? ""))}</span>`,
    )
    .join("")}</div>`;
}

function elementHtml(value: unknown): string {
  const element = (value ?? {}) as Json;
  const type = String(element.type ?? "");
  if (element.isVisible === false) return "";
  if (type === "TextBlock") return textBlock(element);
  if (type === "Container")
    return `<div class="container ${escapeHtml(String(element.style ?? "").toLowerCase())}${spacingClass(element)}">${itemsHtml(element.items)}</div>`;
  if (type === "FactSet")
    return `<div class="facts${spacingClass(element)}">${((element.facts as Json[] | undefined) ?? [])
      .map(
        (fact) =>
          `<span class="t">${cardMarkdown(String(fact.title ?? ""))}</span><span>${cardMarkdown(dateFunctions(String(fact.value ?? ""), readerZone))}</span>`,
      )
      .join("")}</div>`;
  if (type === "ActionSet") return actionsHtml(element.actions);
  if (type.startsWith("Input.")) return inputHtml(element);
  return `<div class="unknown">(${escapeHtml(type)})</div>`;
}

function itemsHtml(items: unknown): string {
  return `<div class="card">${(Array.isArray(items) ? items : []).map(elementHtml).join("")}</div>`;
}

/** A card's body and its actions, or the message's text when it carries no card. */
function contentHtml(surface: TeamsSurface): string {
  const card = surface.card as Json | undefined;
  if (!card) return `<div class="tb">${cardMarkdown(surface.text ?? "")}</div>`;
  const text = surface.text ? `<div class="tb">${cardMarkdown(surface.text)}</div>` : "";
  return `${text}${itemsHtml(card.body)}${actionsHtml(card.actions)}`;
}

/** A whole page showing one Teams surface, ready for a screenshot of `#surface`; dates in `timeZone`. */
export function teamsSurfaceHtml(surface: TeamsSurface, timeZone = "Europe/Brussels"): string {
  readerZone = timeZone;
  let body: string;
  if (surface.kind === "dialog") {
    body = `<div class="dialog"><div class="dialog-head"><span class="app"><span class="avatar">C</span>${escapeHtml(surface.title)}</span><span class="x">✕</span></div>
      <div class="dialog-body">${contentHtml(surface)}</div></div>`;
  } else {
    const where =
      surface.kind === "post"
        ? `<div class="where">${escapeHtml(surface.who)}${surface.inThread ? " · reply in a thread" : ""}</div>`
        : "";
    body = `<div class="chat"><div class="avatar">C</div><div class="bubble">${where}
      <div class="meta"><b>Clusterbot</b>10:00${surface.edited ? ` <span class="edited">Edited</span>` : ""}</div>${contentHtml(surface)}</div></div>`;
  }
  const caption = `${surface.index}. ${escapeHtml(surface.who)} — ${escapeHtml(surface.step)}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head>
    <body><div id="surface"><div class="step">${caption}</div>${body}</div></body></html>`;
}

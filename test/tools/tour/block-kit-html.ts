// Block Kit drawn as HTML close to how Slack's desktop client shows it (fonts, spacing, buttons, modals), so the
// tour's screenshots look like what people see. Only what Clusterbot sends is drawn; anything else is named.
import type { TourSurface } from "./surface.ts";

type Json = Record<string, unknown>;

const css = `
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: #f8f8f8; font: 15px/1.46668 "Lato", "Slack-Lato", "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; }
#surface { width: 620px; }
.step { font-size: 12px; color: #616061; margin-bottom: 6px; }
.message { background: #fff; border: 1px solid #e2e2e2; border-radius: 8px; padding: 12px 16px; display: flex; gap: 10px; }
.avatar { width: 36px; height: 36px; border-radius: 6px; background: #4a154b; color: #fff; font-weight: 900; display: flex; align-items: center; justify-content: center; flex: none; }
.meta { font-weight: 900; } .meta .app { font-size: 10px; background: #e8e8e8; color: #616061; border-radius: 2px; padding: 1px 3px; margin-left: 4px; font-weight: 700; }
.meta .time { font-weight: 400; color: #616061; font-size: 12px; margin-left: 6px; }
.private { font-size: 13px; color: #616061; margin-bottom: 2px; }
.edited { color: #616061; font-size: 13px; }
.modal { background: #fff; border-radius: 8px; box-shadow: 0 0 0 1px rgba(29,28,29,.13), 0 18px 48px rgba(0,0,0,.35); }
.modal-head { display: flex; justify-content: space-between; align-items: center; padding: 18px 28px; border-bottom: 1px solid #e2e2e2; font-size: 22px; font-weight: 900; }
.modal-head .x { font-weight: 400; color: #616061; }
.modal-body { padding: 16px 28px; }
.modal-foot { display: flex; justify-content: flex-end; gap: 12px; padding: 20px 28px; border-top: 1px solid #e2e2e2; }
.home { background: #fff; border: 1px solid #e2e2e2; border-radius: 8px; }
.home .tabs { display: flex; gap: 20px; padding: 12px 20px 0; border-bottom: 1px solid #e2e2e2; font-weight: 700; }
.home .tabs span { padding-bottom: 8px; } .home .tabs .on { border-bottom: 2px solid #1264a3; }
.home .body { padding: 16px 20px; }
.block { margin: 8px 0; }
.header { font-size: 18px; font-weight: 900; margin: 12px 0 4px; }
.section { display: flex; justify-content: space-between; gap: 12px; align-items: flex-start; }
.section .text { white-space: pre-wrap; word-wrap: break-word; flex: 1; }
.fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 6px; }
.divider { border: 0; border-top: 1px solid #e2e2e2; margin: 14px 0; }
.context { color: #616061; font-size: 13px; white-space: pre-wrap; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.button { display: inline-block; border: 1px solid rgba(29,28,29,.3); border-radius: 4px; padding: 0 12px; height: 28px; line-height: 26px; font-size: 13px; font-weight: 700; background: #fff; white-space: nowrap; }
.button.primary { background: #007a5a; color: #fff; border-color: #007a5a; }
.button.danger { background: #e01e5a; color: #fff; border-color: #e01e5a; }
.button.big { height: 36px; line-height: 34px; font-size: 15px; padding: 0 16px; }
.input label { display: block; font-weight: 700; margin-bottom: 6px; } .input .optional { font-weight: 400; color: #616061; }
.field { border: 1px solid rgba(29,28,29,.3); border-radius: 4px; padding: 8px 10px; min-height: 38px; color: #1d1c1d; white-space: pre-wrap; }
.field.placeholder { color: #868686; } .field.multiline { min-height: 76px; }
.hint { color: #616061; font-size: 13px; margin-top: 4px; }
.error { color: #e01e5a; font-size: 13px; margin-top: 4px; }
.input.has-error .field { border-color: #e01e5a; }
.choice { display: flex; gap: 8px; align-items: center; margin: 4px 0; } .choice i { width: 16px; height: 16px; border: 1px solid #868686; border-radius: 50%; display: inline-block; }
code { font-family: Monaco, Menlo, Consolas, monospace; font-size: 12px; background: #f6f6f6; border: 1px solid #e2e2e2; border-radius: 3px; padding: 1px 3px; color: #e01e5a; }
a { color: #1264a3; text-decoration: none; }
.mention { background: rgba(29,155,209,.1); color: #1264a3; border-radius: 3px; padding: 0 2px; }
blockquote { margin: 4px 0; padding-left: 12px; border-left: 4px solid #ddd; }
.unknown { color: #a0a0a0; font-style: italic; }
.where { font-size: 13px; color: #616061; margin-bottom: 2px; font-weight: 700; }
.file { display: flex; gap: 10px; align-items: center; border: 1px solid #e2e2e2; border-radius: 8px; padding: 10px 12px; margin-top: 8px; max-width: 420px; }
.file .icon { width: 36px; height: 40px; border-radius: 4px; background: #e01e5a; color: #fff; font-size: 11px; font-weight: 900; display: flex; align-items: center; justify-content: center; flex: none; }
.file .size { color: #616061; font-size: 13px; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Slack mrkdwn (already escaped by the sender) as HTML: links, mentions, dates, *bold*, _italic_, `code`, quotes. */
export function mrkdwn(source: string, names: Record<string, string> = {}): string {
  const tokens: string[] = [];
  const keep = (html: string) => `\uE000${tokens.push(html) - 1}\uE001`;
  let text = source.replace(/<([^<>]+)>/g, (_all, inner: string) => {
    const [target = "", label] = inner.split("|");
    if (target.startsWith("@"))
      return keep(`<span class="mention">@${escapeHtml(names[target.slice(1)] ?? target.slice(1))}</span>`);
    if (target.startsWith("#")) return keep(`<span class="mention">#${escapeHtml(label ?? "channel")}</span>`);
    if (target.startsWith("!date^")) return keep(escapeHtml(label ?? ""));
    if (target.startsWith("!")) return keep(`<span class="mention">@${escapeHtml(target.slice(1))}</span>`);
    return keep(`<a>${escapeHtml(label ?? target)}</a>`);
  });
  // The sender escaped &, < and > already: decode them, then escape once for HTML.
  text = escapeHtml(text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
  text = text
    .replace(/`([^`\n]+)`/g, (_all, code: string) => keep(`<code>${code}</code>`))
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<b>$2</b>")
    .replace(/(^|[\s(])_([^_\n]+)_/g, "$1<i>$2</i>")
    .replace(/(^|[\s(])~([^~\n]+)~/g, "$1<s>$2</s>")
    .replace(/^&gt; ?(.*)$/gm, "<blockquote>$1</blockquote>");
  return text.replace(/\uE000(\d+)\uE001/g, (_all, index: string) => tokens[Number(index)] ?? "");
}

function textObject(value: unknown, names: Record<string, string>): string {
  if (!value || typeof value !== "object") return "";
  const text = value as Json;
  const raw = typeof text.text === "string" ? text.text : "";
  return text.type === "mrkdwn" ? mrkdwn(raw, names) : escapeHtml(raw);
}

function button(element: Json, names: Record<string, string>, big = false): string {
  const style = typeof element.style === "string" ? ` ${element.style}` : "";
  return `<span class="button${style}${big ? " big" : ""}">${textObject(element.text, names)}</span>`;
}

function element(value: unknown, names: Record<string, string>, multiline = false, typed?: string): string {
  const el = (value ?? {}) as Json;
  const type = String(el.type ?? "");
  if (type === "button") return button(el, names);
  if (type === "radio_buttons" || type === "checkboxes") {
    const options = (el.options as Json[] | undefined) ?? [];
    return options.map((option) => `<div class="choice"><i></i>${textObject(option.text, names)}</div>`).join("");
  }
  const initial =
    typed ||
    (typeof el.initial_value === "string" && el.initial_value) ||
    textObject((el.initial_option as Json | undefined)?.text, names) ||
    ((el.initial_options as Json[] | undefined) ?? []).map((option) => textObject(option.text, names)).join(", ") ||
    ((el.initial_users as string[] | undefined) ?? []).map((user) => `@${names[user] ?? user}`).join(", ") ||
    (typeof el.initial_date_time === "number" ? new Date(el.initial_date_time * 1000).toUTCString() : "");
  const isSelect = /select/.test(type);
  const shown = initial
    ? escapeHtml(String(initial))
    : textObject(el.placeholder, names) || (isSelect ? "Select…" : "");
  const classes = `field${initial ? "" : " placeholder"}${multiline || el.multiline ? " multiline" : ""}`;
  return `<div class="${classes}">${shown}${isSelect ? ' <span style="float:right">▾</span>' : ""}</div>`;
}

function block(
  value: unknown,
  names: Record<string, string>,
  errors: Record<string, string>,
  values: Record<string, string> = {},
): string {
  const b = (value ?? {}) as Json;
  switch (b.type) {
    case "header":
      return `<div class="header">${textObject(b.text, names)}</div>`;
    case "divider":
      return `<hr class="divider">`;
    case "section": {
      const fields = (b.fields as unknown[] | undefined) ?? [];
      const accessory = b.accessory ? `<div>${element(b.accessory, names)}</div>` : "";
      const fieldHtml = fields.length
        ? `<div class="fields">${fields.map((field) => `<div>${textObject(field, names)}</div>`).join("")}</div>`
        : "";
      return `<div class="block section"><div class="text">${textObject(b.text, names)}${fieldHtml}</div>${accessory}</div>`;
    }
    case "context":
      return `<div class="block context">${((b.elements as unknown[]) ?? []).map((item) => textObject(item, names)).join(" ")}</div>`;
    case "actions":
      return `<div class="block actions">${((b.elements as unknown[]) ?? []).map((item) => element(item, names)).join("")}</div>`;
    case "input": {
      const error = typeof b.block_id === "string" ? errors[b.block_id] : undefined;
      const typed = typeof b.block_id === "string" ? values[b.block_id] : undefined;
      const optional = b.optional ? ` <span class="optional">(optional)</span>` : "";
      return `<div class="block input${error ? " has-error" : ""}"><label>${textObject(b.label, names)}${optional}</label>${element(b.element, names, false, typed)}${
        b.hint ? `<div class="hint">${textObject(b.hint, names)}</div>` : ""
      }${error ? `<div class="error">${escapeHtml(error)}</div>` : ""}</div>`;
    }
    case "rich_text":
      return `<div class="block unknown">(rich text)</div>`;
    default:
      return `<div class="block unknown">(${escapeHtml(String(b.type))} block)</div>`;
  }
}

function blocksHtml(surface: TourSurface, names: Record<string, string>): string {
  const errors = surface.errors ?? {};
  const drawn = surface.blocks.map((item) => block(item, names, errors, surface.values)).join("");
  return drawn || `<div class="section"><div class="text">${mrkdwn(surface.title, names)}</div></div>`;
}

/** Files shared with a post, as Slack shows them: a card with the type, the name and the size. */
function filesHtml(surface: TourSurface): string {
  return (surface.files ?? [])
    .map((file) => {
      const type = (file.name.split(".").at(-1) ?? "").toUpperCase().slice(0, 4);
      const size = file.size >= 1024 ? `${Math.round(file.size / 1024)} KB` : `${file.size} B`;
      return `<div class="file"><div class="icon">${escapeHtml(type)}</div><div><b>${escapeHtml(file.title)}</b>
        <div class="size">${escapeHtml(type)} · ${size}</div></div></div>`;
    })
    .join("");
}

/** A whole page showing one surface, ready for a screenshot of `#surface`. */
export function surfaceHtml(surface: TourSurface, names: Record<string, string> = {}): string {
  let body: string;
  if (surface.kind === "modal") {
    const foot = [surface.close ?? "Cancel", surface.submit]
      .filter((label): label is string => Boolean(label))
      .map((label, index) => `<span class="button big${index === 1 ? " primary" : ""}">${escapeHtml(label)}</span>`)
      .join("");
    body = `<div class="modal"><div class="modal-head"><span>${escapeHtml(surface.title)}</span><span class="x">✕</span></div>
      <div class="modal-body">${blocksHtml(surface, names)}</div>${foot ? `<div class="modal-foot">${foot}</div>` : ""}</div>`;
  } else if (surface.kind === "home") {
    body = `<div class="home"><div class="tabs"><span class="on">Home</span><span>Messages</span><span>About</span></div>
      <div class="body">${blocksHtml(surface, names)}</div></div>`;
  } else {
    const note =
      surface.kind === "private"
        ? `<div class="private">Only visible to you</div>`
        : surface.kind === "post"
          ? `<div class="where">${escapeHtml(surface.who)}${surface.inThread ? " · reply in a thread" : ""}</div>`
          : "";
    body = `<div class="message"><div class="avatar">C</div><div style="flex:1;min-width:0">${note}
      <div class="meta">Clusterbot<span class="app">APP</span><span class="time">10:00</span></div>
      ${blocksHtml(surface, names)}${filesHtml(surface)}${surface.edited ? `<span class="edited">(edited)</span>` : ""}</div></div>`;
  }
  const caption = `${surface.index}. ${escapeHtml(surface.who)} — ${escapeHtml(surface.step)}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head>
    <body><div id="surface"><div class="step">${caption}</div>${body}</div></body></html>`;
}

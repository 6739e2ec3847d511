// Routes that answer with every kind of Reply and every kind of block, for the browser adapter's tests: what the
// core can ask of a surface, each drawn once.
import { reply } from "../../../src/app/interaction/reply.ts";
import {
  onAction,
  onClosed,
  onCommand,
  onHome,
  onSubmit,
  onSuggest,
  type Route,
} from "../../../src/app/interaction/router.ts";
import { Refusal } from "../../../src/app/refusal.ts";
import type { FormSpec } from "../../../src/core/forms/spec.ts";
import type { Message } from "../../../src/core/screens/message.ts";
import { type FormScreen, type PanelScreen, pagedBlocks } from "../../../src/core/screens/screens.ts";
import { dateTime, rich } from "../../../src/core/screens/text.ts";

/** 16:00 UTC: 17:00 in Rome in March. */
export const meetingAt = new Date("2027-03-12T16:00:00Z");

/** One message with every block kind. */
export const everyBlock: Message = {
  summary: rich`Kick-off on ${dateTime(meetingAt, "datetime")}`,
  blocks: [
    { kind: "heading", text: "Cluster 3: Smart grids" },
    {
      kind: "text",
      title: "Kick-off",
      text: rich`We meet on ${dateTime(meetingAt, "datetime")}. <!channel> *not bold*`,
      button: { actionId: "test.message-button", label: "I will come", value: "yes" },
    },
    {
      kind: "facts",
      facts: [
        { label: "Projects", value: "3" },
        { label: "Deadline", value: rich`${dateTime(meetingAt, "date")}` },
      ],
    },
    {
      kind: "list",
      items: [
        { title: "SMARTFAB", text: "homework complete", mark: "done" },
        { title: "GRIDS", text: "2 results to characterise", mark: "pending" },
        { title: "AGRI", text: "invitation failed", mark: "failed" },
        { text: "a plain item" },
      ],
    },
    {
      kind: "buttons",
      buttons: [
        { actionId: "test.message-button", label: "Join", value: "join", style: "primary" },
        { actionId: "test.message-button", label: "Not for us", value: "decline", style: "danger", confirm: "Sure?" },
      ],
    },
    { kind: "context", text: "Small print" },
    { kind: "divider" },
  ],
};

const form: FormSpec = {
  id: "test.form",
  title: "Plan an item",
  submitLabel: "Save",
  actions: {
    label: "How",
    choices: [
      { id: "draft", label: "Keep as a draft" },
      { id: "next", label: "Next step" },
    ],
  },
  fields: [
    { id: "name", label: "Name", kind: "text", required: true, maxLength: 50 },
    { id: "when", label: "When", kind: "datetime", required: false, initial: meetingAt },
    { id: "place", label: "Place", kind: "search", source: "places", required: false },
  ],
};

export const formScreen: FormScreen = { kind: "form", form, notifyOnClose: true, context: { step: 1 } };

/** A panel long enough to be paged. */
export function longPanel(page: number): PanelScreen {
  const body = Array.from({ length: 120 }, (_, index) => ({ kind: "text" as const, text: `Item ${index + 1}` }));
  const paged = pagedBlocks({
    head: [
      { kind: "heading", text: "Many items" },
      { kind: "buttons", buttons: [{ actionId: "test.refuse-here", label: "Lock the list", value: "" }] },
    ],
    body,
    tail: [{ kind: "buttons", buttons: [{ actionId: "test.close", label: "Done", value: "" }] }],
    page,
    pagerActionId: "test.page",
  });
  return { kind: "panel", id: "test.panel", title: "Items", blocks: paged.blocks, context: { page: paged.page } };
}

/** What the routes heard, for the test to read. */
export const heard: { closed: unknown[]; submitted: unknown[] } = { closed: [], submitted: [] };

export const replyRoutes: Route[] = [
  onCommand("blocks", async () => reply.message(everyBlock)),
  onCommand("form", async () => reply.open(formScreen)),
  onCommand("panel", async () => reply.open(longPanel(0))),
  onCommand("refuse", async () => {
    throw new Refusal("not_facilitator", "Only facilitators may do that.");
  }),
  onCommand("errors", async () => reply.errors({ name: "not here" }, "Errors outside a form")),
  onSubmit("test.form", async ({ interaction }) => {
    heard.submitted.push({ action: interaction.action, values: interaction.values, context: interaction.context });
    const name = typeof interaction.values.name === "string" ? interaction.values.name.trim() : "";
    if (name === "") return reply.errors({ name: "Please give the item a name." }, "The item needs a name.");
    if (interaction.action === "next") return reply.push(longPanel(0));
    return reply.close({ message: { summary: `Saved "${name}".` } });
  }),
  onClosed("test.form", async ({ interaction }) => {
    heard.closed.push({ values: interaction.values, context: interaction.context });
    return reply.none();
  }),
  onSuggest("test.form", "place", async ({ interaction }) =>
    reply.suggestions(
      ["Turin", "Tunis", "Tours"]
        .filter((place) => place.toLowerCase().startsWith(interaction.query.toLowerCase()))
        .map((place) => ({ value: place.toLowerCase(), label: place })),
    ),
  ),
  onAction("test.page", async ({ interaction }) => reply.update(longPanel(Number(interaction.value)))),
  onAction("test.close", async () => reply.close({ message: { summary: "Closed the list." } })),
  onAction("test.refuse-here", async () => {
    throw new Refusal("read_only", "This list is read-only now.");
  }),
  onAction("test.message-button", async ({ interaction }) => reply.message(`You pressed ${interaction.value}.`)),
  onAction("test.home-button", async () => reply.open(formScreen)),
  onHome(async () =>
    reply.home({
      kind: "panel",
      id: "home",
      title: "Home",
      context: {},
      blocks: [
        { kind: "heading", text: "Your workshop" },
        {
          kind: "text",
          text: "One item to plan.",
          button: { actionId: "test.home-button", label: "Plan it", value: "" },
        },
      ],
    }),
  ),
];

// Every kind of Reply the core gives, drawn by the browser adapter through the workspace's bot API: a private
// message where the person acted, a dialog opened, the next step and a redraw in the same dialog (no stack), errors
// next to fields with a summary, close with a message, a refusal shown on top of the screen, suggestions, the home
// view, and a form's close heard when the screen asked for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { command, nextForm, nextPanel, press, submit } from "./app-harness.ts";
import type { LiveStream, WebPerson } from "./harness.ts";
import { type ReplyHarness, startReplyHarness } from "./reply-harness.ts";
import { heard, meetingAt } from "./reply-routes.ts";

describe.each(backends)("the browser adapter's replies (%s)", (backend) => {
  let web: ReplyHarness;
  let ana: WebPerson;
  let bo: WebPerson;
  let live: LiveStream;

  beforeAll(async () => {
    web = await startReplyHarness(backend);
    ana = await web.join("Ana");
    bo = await web.join("Bo");
    live = await ana.listen();
  });
  afterAll(() => web.stop());

  const botMessage = (pattern: RegExp, after = 0) =>
    live.next(
      (event) =>
        live.events.indexOf(event) >= after &&
        event.type === "message" &&
        event.message.author.kind === "bot" &&
        pattern.test(JSON.stringify(event.message.content.summary)),
    );

  it("gives the command list the adapter was made with to the message box", async () => {
    expect((await ana.get("/api/bootstrap")).body.commands).toEqual([{ words: "blocks", hint: "every block" }]);
  });

  it("answers a command privately where it was typed, with every block kind; a button on it answers there too", async () => {
    await command(ana, web.general, "blocks");
    const event = await botMessage(/Kick-off on/);
    if (event.type !== "message") throw new Error("no message");
    expect(event.message).toMatchObject({ channelId: web.general, private: true });
    expect(event.message.content.summary).toEqual(["Kick-off on ", { at: meetingAt.toISOString(), show: "datetime" }]);
    expect(event.message.content.blocks?.map((block) => block.kind)).toEqual([
      "heading",
      "text",
      "facts",
      "list",
      "buttons",
      "context",
      "divider",
    ]);
    expect((await bo.get("/api/messages", { channel: web.general })).body.messages).toEqual([]);

    const at = live.events.length;
    await ana.post("/api/actions", { messageId: event.message.id, actionId: "test.message-button", value: "join" });
    const answer = await botMessage(/You pressed join/, at);
    expect(answer.type === "message" && answer.message).toMatchObject({ channelId: web.general, private: true });
  });

  it("opens a form; errors come back next to the field with the summary above; the typed text stays", async () => {
    const opened = live.events.length;
    await command(ana, web.general, "form");
    const form = await nextForm(live, "test.form", opened);
    expect(form.actions).toEqual([
      { id: "draft", label: "Keep as a draft" },
      { id: "next", label: "Next step", style: "primary" },
    ]);
    expect(form.values).toMatchObject({ when: meetingAt.toISOString(), name: null });
    const at = live.events.length;
    await submit(ana, form, { name: " ", when: "2027-03-13T09:30:00.000Z" }, "draft");
    const refused = await nextForm(live, "test.form", at);
    expect(refused).toMatchObject({
      id: form.id,
      errors: { name: "Please give the item a name." },
      notice: "The item needs a name.",
      values: { name: " ", when: "2027-03-13T09:30:00.000Z" },
    });
    expect(heard.submitted.at(-1)).toMatchObject({ action: "draft", context: { step: 1 } });
  });

  it("suggests as the person types, through the core's route", async () => {
    const dialog = (await ana.get("/api/bootstrap")).body.dialog;
    const found = await ana.get("/api/dialogs/suggest", { dialog: dialog.id, field: "place", q: "tu" });
    expect(found.body.options).toEqual([
      { value: "turin", label: "Turin" },
      { value: "tunis", label: "Tunis" },
    ]);
  });

  it("pushes the next step into the same dialog, redraws it a page at a time, and shows a refusal on top", async () => {
    const form = (await ana.get("/api/bootstrap")).body.dialog;
    let at = live.events.length;
    await submit(ana, form, { name: "Pilot line" }, "next");
    const panel = await nextPanel(live, "test.panel", at);
    expect(panel.id).toBe(form.id);
    expect(JSON.stringify(panel.blocks)).toContain("Page 1 of");

    at = live.events.length;
    await press(ana, panel, "Next");
    const second = await nextPanel(live, "test.panel", at);
    expect(second.id).toBe(form.id);
    expect(JSON.stringify(second.blocks)).toContain("Page 2 of");
    // A button that is not on the panel is refused, and the core hears nothing.
    expect((await ana.post("/api/actions", { dialogId: second.id, actionId: "test.close", value: "x" })).status).toBe(
      404,
    );

    at = live.events.length;
    await press(ana, second, "Lock the list");
    const notice = await nextPanel(live, "notice", at);
    expect(notice).toMatchObject({ id: form.id, title: "Not possible" });
    expect(JSON.stringify(notice.blocks)).toContain("This list is read-only now.");
  });

  it("closes the dialog and says why in the person's conversation with Clusterbot", async () => {
    const opened = live.events.length;
    await command(ana, web.general, "panel");
    const panel = await nextPanel(live, "test.panel", opened);
    const at = live.events.length;
    await press(ana, panel, "Done");
    await live.next(
      (event) =>
        live.events.indexOf(event) >= at &&
        event.type === "dialog" &&
        event.dialog === null &&
        event.closedId === panel.id,
    );
    const said = await botMessage(/Closed the list/, at);
    const dm = (await ana.get("/api/bootstrap")).body.channels.find((channel: { withBot: boolean }) => channel.withBot);
    expect(said.type === "message" && said.message.channelId).toBe(dm.id);
  });

  it("closes a form after a save with its message, and hears a close only from forms that ask for it", async () => {
    let at = live.events.length;
    await command(ana, web.general, "form");
    const form = await nextForm(live, "test.form", at);
    at = live.events.length;
    await submit(ana, form, { name: "Data set" }, "draft");
    await live.next(
      (event) => live.events.indexOf(event) >= at && event.type === "dialog" && event.closedId === form.id,
    );
    await botMessage(/Saved \\"Data set\\"/, at);

    at = live.events.length;
    await command(ana, web.general, "form");
    const again = await nextForm(live, "test.form", at);
    await ana.post("/api/dialogs/close", { dialogId: again.id, values: { name: "Half typed" } });
    await web.web.service.context.bot.drain(5000);
    expect(heard.closed.at(-1)).toEqual({
      values: expect.objectContaining({ name: "Half typed" }),
      context: { step: 1 },
    });

    const closedBefore = heard.closed.length;
    at = live.events.length;
    await command(ana, web.general, "panel");
    const panel = await nextPanel(live, "test.panel", at);
    await ana.post("/api/dialogs/close", { dialogId: panel.id, values: {} });
    await web.web.service.context.bot.drain(5000);
    expect(heard.closed).toHaveLength(closedBefore);
  });

  it("answers a refused command privately, and errors outside a form as a message", async () => {
    const at = live.events.length;
    await command(ana, web.general, "refuse");
    await botMessage(/Only facilitators may do that/, at);
    await command(ana, web.general, "errors");
    await botMessage(/Errors outside a form not here/, at);
  });

  it("draws the home view when the person looks at it; its button opens a dialog", async () => {
    await ana.post("/api/home/opened");
    const home = await live.next((event) => event.type === "home" && event.home !== null);
    expect(home.type === "home" && home.home).toEqual({
      title: "Home",
      blocks: [
        { kind: "heading", text: "Your workshop" },
        {
          kind: "text",
          text: "One item to plan.",
          button: { actionId: "test.home-button", label: "Plan it", value: "" },
        },
      ],
    });
    const at = live.events.length;
    expect((await ana.post("/api/actions", { messageId: null, actionId: "test.home-button", value: "" })).status).toBe(
      202,
    );
    await nextForm(live, "test.form", at);
  });
});

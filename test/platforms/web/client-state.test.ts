// The page's state as live events and answers arrive in any order (pure reducer, no browser needed).
import { describe, expect, it } from "vitest";
import { initialState, reduce, type State } from "../../../src/platforms/web/client/state.ts";
import type { Bootstrap, DialogView, WireMessage } from "../../../src/platforms/web/protocol.ts";

const boot: Bootstrap = {
  me: { id: "ana", name: "Ana", timezone: null },
  workspace: { name: "Local workspace" },
  people: [],
  channels: [
    {
      id: "general",
      kind: "public",
      name: "general",
      topic: null,
      memberIds: [],
      isMember: true,
      withBot: false,
      unread: 0,
    },
    {
      id: "dm",
      kind: "direct",
      name: "Bo",
      topic: null,
      memberIds: ["ana", "bo"],
      isMember: true,
      withBot: false,
      unread: 0,
    },
  ],
  commands: [],
  dialog: null,
  home: null,
  devSignIn: true,
  botConnected: true,
};

const message = (id: string, seq: number, extra: Partial<WireMessage> = {}): WireMessage => ({
  id,
  seq,
  channelId: "general",
  threadRootId: null,
  author: { kind: "person", id: "bo", name: "Bo" },
  content: { summary: id },
  createdAt: "2027-01-01T10:00:00Z",
  editedAt: null,
  pinned: false,
  version: 1,
  replyCount: 0,
  lastReplyAt: null,
  private: false,
  ...extra,
});

const dialog = (version: number, status: DialogView["status"] = "open"): DialogView => ({
  kind: "form",
  id: "d1",
  version,
  formId: "workshop.setup",
  title: "New workshop",
  intro: null,
  fields: [],
  actions: [{ id: "save", label: "Save" }],
  closeLabel: "Cancel",
  values: {},
  errors: {},
  notice: null,
  status,
});

describe("the page's state", () => {
  it("never brings back a dialog that was closed, whatever arrives late", () => {
    let state: State = initialState(boot);
    state = reduce(state, { type: "dialog", dialog: dialog(1), closedId: null });
    state = reduce(state, { type: "dialog", dialog: null, closedId: "d1" });
    state = reduce(state, { type: "dialog", dialog: dialog(2, "pending"), closedId: null });
    expect(state.dialog).toBeNull();
  });

  it("keeps the newest version of a dialog", () => {
    let state = reduce(initialState(boot), { type: "dialog", dialog: dialog(3), closedId: null });
    state = reduce(state, { type: "dialog", dialog: dialog(2, "pending"), closedId: null });
    expect(state.dialog?.version).toBe(3);
  });

  it("orders messages by seq, replaces edits, and counts unread ones elsewhere", () => {
    let state = reduce(initialState(boot), {
      type: "messages",
      channelId: "general",
      messages: [message("a", 1)],
      hasMore: false,
      older: false,
    });
    state = reduce(state, { type: "message", message: message("c", 3), viewingChannelId: "dm" });
    state = reduce(state, { type: "message", message: message("b", 2), viewingChannelId: "dm" });
    state = reduce(state, {
      type: "message",
      message: message("b", 2, { version: 2, content: { summary: "b!" } }),
      viewingChannelId: "dm",
    });
    state = reduce(state, { type: "message", message: message("a", 1), viewingChannelId: "dm" });
    expect(state.messages.general?.list.map((m) => m.content.summary)).toEqual(["a", "b!", "c"]);
    expect(state.channels.find((channel) => channel.id === "general")?.unread).toBe(2);
    state = reduce(state, {
      type: "message",
      message: message("d", 4, { author: { kind: "person", id: "ana", name: "Ana" } }),
      viewingChannelId: "dm",
    });
    expect(state.channels.find((channel) => channel.id === "general")?.unread).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackStandIn } from "./index.ts";
import { ALICE, BOB, BOT_USER_ID, CAROL, callApi, modal, startStandIn } from "./support.ts";

const GENERAL = "C0GENERAL01";

describe("Slack stand-in Web API over HTTP", () => {
  let standIn: SlackStandIn;
  let now: number;

  beforeEach(async () => {
    now = Date.UTC(2025, 5, 2, 9, 0, 0);
    standIn = await startStandIn({ clock: () => now });
  });
  afterEach(() => standIn.close());

  describe("requests", () => {
    it("checks the token and the method name", async () => {
      expect((await callApi(standIn, "auth.test", {}, { token: null })).body).toEqual({
        ok: false,
        error: "not_authed",
      });
      expect((await callApi(standIn, "auth.test", {}, { token: "xoxb-nope" })).body.error).toBe("invalid_auth");
      expect((await callApi(standIn, "chat.postSomething")).body).toEqual({ ok: false, error: "unknown_method" });
    });

    it("accepts JSON bodies and form bodies with JSON-encoded fields alike", async () => {
      const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Hi*" } }];
      const viaJson = await callApi(
        standIn,
        "chat.postMessage",
        { channel: GENERAL, text: "a", blocks },
        { json: true },
      );
      const viaForm = await callApi(standIn, "chat.postMessage", { channel: GENERAL, text: "b", blocks });
      expect(viaJson.body.ok).toBe(true);
      expect(viaForm.body.ok).toBe(true);
      const stored = standIn.state.messagesIn(GENERAL);
      expect(stored.map((m) => m.text)).toEqual(["a", "b"]);
      expect(stored[1]?.blocks?.[0]).toMatchObject({ type: "section", block_id: expect.any(String) });
      expect(standIn.state.calls.map((c) => c.args.blocks)).toEqual([expect.any(Array), expect.any(Array)]);
    });

    it("answers invalid JSON with invalid_json and records every call", async () => {
      const response = await fetch(`${standIn.url}auth.test`, {
        method: "POST",
        headers: { authorization: `Bearer ${standIn.botToken}`, "content-type": "application/json" },
        body: "{nope",
      });
      expect(await response.json()).toEqual({ ok: false, error: "invalid_json" });
      expect(standIn.state.calls).toHaveLength(1);
      expect(standIn.state.calls[0]).toMatchObject({ method: "auth.test", status: 200 });
    });
  });

  describe("chat", () => {
    it("rejects text over 40 000 characters and more than 50 blocks", async () => {
      const long = await callApi(standIn, "chat.postMessage", { channel: GENERAL, text: "x".repeat(40_001) });
      expect(long.body).toEqual({ ok: false, error: "msg_too_long" });
      const blocks = Array.from({ length: 51 }, () => ({ type: "divider" }));
      const many = await callApi(standIn, "chat.postMessage", { channel: GENERAL, text: "t", blocks });
      expect(many.body).toEqual({
        ok: false,
        error: "invalid_blocks",
        response_metadata: { messages: ["[ERROR] no more than 50 items allowed [json-pointer:/blocks]"] },
      });
      expect(standIn.state.messagesIn(GENERAL)).toHaveLength(0);
    });

    it("needs the bot in the channel and knows unknown channels", async () => {
      standIn.state.addChannel({ id: "C0OTHER0001", name: "other", members: [ALICE] });
      standIn.state.addChannel({ id: "G0SECRET001", name: "secret", isPrivate: true, members: [ALICE] });
      const post = (channel: string) => callApi(standIn, "chat.postMessage", { channel, text: "hi" });
      expect((await post("C0OTHER0001")).body.error).toBe("not_in_channel");
      expect((await post("G0SECRET001")).body.error).toBe("channel_not_found");
      expect((await post("C0MISSING01")).body.error).toBe("channel_not_found");
      expect((await post("#general")).body.ok).toBe(true);
    });

    it("threads replies, updates, deletes and links messages", async () => {
      const parent = await callApi(standIn, "chat.postMessage", { channel: GENERAL, text: "parent" });
      const ts = String(parent.body.ts);
      const reply = await callApi(standIn, "chat.postMessage", { channel: GENERAL, text: "reply", thread_ts: ts });
      expect(reply.body.message).toMatchObject({ thread_ts: ts });
      const badThread = await callApi(standIn, "chat.postMessage", { channel: GENERAL, text: "x", thread_ts: "1.2" });
      expect(badThread.body.error).toBe("invalid_thread_ts");

      const replies = await callApi(standIn, "conversations.replies", { channel: GENERAL, ts });
      expect((replies.body.messages as { text: string }[]).map((m) => m.text)).toEqual(["parent", "reply"]);
      const history = await callApi(standIn, "conversations.history", { channel: GENERAL });
      expect(history.body.messages).toEqual([expect.objectContaining({ text: "parent", reply_count: 1 })]);

      const updated = await callApi(standIn, "chat.update", { channel: GENERAL, ts, text: "edited" });
      expect(updated.body).toMatchObject({ ok: true, text: "edited" });
      const link = await callApi(standIn, "chat.getPermalink", { channel: GENERAL, message_ts: ts });
      expect(link.body.permalink).toBe(`https://stand-in.slack.com/archives/${GENERAL}/p${ts.replace(".", "")}`);
      expect((await callApi(standIn, "chat.delete", { channel: GENERAL, ts })).body.ok).toBe(true);
      expect((await callApi(standIn, "chat.update", { channel: GENERAL, ts, text: "x" })).body.error).toBe(
        "message_not_found",
      );
    });

    it("filters history by oldest/latest and pages it", async () => {
      const stamps: string[] = [];
      for (let i = 0; i < 5; i++) {
        now += 1000;
        const posted = await callApi(standIn, "chat.postMessage", { channel: GENERAL, text: `m${i}` });
        stamps.push(String(posted.body.ts));
      }
      const window = await callApi(standIn, "conversations.history", {
        channel: GENERAL,
        oldest: stamps[1],
        latest: stamps[3],
        inclusive: true,
      });
      expect((window.body.messages as { text: string }[]).map((m) => m.text)).toEqual(["m3", "m2", "m1"]);
      const first = await callApi(standIn, "conversations.history", { channel: GENERAL, limit: 2 });
      expect(first.body.has_more).toBe(true);
      const cursor = (first.body.response_metadata as { next_cursor: string }).next_cursor;
      const second = await callApi(standIn, "conversations.history", { channel: GENERAL, limit: 2, cursor });
      expect((second.body.messages as { text: string }[]).map((m) => m.text)).toEqual(["m2", "m1"]);
    });

    it("posts ephemerals only to channel members", async () => {
      const ok = await callApi(standIn, "chat.postEphemeral", { channel: GENERAL, user: ALICE, text: "psst" });
      expect(ok.body).toMatchObject({ ok: true, message_ts: expect.any(String) });
      const notMember = await callApi(standIn, "chat.postEphemeral", { channel: GENERAL, user: CAROL, text: "x" });
      expect(notMember.body.error).toBe("user_not_in_channel");
      expect(standIn.state.ephemerals).toEqual([expect.objectContaining({ user: ALICE, text: "psst" })]);
    });
  });

  describe("views", () => {
    const openModal = (view: Record<string, unknown>, userId = ALICE) =>
      callApi(standIn, "views.open", { trigger_id: standIn.state.issueTrigger(userId), view });

    it("opens a modal for a fresh trigger and refuses unknown, used and expired ones", async () => {
      const triggerId = standIn.state.issueTrigger(ALICE);
      const opened = await callApi(standIn, "views.open", { trigger_id: triggerId, view: modal() });
      expect(opened.body).toMatchObject({
        ok: true,
        view: { id: expect.stringMatching(/^V/), callback_id: "homework" },
      });
      expect(standIn.state.topView(ALICE)?.callback_id).toBe("homework");
      expect((await callApi(standIn, "views.open", { trigger_id: triggerId, view: modal() })).body.error).toBe(
        "exchanged_trigger_id",
      );
      expect((await callApi(standIn, "views.open", { trigger_id: "123.456.abc", view: modal() })).body.error).toBe(
        "invalid_trigger_id",
      );
      const old = standIn.state.issueTrigger(ALICE);
      now += 3001;
      expect((await callApi(standIn, "views.open", { trigger_id: old, view: modal() })).body.error).toBe(
        "expired_trigger_id",
      );
    });

    it("reports view limits with Slack's messages", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [modal({ title: { type: "plain_text", text: "A title that is too long!" } }), "/view/title/text"],
        [modal({ title: { type: "mrkdwn", text: "Title" } }), "/view/title/type"],
        [modal({ blocks: Array.from({ length: 101 }, () => ({ type: "divider" })) }), "/view/blocks"],
        [modal({ private_metadata: "m".repeat(3001) }), "/view/private_metadata"],
        [modal({ callback_id: "c".repeat(256) }), "/view/callback_id"],
        [
          modal({
            blocks: [
              {
                type: "input",
                block_id: "pick",
                label: { type: "plain_text", text: "Pick" },
                element: {
                  type: "multi_static_select",
                  action_id: "pick",
                  options: Array.from({ length: 101 }, (_, i) => ({
                    text: { type: "plain_text", text: `o${i}` },
                    value: `o${i}`,
                  })),
                },
              },
            ],
          }),
          "/view/blocks/0/element/options",
        ],
      ];
      for (const [view, pointer] of cases) {
        const answer = await openModal(view);
        expect(answer.body.error).toBe("invalid_arguments");
        const messages = (answer.body.response_metadata as { messages: string[] }).messages;
        expect(messages.some((m) => m.startsWith("[ERROR]") && m.endsWith(`[json-pointer:${pointer}]`))).toBe(true);
      }
      expect(standIn.state.views.size).toBe(0);
    });

    it("allows at most three stacked views", async () => {
      const opened = await openModal(modal());
      const rootId = (opened.body.view as { id: string }).id;
      for (let i = 0; i < 2; i++) {
        const trigger = standIn.state.issueTrigger(ALICE, rootId);
        expect((await callApi(standIn, "views.push", { trigger_id: trigger, view: modal() })).body.ok).toBe(true);
      }
      const trigger = standIn.state.issueTrigger(ALICE, rootId);
      const pushed = await callApi(standIn, "views.push", { trigger_id: trigger, view: modal() });
      expect(pushed.body.error).toBe("push_limit_reached");
      expect(standIn.state.openViews(ALICE).map((v) => v.root_view_id)).toEqual([rootId, rootId, rootId]);
    });

    it("updates by view_id or external_id and checks the hash", async () => {
      const opened = await openModal(modal({ external_id: "hw-1" }));
      const view = opened.body.view as { id: string; hash: string };
      const byId = await callApi(standIn, "views.update", {
        view_id: view.id,
        hash: view.hash,
        view: modal({ external_id: "hw-1", title: { type: "plain_text", text: "Step 2" } }),
      });
      expect(byId.body).toMatchObject({ ok: true, view: { id: view.id, title: { text: "Step 2" } } });
      const stale = await callApi(standIn, "views.update", { view_id: view.id, hash: view.hash, view: modal() });
      expect(stale.body.error).toBe("hash_conflict");
      const byExternal = await callApi(standIn, "views.update", { external_id: "hw-1", view: modal() });
      expect((byExternal.body.view as { id: string }).id).toBe(view.id);
      expect((await callApi(standIn, "views.update", { view_id: "V0NOPE", view: modal() })).body.error).toBe(
        "not_found",
      );
    });

    it("publishes App Home views per user", async () => {
      const home = { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "Welcome" } }] };
      const first = await callApi(standIn, "views.publish", { user_id: BOB, view: home });
      const second = await callApi(standIn, "views.publish", { user_id: BOB, view: { ...home, blocks: [] } });
      expect((second.body.view as { id: string }).id).toBe((first.body.view as { id: string }).id);
      expect(standIn.state.homeView(BOB)?.blocks).toEqual([]);
      expect((await callApi(standIn, "views.publish", { user_id: "U0GHOST", view: home })).body.error).toBe(
        "user_not_found",
      );
    });
  });

  describe("conversations, users, dnd", () => {
    it("validates channel names like Slack", async () => {
      const create = (name: string) => callApi(standIn, "conversations.create", { name });
      expect((await create("Team-Blue")).body.error).toBe("invalid_name_specials");
      expect((await create("team blue")).body.error).toBe("invalid_name_specials");
      expect((await create("a".repeat(81))).body.error).toBe("invalid_name_maxlength");
      expect((await create("general")).body.error).toBe("name_taken");
      expect((await create("team_blue-2")).body.ok).toBe(true);
    });

    it("joins public channels, sets topics and lists members", async () => {
      standIn.state.addChannel({ id: "C0LOBBY0001", name: "lobby", members: [ALICE] });
      expect(
        (await callApi(standIn, "conversations.setTopic", { channel: "C0LOBBY0001", topic: "x" })).body.error,
      ).toBe("not_in_channel");
      expect((await callApi(standIn, "conversations.join", { channel: "C0LOBBY0001" })).body.ok).toBe(true);
      const again = await callApi(standIn, "conversations.join", { channel: "C0LOBBY0001" });
      expect(again.body.warning).toBe("already_in_channel");
      const topic = await callApi(standIn, "conversations.setTopic", { channel: "C0LOBBY0001", topic: "Round 1" });
      expect(topic.body.channel).toMatchObject({ topic: { value: "Round 1", creator: BOT_USER_ID } });
      const info = await callApi(standIn, "conversations.info", { channel: "C0LOBBY0001" });
      expect(info.body.channel).toMatchObject({ name: "lobby", is_member: true, num_members: 2 });
    });

    it("opens group DMs and lists users", async () => {
      const mpim = await callApi(standIn, "conversations.open", { users: `${ALICE},${BOB}` });
      expect((mpim.body.channel as { id: string }).id).toMatch(/^G/);
      const list = await callApi(standIn, "users.list", { limit: 2 });
      expect(list.body.members).toHaveLength(2);
      expect((list.body.response_metadata as { next_cursor: string }).next_cursor).not.toBe("");
      expect((await callApi(standIn, "users.info", { user: "U0NOBODY" })).body.error).toBe("user_not_found");
    });

    it("reports DnD status per user", async () => {
      expect((await callApi(standIn, "dnd.info", { user: ALICE })).body).toEqual({
        ok: true,
        dnd_enabled: false,
        next_dnd_start_ts: 1,
        next_dnd_end_ts: 1,
        snooze_enabled: false,
      });
      standIn.state.setDnd(BOB, {
        dnd_enabled: true,
        next_dnd_start_ts: 1_748_890_800,
        next_dnd_end_ts: 1_748_919_600,
        snooze_enabled: true,
        snooze_endtime: 1_748_870_000,
      });
      expect((await callApi(standIn, "dnd.info", { user: BOB })).body).toMatchObject({
        dnd_enabled: true,
        snooze_enabled: true,
      });
    });
  });
});

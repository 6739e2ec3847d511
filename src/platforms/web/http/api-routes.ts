// What a signed-in person does in the workspace: read and post messages, threads, channels, commands, buttons.
import { z } from "zod";
import type { Bootstrap } from "../protocol.ts";
import { channelNameFrom } from "../service/channels.ts";
import { Refusal } from "../service/errors.ts";
import type { WorkspaceService } from "../service/index.ts";
import { homeOf } from "../service/records.ts";
import { get, post, type WebRoute } from "./route-kit.ts";
import { type DevSignIn, devSignInAllowed } from "./session-routes.ts";

const id = z.string().min(1).max(100);
const text = z.string().max(100_000);
const pageSize = 50;

export function apiRoutes(options: { service: WorkspaceService; devSignIn: DevSignIn }): WebRoute[] {
  const { service } = options;
  const { store } = service.context;

  return [
    get("/api/bootstrap", "person", async ({ request, session }) => {
      const userId = session!.userId;
      const [me, people, channels, dialog, home] = await Promise.all([
        store.accounts.find(userId),
        store.accounts.list(),
        service.channels.listFor(userId),
        service.dialogs.current(userId),
        store.homes.find(userId),
      ]);
      if (!me) throw new Refusal("unauthenticated", "Please sign in.");
      const body: Bootstrap = {
        me,
        workspace: { name: service.context.workspace.name },
        people,
        channels,
        commands: service.context.bot.commands,
        dialog,
        home: homeOf(home),
        devSignIn: devSignInAllowed(options.devSignIn, request),
        botConnected: service.context.bot.connected,
      };
      return { body };
    }),

    get("/api/messages", "person", async ({ session, query }) => {
      const before = Number(query.get("before"));
      const page = await service.messages.page(session!.userId, query.get("channel") ?? "", {
        limit: pageSize,
        ...(Number.isInteger(before) && before > 0 ? { beforeSeq: before } : {}),
      });
      return { body: page };
    }),

    get("/api/thread", "person", async ({ session, query }) => {
      return { body: await service.messages.thread(session!.userId, query.get("root") ?? "") };
    }),

    post(
      "/api/messages",
      "person",
      z.object({ channelId: id, threadRootId: id.nullable().optional(), text }),
      async ({ session, body }) => {
        const message = await service.messages.postAsPerson(session!.userId, {
          channelId: body.channelId,
          threadRootId: body.threadRootId ?? null,
          text: body.text,
        });
        return { status: 201, body: { message } };
      },
    ),

    post(
      "/api/messages/edit",
      "person",
      z.object({ messageId: id, version: z.number().int(), text }),
      async ({ session, body }) => ({ body: { message: await service.messages.editAsPerson(session!.userId, body) } }),
    ),

    post(
      "/api/channels",
      "person",
      z.object({
        name: z.string().max(200),
        visibility: z.enum(["public", "private"]),
        topic: z.string().max(250).optional(),
        memberIds: z.array(id).max(1000).default([]),
      }),
      async ({ session, body }) => {
        const channel = await service.channels.create(session!.userId, {
          name: channelNameFrom(body.name),
          kind: body.visibility,
          topic: body.topic?.trim() || null,
          memberIds: body.memberIds,
        });
        return { status: 201, body: { channel: await service.channels.wire(channel, session!.userId) } };
      },
    ),

    post("/api/channels/join", "person", z.object({ channelId: id }), async ({ session, body }) => {
      const channel = await service.channels.join(session!.userId, body.channelId);
      return { body: { channel: await service.channels.wire(channel, session!.userId) } };
    }),

    post(
      "/api/channels/read",
      "person",
      z.object({ channelId: id, seq: z.number().int().min(0) }),
      async ({ session, body }) => {
        await service.channels.markRead(session!.userId, body.channelId, body.seq);
        return { body: { ok: true } };
      },
    ),

    post("/api/direct", "person", z.object({ with: id }), async ({ session, body }) => {
      const channel = await service.channels.openDirect(session!.userId, body.with);
      return { body: { channel: await service.channels.wire(channel, session!.userId) } };
    }),

    post(
      "/api/commands",
      "person",
      z.object({ channelId: id, threadRootId: id.nullable().optional(), text: z.string().max(4000) }),
      async ({ session, body }) => {
        const result = await service.messages.command(session!.userId, {
          channelId: body.channelId,
          threadRootId: body.threadRootId ?? null,
          text: body.text,
        });
        return { status: 202, body: result };
      },
    ),

    post(
      "/api/actions",
      "person",
      z.object({
        messageId: id.nullable().optional(),
        dialogId: id.optional(),
        actionId: z.string().max(255),
        value: z.string().max(2000),
      }),
      async ({ session, body }) => {
        const { actionId, value } = body;
        if (body.dialogId) await service.dialogs.press(session!.userId, { dialogId: body.dialogId, actionId, value });
        else await service.messages.press(session!.userId, { messageId: body.messageId ?? null, actionId, value });
        return { status: 202, body: { ok: true } };
      },
    ),

    post("/api/home/opened", "person", z.object({}), async ({ session }) => ({
      status: 202,
      body: { delivered: service.messages.homeOpened(session!.userId) },
    })),
  ];
}

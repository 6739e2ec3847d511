// A person's side of a dialog: submit with one of its actions, close, keep a draft, type-ahead suggestions.
import { z } from "zod";
import type { WorkspaceService } from "../service/index.ts";
import { get, post, type WebRoute } from "./route-kit.ts";

const dialogId = z.string().min(1).max(100);
const values = z.record(z.string().max(200), z.unknown());

export function dialogRoutes(service: WorkspaceService): WebRoute[] {
  return [
    post(
      "/api/dialogs/submit",
      "person",
      z.object({ dialogId, version: z.number().int(), actionId: z.string().max(100), values }),
      async ({ session, body }) => ({
        status: 202,
        body: { dialog: await service.dialogs.submit(session!.userId, body) },
      }),
    ),

    post("/api/dialogs/close", "person", z.object({ dialogId, values }), async ({ session, body }) => {
      await service.dialogs.closeByPerson(session!.userId, body);
      return { body: { ok: true } };
    }),

    post("/api/dialogs/draft", "person", z.object({ dialogId, values }), async ({ session, body }) => ({
      body: { saved: await service.dialogs.saveDraft(session!.userId, body) },
    })),

    get("/api/dialogs/suggest", "person", async ({ session, query }) => ({
      body: {
        options: await service.dialogs.suggest(session!.userId, {
          dialogId: query.get("dialog") ?? "",
          fieldId: query.get("field") ?? "",
          query: query.get("q") ?? "",
        }),
      },
    })),
  ];
}

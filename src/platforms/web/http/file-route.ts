// Files with messages: a person sends one (its bytes as the body, refused beyond the limit before it is all read);
// downloads only for someone who may read the message the file came with, always as an attachment (never drawn by
// the browser in the workspace's origin).
import { z } from "zod";
import { fileDownloadPath, fileUploadPath, maxUploadBytes, maxUploadTextLength } from "../protocol.ts";
import { Refusal } from "../service/errors.ts";
import type { WorkspaceService } from "../service/index.ts";
import { get, upload, type WebRoute } from "./route-kit.ts";

const uploadQuery = z.object({
  channelId: z.string().min(1).max(100),
  threadRootId: z.string().min(1).max(100).optional(),
  filename: z.string().trim().min(1).max(255),
  text: z.string().max(maxUploadTextLength).default(""),
});

/** `attachment; filename="…"; filename*=UTF-8''…`: a plain fallback and the exact name. */
export function attachmentHeader(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function fileRoute(service: WorkspaceService): WebRoute {
  return get(fileDownloadPath, "person", async ({ session, query, response }) => {
    const file = await service.messages.file(session!.userId, query.get("id") ?? "");
    response.writeHead(200, {
      "content-type": file.contentType,
      "content-length": file.bytes.byteLength,
      "content-disposition": attachmentHeader(file.filename),
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    response.end(file.bytes);
    return undefined;
  });
}

export function uploadRoute(service: WorkspaceService): WebRoute {
  return upload(fileUploadPath, { limit: maxUploadBytes, what: "the file" }, async ({ session, query, body }) => {
    const parsed = uploadQuery.safeParse(Object.fromEntries(query));
    if (!parsed.success) {
      throw new Refusal(
        "invalid",
        `Say where the file goes and its name (the text with it: at most ${maxUploadTextLength} characters).`,
      );
    }
    const { threadRootId, ...rest } = parsed.data;
    const message = await service.messages.postFileAsPerson(session!.userId, {
      ...rest,
      threadRootId: threadRootId ?? null,
      bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
    });
    return { status: 201, body: { message } };
  });
}

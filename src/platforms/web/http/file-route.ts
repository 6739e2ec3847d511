// Downloads of files the bot shared: only for someone who may read the message the file came with, always as an
// attachment (never drawn by the browser in the workspace's origin).
import { fileDownloadPath } from "../protocol.ts";
import type { WorkspaceService } from "../service/index.ts";
import { get, type WebRoute } from "./route-kit.ts";

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

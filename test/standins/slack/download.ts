// A shared file's `url_private_download`: the bytes for a request with the bot token; without it, Slack answers
// with its sign-in page (HTML, status 200), which is what a bot that forgets the token gets here too.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { WorkspaceState } from "./state.ts";

export const downloadPath = /^\/files-pri\/[A-Z0-9]+-([A-Z0-9]+)\/download\/[^/]+$/;

export function fileDownloadUrl(state: WorkspaceState, fileId: string, filename: string): string {
  return `${state.rootUrl}files-pri/${state.identity.teamId}-${fileId}/download/${encodeURIComponent(filename)}`;
}

export function handleDownload(state: WorkspaceState, fileId: string, req: IncomingMessage, res: ServerResponse): void {
  const file = state.files.get(fileId);
  if (req.headers.authorization !== `Bearer ${state.identity.botToken}`) {
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end("<html><body>Sign in to Slack</body></html>");
    return;
  }
  if (!file?.bytes) {
    res.writeHead(404, { "content-type": "text/plain" }).end("file not found");
    return;
  }
  file.downloads = (file.downloads ?? 0) + 1;
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.bytes.length) });
  res.end(file.bytes);
}

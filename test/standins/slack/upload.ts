// The upload URL files.getUploadURLExternal hands out: @slack/web-api posts the bytes there as multipart/form-data
// (one part named "body"); raw bytes are accepted too, as Slack does.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { WorkspaceState } from "./state.ts";

export async function handleUpload(
  state: WorkspaceState,
  fileId: string,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const file = state.files.get(fileId);
  if (!file || file.bytes) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const contentType = req.headers["content-type"] ?? "";
  let bytes = body;
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Request("http://stand-in/", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    }).formData();
    const part = form.get("body") ?? form.get("file");
    if (!(part instanceof Blob)) {
      res.writeHead(400, { "content-type": "text/plain" }).end("no file part");
      return;
    }
    bytes = Buffer.from(await part.arrayBuffer());
  }
  file.bytes = bytes;
  res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${bytes.length}`);
}

// A file shared with the bot, fetched from its `url_private_download` with the bot token. The token goes only to
// Slack's file host, or to the configured Web API host (a stand-in or proxy); any other URL is refused. No more than
// the reader's limit is read, whatever size the event claimed.
import { readCapped } from "../../../http/capped-download.ts";

const SLACK_FILE_ORIGIN = "https://files.slack.com";

export function fileDownloader(token: string | undefined, apiUrl: string | undefined) {
  const allowed = new Set([SLACK_FILE_ORIGIN, ...(apiUrl ? [new URL(apiUrl).origin] : [])]);
  return async (url: string, maxBytes: number): Promise<Uint8Array | "too-large" | "unavailable"> => {
    const target = new URL(url);
    if (!allowed.has(target.origin)) throw new Error(`refusing to download a file from ${target.origin}`);
    if (!token) throw new Error("no bot token to download a shared file with");
    const response = await fetch(target, { headers: { authorization: `Bearer ${token}` }, redirect: "follow" });
    // Slack answers a download without access with its sign-in page (HTML, status 200): not the file.
    const type = response.headers.get("content-type") ?? "";
    if (!response.ok || type.startsWith("text/html")) {
      await response.body?.cancel();
      // Deleted or no longer shared with the bot: sharing it again is the way out.
      if (response.status === 404 || response.status === 403 || type.startsWith("text/html")) return "unavailable";
      throw new Error(`could not download the shared file (HTTP ${response.status})`);
    }
    return readCapped(response, maxBytes);
  };
}

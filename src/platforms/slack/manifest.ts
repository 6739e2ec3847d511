// The committed Slack app manifest, with its request URLs filled in for one deployment.
import { readFile } from "node:fs/promises";
import { parse, stringify } from "yaml";

export const manifestPath = new URL("../../../manifests/slack/manifest.yaml", import.meta.url).pathname;

export interface SlackManifest {
  features: { slash_commands?: { command: string; url: string }[] };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions?: { request_url: string; bot_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url: string };
    socket_mode_enabled?: boolean;
  };
}

export async function readSlackManifest(): Promise<SlackManifest> {
  return parse(await readFile(manifestPath, "utf8")) as SlackManifest;
}

/** The manifest text for a public base URL (https://host[/prefix]); Socket Mode drops the request URLs. */
export async function renderSlackManifest(options: { baseUrl: string; socketMode?: boolean }): Promise<string> {
  const base = new URL(options.baseUrl);
  if (base.protocol !== "https:" && base.protocol !== "http:") throw new Error("the URL must start with https://");
  const baseUrl = base.toString().replace(/\/$/, "");
  const text = (await readFile(manifestPath, "utf8")).replaceAll("{{BASE_URL}}", baseUrl);
  if (!options.socketMode) return text;
  const manifest = parse(text) as SlackManifest & Record<string, unknown>;
  manifest.settings.socket_mode_enabled = true;
  return stringify(manifest);
}

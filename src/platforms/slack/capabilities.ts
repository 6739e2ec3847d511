// What the Slack adapter listens to, read off the real registration (so a manifest check cannot drift from it).
import type { App } from "@slack/bolt";

export interface SlackCapabilities {
  commands: Set<string>;
  events: Set<string>;
}

const recorded = { command: "commands", event: "events" } as const;

/** Events whose manifest subscriptions are named apart: `message` comes from `message.channels`, `message.groups` and `message.im`. */
const subscriptions: Record<string, string[]> = { message: ["message.channels", "message.groups", "message.im"] };

/** An App that records the commands and events registered on it, then registers them as usual. */
export function recordingApp(app: App, capabilities: SlackCapabilities): App {
  return new Proxy(app, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const kind = recorded[property as keyof typeof recorded];
      return (...args: unknown[]) => {
        if (kind && typeof args[0] === "string")
          for (const name of subscriptions[args[0]] ?? [args[0]]) capabilities[kind].add(name);
        return value.apply(target, args);
      };
    },
  });
}

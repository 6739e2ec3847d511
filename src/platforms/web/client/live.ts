// The live stream (Server-Sent Events): the browser reconnects by itself after a network blip; when the server
// refuses the stream (signed out, or restarted), we check the session and open a new one.
import type { LiveEvent } from "../protocol.ts";

const eventTypes: LiveEvent["type"][] = ["ready", "message", "channel", "person", "dialog", "home"];

export function connectLive(handlers: {
  onEvent(event: LiveEvent): void;
  onTrouble(): void;
  /** Resolves true when the stream should be opened again (still signed in). */
  onClosed(): Promise<boolean>;
}): () => void {
  let source: EventSource | undefined;
  let stopped = false;
  let retry: number | undefined;

  function open() {
    source = new EventSource("/api/events");
    for (const type of eventTypes) {
      source.addEventListener(type, (message) => {
        handlers.onEvent(JSON.parse((message as MessageEvent<string>).data) as LiveEvent);
      });
    }
    source.onerror = () => {
      handlers.onTrouble();
      if (source?.readyState !== EventSource.CLOSED) return;
      void handlers.onClosed().then((again) => {
        if (again && !stopped) retry = window.setTimeout(open, 2000);
      });
    };
  }

  open();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    source?.close();
  };
}

// The link to Clusterbot: who listens (at most one handler), and delivery of what people do after their browser
// has its answer. Deliveries in flight are tracked so shutdown can wait for them.
import type { FieldOption } from "../../../core/forms/spec.ts";
import type { Logger } from "../../../logging/logger.ts";
import type { SuggestQuery, WebBotHandler, WebInboundEvent } from "../bot-api.ts";

export interface BotLink {
  readonly connected: boolean;
  connect(handler: WebBotHandler): () => void;
  /** Hands the event to the bot in the background; `after` runs once it is handled (or failed). */
  deliver(event: WebInboundEvent, after?: (error: unknown) => Promise<void>): boolean;
  suggest(query: SuggestQuery): Promise<FieldOption[]>;
  /** Waits for deliveries in flight, at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

const suggestTimeoutMs = 3000;

export function createBotLink(logger: Logger): BotLink {
  let handler: WebBotHandler | undefined;
  const inFlight = new Set<Promise<void>>();

  return {
    get connected() {
      return handler !== undefined;
    },

    connect(next) {
      if (handler) throw new Error("a bot is already connected to this workspace");
      handler = next;
      return () => {
        if (handler === next) handler = undefined;
      };
    },

    deliver(event, after) {
      const current = handler;
      if (!current) return false;
      const work = (async () => {
        let failure: unknown;
        try {
          await current.handle(event);
        } catch (error) {
          failure = error;
          logger.error({ err: error, event: event.type, eventId: event.eventId }, "the bot failed on a web event");
        }
        await after?.(failure);
      })()
        .catch((error: unknown) => logger.error({ err: error, eventId: event.eventId }, "after a web event"))
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      return true;
    },

    async suggest(query) {
      if (!handler) return [];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<FieldOption[]>((resolve) => {
        timer = setTimeout(() => resolve([]), suggestTimeoutMs);
      });
      try {
        return await Promise.race([handler.suggest(query), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

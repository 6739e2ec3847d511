// The link to Clusterbot: who listens (at most one handler, with the commands it takes), and delivery of what
// people do after their browser has its answer. Deliveries in flight are tracked so shutdown can wait for them.
import type { FieldOption } from "../../../core/forms/spec.ts";
import type { Logger } from "../../../logging/logger.ts";
import type { BotRegistration, SuggestQuery, WebBotHandler, WebInboundEvent } from "../bot-api.ts";
import type { CommandWord } from "../protocol.ts";

export interface BotLink {
  readonly connected: boolean;
  /** The commands of the bot listening now (none when no bot is). */
  readonly commands: CommandWord[];
  connect(handler: WebBotHandler, registration: BotRegistration): () => void;
  /**
   * Hands the event to the bot in the background; `after` runs once it is handled (or failed). Null when no bot
   * listens; else a promise of the end of both (it never rejects).
   */
  deliver(event: WebInboundEvent, after?: (error: unknown) => Promise<void>): Promise<void> | null;
  suggest(query: SuggestQuery): Promise<FieldOption[]>;
  /** Tracks work the workspace does for the bot (a replay), so shutdown waits for it too. */
  track(work: Promise<unknown>): void;
  /** Waits for deliveries in flight, at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

const suggestTimeoutMs = 3000;

export function createBotLink(logger: Logger): BotLink {
  let listening: { handler: WebBotHandler; registration: BotRegistration } | undefined;
  const inFlight = new Set<Promise<void>>();

  const link: BotLink = {
    get connected() {
      return listening !== undefined;
    },

    get commands() {
      return listening?.registration.commands ?? [];
    },

    connect(handler, registration) {
      if (listening) throw new Error("a bot is already connected to this workspace");
      const mine = { handler, registration };
      listening = mine;
      return () => {
        if (listening === mine) listening = undefined;
      };
    },

    deliver(event, after) {
      const current = listening?.handler;
      if (!current) return null;
      const work = (async () => {
        let failure: unknown;
        try {
          await current.handle(event);
        } catch (error) {
          failure = error;
          logger.error({ err: error, event: event.type, eventId: event.eventId }, "the bot failed on a web event");
        }
        await after?.(failure);
      })().catch((error: unknown) => logger.error({ err: error, eventId: event.eventId }, "after a web event"));
      link.track(work);
      return work;
    },

    async suggest(query) {
      const current = listening?.handler;
      if (!current) return [];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<FieldOption[]>((resolve) => {
        timer = setTimeout(() => resolve([]), suggestTimeoutMs);
      });
      try {
        return await Promise.race([current.suggest(query), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    track(work) {
      const tracked = work.then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, "work for the bot failed"),
      );
      inFlight.add(tracked);
      void tracked.finally(() => inFlight.delete(tracked));
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
  return link;
}

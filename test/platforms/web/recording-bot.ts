// A bot connected through the workspace's bot API that records what people do and answers as a test tells it.
import { commandList } from "../../../src/app/commands/help.ts";
import type { FieldOption } from "../../../src/core/forms/spec.ts";
import type { SuggestQuery, WebBotApi, WebInboundEvent } from "../../../src/platforms/web/bot-api.ts";
import { patientMs } from "../../support/wait.ts";

export interface RecordingBot {
  events: WebInboundEvent[];
  queries: SuggestQuery[];
  /** What the bot does with each event (default: nothing). */
  onEvent: (event: WebInboundEvent) => Promise<void>;
  onSuggest: (query: SuggestQuery) => Promise<FieldOption[]>;
  next<T extends WebInboundEvent["type"]>(type: T, timeoutMs?: number): Promise<Extract<WebInboundEvent, { type: T }>>;
  disconnect(): void;
}

export function connectRecordingBot(bot: WebBotApi): RecordingBot {
  const waiters: (() => void)[] = [];
  let seen = 0;
  const recording: RecordingBot = {
    events: [],
    queries: [],
    onEvent: async () => undefined,
    onSuggest: async () => [],
    async next(type, timeoutMs = patientMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = recording.events.findIndex((event, position) => position >= seen && event.type === type);
        if (index >= 0) {
          seen = index + 1;
          return recording.events[index] as Extract<WebInboundEvent, { type: typeof type }>;
        }
        if (Date.now() > deadline) throw new Error(`the bot heard no ${type}: ${JSON.stringify(recording.events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    disconnect: () => undefined,
  };
  recording.disconnect = bot.connect(
    {
      async handle(event) {
        recording.events.push(event);
        for (const waiter of waiters.splice(0)) waiter();
        await recording.onEvent(event);
      },
      async suggest(query) {
        recording.queries.push(query);
        return recording.onSuggest(query);
      },
    },
    { commands: commandList() },
  );
  return recording;
}

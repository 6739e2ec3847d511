// pino: JSON lines for machines, readable lines when a person watches the terminal.
import { type Logger, pino } from "pino";

export type { Logger };

export function createLogger(level: string, pretty = process.stdout.isTTY === true): Logger {
  if (!pretty) return pino({ level, base: undefined });
  return pino({
    level,
    base: undefined,
    transport: {
      target: "pino-pretty",
      options: { colorize: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" },
    },
  });
}

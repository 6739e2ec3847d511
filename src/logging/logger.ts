// pino: JSON lines for machines, readable lines when a person watches the terminal. Every line passes through the
// redactor on its way out, whatever its level or whoever logged it (our code or the Slack libraries).
import { type DestinationStream, type Logger, pino } from "pino";
import { prettyFactory } from "pino-pretty";
import { createRedactor } from "./redact.ts";

export type { Logger };

export interface LoggerOptions {
  /** Secret values (from the settings) to cut out of every line, besides what looks like a credential. */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; standard output by default. */
  destination?: { write(text: string): unknown };
}

export function createLogger(
  level: string,
  pretty = process.stdout.isTTY === true,
  options: LoggerOptions = {},
): Logger {
  const redact = createRedactor(options.secrets);
  const out = options.destination ?? pino.destination({ dest: 1, sync: true });
  const render = pretty
    ? prettyFactory({ colorize: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" })
    : (line: string) => line;
  const stream: DestinationStream = { write: (line: string) => void out.write(render(redact(line))) };
  return pino({ level, base: undefined }, stream);
}

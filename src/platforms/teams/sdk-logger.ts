// The Teams SDK logs through this adapter into our pino logger. Its own console logger would print every refused
// JWT as an error with a stack; a refused request is not our fault, so those lines go to debug.
import type { ILogger, ILoggerOptions, LogLevel } from "@microsoft/teams.common";
import type { Logger } from "../../logging/logger.ts";

const refusalPrefixes = ["JWT validation failed", "inbound activity rejected"];

export function sdkLogger(logger: Logger, name = "teams-sdk"): ILogger {
  const child = logger.child({ component: name });
  const write = (level: LogLevel, parts: unknown[]) => {
    const text = parts.filter((part) => typeof part === "string").join(" ");
    const err = parts.find((part): part is Error => part instanceof Error);
    const data = parts.filter((part) => typeof part !== "string" && !(part instanceof Error));
    const refusal = refusalPrefixes.some((prefix) => text.startsWith(prefix));
    const target = refusal ? "debug" : level;
    const fields = { ...(err ? { err } : {}), ...(data.length > 0 ? { data } : {}) };
    child[target](fields, text || "(no message)");
  };
  return {
    debug: (...parts: unknown[]) => write("debug", parts),
    info: (...parts: unknown[]) => write("info", parts),
    warn: (...parts: unknown[]) => write("warn", parts),
    error: (...parts: unknown[]) => write("error", parts),
    trace: (...parts: unknown[]) => write("trace", parts),
    log: (level: LogLevel, ...parts: unknown[]) => write(level, parts),
    child: (childName: string, _overrides?: ILoggerOptions) => sdkLogger(logger, `${name}/${childName}`),
  };
}

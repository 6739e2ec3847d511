import type { EditStamp } from "../core/model/domain.ts";

/** Errors the store raises, with a code callers can branch on; turned into messages at the edge (CLI, HTTP). */
export type StoreErrorCode = "DATABASE_UNREACHABLE" | "DATA_DIR_LOCKED" | "MIGRATION_FAILED" | "NOT_FOUND" | "CONFLICT";

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
    this.code = code;
  }
}

/** Prisma reports a unique violation as P2002; driver adapters put the fields in a nested cause. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * A save from a form opened at an older version: someone else saved in between. Nothing was written; `current`
 * says who saved last and when.
 */
export class StaleEditError extends Error {
  readonly current: EditStamp;

  constructor(current: EditStamp) {
    super(`stale edit: now at version ${current.version}`);
    this.name = "StaleEditError";
    this.current = current;
  }
}

// Driver adapters' error kinds and PostgreSQL SQLSTATEs that mean "the database is not there just now".
const unreachableKinds = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const unreachablePrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const unreachableSqlStates = /^(08...|57P0[1-3]|53300|3D000)$/;
const unreachableMessages =
  /PGlite is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|not currently accepting connections|Connection terminated/i;

/**
 * The database cannot be reached (stopped, restarting, network down, closed under us), as opposed to a query
 * that failed: nothing was changed, and trying again later may work.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (current instanceof StoreError) return current.code === "DATABASE_UNREACHABLE";
    if (typeof current !== "object") return unreachableMessages.test(String(current));
    const record = current as { code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
    if (typeof record.code === "string" && unreachablePrismaCodes.has(record.code)) return true;
    if (typeof record.kind === "string" && unreachableKinds.has(record.kind)) return true;
    if (record.kind === "postgres" && typeof record.code === "string" && unreachableSqlStates.test(record.code))
      return true;
    if (typeof record.message === "string" && unreachableMessages.test(record.message)) return true;
    const adapterError = (record.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError;
    current = adapterError?.cause ?? adapterError ?? record.cause;
  }
  return false;
}

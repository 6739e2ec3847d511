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

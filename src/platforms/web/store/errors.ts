import { Prisma } from "../../../generated/prisma/client.ts";

/** A unique constraint said no (P2002): e.g. a name already taken, or a race two requests both won. */
export function isDuplicate(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Content stored as JSON (message content, dialog views): plain data in, plain data out. */
export function asJson<T>(value: T): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

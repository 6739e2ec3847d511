import { Prisma } from "../../generated/prisma/client.ts";

/** A unique constraint said no (P2002): e.g. a name already taken, or a race two requests both won. */
export function isDuplicate(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** JSON kept for the workspace (message content, dialog views, values): plain data in, plain data out. */
export function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

import type { FieldErrors } from "../protocol.ts";

export type RefusalCode = "invalid" | "forbidden" | "not_found" | "conflict" | "unauthenticated";

/** A request the workspace turns down, with a message for the person; the HTTP edge turns it into a status. */
export class Refusal extends Error {
  readonly code: RefusalCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: RefusalCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = "Refusal";
    this.code = code;
    this.fields = fields;
  }
}

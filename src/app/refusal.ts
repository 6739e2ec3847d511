/** Why a user may not do what they asked; adapters show `message` to them, privately. */
export type RefusalCode =
  | "no_workshop"
  | "not_facilitator"
  | "not_member"
  | "read_only"
  | "not_found"
  | "conflict"
  | "not_ready"
  | "invalid";

export class Refusal extends Error {
  readonly code: RefusalCode;

  constructor(code: RefusalCode, message: string) {
    super(message);
    this.name = "Refusal";
    this.code = code;
  }
}

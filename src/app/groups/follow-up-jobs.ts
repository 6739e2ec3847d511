// The working-group follow-up jobs: their kinds, stable keys and payloads.
import { z } from "zod";

export const followUpKinds = {
  /** A round: the status thread in one group's channel. */
  round: "workgroup.followup",
  /** A week after a round: silent items and a still-quiet group are noted. */
  check: "workgroup.followup-check",
  /** What the check found, to one facilitator. */
  note: "workgroup.facilitator-note",
} as const;

export const followUpKeys = {
  roundPrefix: (workshopId: string) => `wg-followup:${workshopId}:`,
  round: (workshopId: string, clusterId: string, round: number) => `wg-followup:${workshopId}:${clusterId}:${round}`,
  check: (workshopId: string, clusterId: string, round: number) =>
    `wg-followup-check:${workshopId}:${clusterId}:${round}`,
  note: (workshopId: string, clusterId: string, round: number, personId: string) =>
    `wg-note:${workshopId}:${clusterId}:${round}:${personId}`,
} as const;

export const roundPayload = z.object({ clusterId: z.string(), round: z.number().int().positive() });
export const notePayload = z.object({
  personId: z.string(),
  clusterId: z.string(),
  round: z.number().int().positive(),
  /** The items flagged by the check, comma-separated ids. */
  itemIds: z.string(),
  /** The group stayed quiet after a gentle prompt. */
  quiet: z.boolean(),
});

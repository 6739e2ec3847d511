// private_metadata carries the ids a modal's submission needs; Slack caps it at 3000 characters.
import { z } from "zod";

const metadataSchema = z.object({
  project: z.string().optional(),
  result: z.string().optional(),
  workshop: z.string().nullable().optional(),
  slots: z.array(z.string().nullable()).optional(),
  /** The workshop's results-per-project limit when the step opened, so the answer can be checked before any I/O. */
  limit: z.number().int().positive().optional(),
  root: z.string().optional(),
});

export type ModalMetadata = z.infer<typeof metadataSchema>;

export function encodeMetadata(metadata: ModalMetadata): string {
  const text = JSON.stringify(metadata);
  if (text.length > 3000) throw new Error("private_metadata over Slack's 3000-character limit");
  return text;
}

export function decodeMetadata(text: unknown): ModalMetadata {
  if (typeof text !== "string") return {};
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

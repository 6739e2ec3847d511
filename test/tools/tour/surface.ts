// One thing a person saw during the tour, as the platform received it (Slack Block Kit here; Teams cards in
// teams-surface.ts), in the order people saw them.

export type SurfaceKind = "modal" | "home" | "message" | "private" | "post";

export interface TourSurface {
  /** 1, 2, 3… in the order people saw them. */
  index: number;
  step: string;
  /** The person's display name; "#channel" for a post everyone in a channel sees. */
  who: string;
  kind: SurfaceKind;
  /** Modal or home title; the message's fallback text otherwise. */
  title: string;
  blocks: unknown[];
  /** Errors shown next to a modal's fields (block id → message), when a submission was refused. */
  errors?: Record<string, string>;
  /** What the person typed into a modal's fields (block id → text), shown again with its errors. */
  values?: Record<string, string>;
  /** A modal's submit and close labels. */
  submit?: string;
  close?: string;
  /** A message rewritten after it was sent (a snoozed reminder, a renamed cluster's announcement). */
  edited?: boolean;
  /** A post in a thread (a work-plan item's confirmation, a follow-up question). */
  inThread?: boolean;
  /** Files shared with a post (the report). */
  files?: { name: string; title: string; size: number }[];
}

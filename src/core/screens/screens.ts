// What a person sees in a dialog (Slack modal, Teams dialog, a browser page) or on their home tab.
import type { FieldErrors, FormSpec, RawValues } from "../forms/spec.ts";
import { type Block, normalizeBlocks } from "./blocks.ts";
import type { ScreenContext } from "./context.ts";

/** A form to fill in: its spec, what to show in its fields, and what went wrong last time. */
export interface FormScreen {
  kind: "form";
  form: FormSpec;
  /** Shown in the fields instead of the spec's `initial` values (e.g. what the person typed before). */
  values?: RawValues;
  /** Messages next to fields, by field id. */
  errors?: FieldErrors;
  /** A problem that is about no one field, shown above the fields. */
  errorSummary?: string;
  /** Report the person closing it without submitting (a `closed` interaction), e.g. to keep a draft. */
  notifyOnClose?: boolean;
  context: ScreenContext;
}

/** A read-only view with buttons: the homework overview, a review of clusters, a home tab. */
export interface PanelScreen {
  kind: "panel";
  /** Identifies the panel in actions taken on it (Slack `callback_id`), e.g. "homework.overview". */
  id: string;
  /** Short: Slack cuts modal titles at 24 characters. */
  title: string;
  blocks: Block[];
  /** The label of the button that closes it; "Close" when absent. */
  closeLabel?: string;
  context: ScreenContext;
}

export type Screen = FormScreen | PanelScreen;

/** A panel's blocks stay within this budget (Slack: 100 blocks a view), one page at a time. */
export const maxPanelBlocks = 95;

export interface PanelPage {
  /** Repeated on every page (a title, a summary). */
  head: Block[];
  /** Paged. */
  body: Block[];
  /** Repeated on every page after the body (an "Add" button). */
  tail?: Block[];
  /** The page to show, from 0; out-of-range pages show the last one. */
  page: number;
  /** The action of the Previous/Next buttons; their value is the page number to show. */
  pagerActionId: string;
  /** The body's blocks go by this many (one item's text and its buttons): a page never splits one. Default 1. */
  unit?: number;
}

/**
 * The blocks of one page of a long panel: `head`, a slice of `body`, `tail`, and when there is more than one page a
 * "Page n of m" line with Previous/Next buttons. Blocks are normalised first, so each counts as one on every surface.
 */
export function pagedBlocks(panel: PanelPage): { blocks: Block[]; page: number; pages: number } {
  const head = normalizeBlocks(panel.head);
  const body = normalizeBlocks(panel.body);
  const tail = normalizeBlocks(panel.tail ?? []);
  const room = maxPanelBlocks - head.length - tail.length;
  if (body.length <= room) return { blocks: [...head, ...body, ...tail], page: 0, pages: 1 };
  const unit = Math.max(1, Math.floor(panel.unit ?? 1));
  const perPage = Math.max(unit, Math.floor((room - 2) / unit) * unit);
  const pages = Math.ceil(body.length / perPage);
  const page = Math.min(Math.max(0, Math.floor(panel.page)), pages - 1);
  const pager: Block[] = [
    { kind: "context", text: `Page ${page + 1} of ${pages}` },
    {
      kind: "buttons",
      buttons: [
        ...(page > 0 ? [{ actionId: panel.pagerActionId, label: "Previous", value: String(page - 1) }] : []),
        ...(page < pages - 1 ? [{ actionId: panel.pagerActionId, label: "Next", value: String(page + 1) }] : []),
      ],
    },
  ];
  return { blocks: [...head, ...body.slice(page * perPage, (page + 1) * perPage), ...pager, ...tail], page, pages };
}

// What to show next, on any surface: use cases return one of these; the adapter's conversation shows it.
import type { FieldErrors, FieldOption } from "../../core/forms/spec.ts";
import type { Message } from "../../core/screens/message.ts";
import type { PanelScreen, Screen } from "../../core/screens/screens.ts";
import type { RichText } from "../../core/screens/text.ts";

export type Reply =
  /** A message only the acting person sees (Slack: ephemeral or the command's response URL). */
  | { kind: "message"; message: Message }
  /**
   * The message whose button was pressed, rewritten to `message` (Slack: chat.update); surfaces that cannot edit it
   * show `message` privately instead.
   */
  | { kind: "edit"; message: Message }
  /** A new dialog (Slack: views.open). */
  | { kind: "open"; screen: Screen }
  /** The next step on top of the current screen (Slack: views.push; surfaces without a stack replace it). */
  | { kind: "push"; screen: Screen }
  /** The current screen, redrawn (a submitted form: Slack `response_action: update`; a panel: views.update). */
  | { kind: "update"; screen: Screen }
  /** The form stays open with these messages next to its fields (and `summary` above them). */
  | { kind: "errors"; errors: FieldErrors; summary?: string }
  /**
   * The form is done: close it, redraw the screen underneath with `refresh` (surfaces without a stack show
   * `refresh` instead), and tell the person `message` privately.
   */
  | { kind: "close"; refresh?: Screen; message?: Message }
  /** The person's home view. */
  | { kind: "home"; screen: PanelScreen }
  /** Options for a type-ahead field. */
  | { kind: "suggestions"; options: FieldOption[] }
  /** Nothing to show (the request is still answered). */
  | { kind: "none" };

/** Small constructors, so a handler reads as what it shows. */
export const reply = {
  message: (message: Message | RichText): Reply => ({
    kind: "message",
    message: typeof message === "string" || Array.isArray(message) ? { summary: message } : (message as Message),
  }),
  edit: (message: Message): Reply => ({ kind: "edit", message }),
  open: (screen: Screen): Reply => ({ kind: "open", screen }),
  push: (screen: Screen): Reply => ({ kind: "push", screen }),
  update: (screen: Screen): Reply => ({ kind: "update", screen }),
  errors: (errors: FieldErrors, summary?: string): Reply =>
    summary === undefined ? { kind: "errors", errors } : { kind: "errors", errors, summary },
  close: (then: { refresh?: Screen; message?: Message } = {}): Reply => ({ kind: "close", ...then }),
  home: (screen: PanelScreen): Reply => ({ kind: "home", screen }),
  suggestions: (options: FieldOption[]): Reply => ({ kind: "suggestions", options }),
  none: (): Reply => ({ kind: "none" }),
};

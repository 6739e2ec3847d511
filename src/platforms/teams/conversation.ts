// A Reply shown in Teams, for one activity. An invoke is answered in its HTTP answer: a dialog's task/fetch or
// task/submit with the next card (`continue`), the same form with errors next to its fields, or closing; a card
// action with a message; a type-ahead with its options. A typed command is answered by messages: a screen the core
// opens becomes a card whose button opens it in a dialog. Private messages go to the person's 1:1 chat with the bot.
// The person's name and time zone come from the activities (stored by installation.ts), so no profile look-up.
import type { TaskModuleResponse } from "@microsoft/teams.api";
import type { Reply } from "../../app/interaction/reply.ts";
import type { Conversation } from "../../app/ports/converse.ts";
import type { FieldOption, RawValues } from "../../core/forms/spec.ts";
import type { Message } from "../../core/screens/message.ts";
import type { Screen } from "../../core/screens/screens.ts";
import { plainText } from "../../core/screens/text.ts";
import type { DialogScreen } from "./dialogs.ts";
import type { DrawnForms } from "./drawn-forms.ts";
import type { TeamsPlace } from "./inbound.ts";
import type { OutgoingActivity } from "./messenger.ts";
import { messageActivity, openerActivity, type Replay } from "./render/message.ts";
import { formDialogScreen, panelDialog } from "./render/screens.ts";

export type TeamsRequestKind = "message" | "dialog.open" | "dialog.submit" | "card.action" | "search";

export interface TeamsRequest {
  kind: TeamsRequestKind;
  place: TeamsPlace;
  /** Sends into the conversation the activity came from. */
  send(activity: OutgoingActivity): Promise<unknown>;
  /** Sends to the person's 1:1 chat with the bot (from a channel, a private answer goes there). */
  sendPrivately(activity: OutgoingActivity): Promise<unknown>;
  /** Draws a form card (the dialog layer remembers its long choice lists for their type-ahead). */
  drawForm(screen: DialogScreen): TaskModuleResponse;
  drawn: DrawnForms;
  /** What ran, to run again from an "Open" card when the core opens a screen outside a dialog. */
  replay?: Replay;
  /** A submission's key of the form it came from, and what was typed. */
  submitted?: { drawn: string | undefined; values: RawValues };
}

/** What a card action (adaptiveCard/action) answers with. */
export interface CardActionAnswer {
  statusCode: 200;
  type: "application/vnd.microsoft.activity.message";
  value: string;
}

export interface TeamsConversation extends Conversation {
  /** The invoke's answer, once the core replied (undefined for a message, or when nothing was answered). */
  readonly answer: TaskModuleResponse | CardActionAnswer | undefined;
  readonly options: FieldOption[];
}

export function teamsConversation(request: TeamsRequest): TeamsConversation {
  const { kind, place } = request;
  const inDialog = kind === "dialog.open" || kind === "dialog.submit";
  let answer: TaskModuleResponse | CardActionAnswer | undefined;
  let options: FieldOption[] = [];

  const plain = (message: Message) => plainText(message.summary, place.timeZone);
  const say = (text: string): TaskModuleResponse => ({ task: { type: "message", value: text } });

  async function privately(message: Message): Promise<void> {
    const activity = messageActivity(message, place.timeZone);
    await (place.personal ? request.send(activity) : request.sendPrivately(activity));
  }

  function draw(screen: Screen): TaskModuleResponse {
    if (screen.kind === "panel") return panelDialog(screen);
    return request.drawForm(formDialogScreen(screen, request.drawn.remember(screen)));
  }

  async function show(screen: Screen): Promise<void> {
    if (inDialog) {
      answer = draw(screen);
      return;
    }
    const opener = openerActivity(screen, request.replay ?? { kind: "command", text: "help" });
    if (kind === "card.action") answer = cardMessage("Opened below: press its button.");
    await (place.personal ? request.send(opener) : request.sendPrivately(opener));
  }

  /** A screen shown after the dialog's answer was written (the save behind an early close): into the chat. */
  async function afterwards(screen: Screen): Promise<void> {
    const blocks = screen.kind === "panel" ? screen.blocks : [];
    const title = screen.kind === "panel" ? screen.title : screen.form.title;
    await privately({ summary: title, blocks: [{ kind: "heading", text: title }, ...blocks] });
  }

  return {
    // A submission the route can check from what it carries is answered at once and saved after (Teams gives a
    // dialog 5 s, and a burst of submissions must not wait for each other's saves).
    answersEarly: kind === "dialog.submit",

    get answer() {
      return answer;
    },

    get options() {
      return options;
    },

    async reply(reply: Reply): Promise<void> {
      switch (reply.kind) {
        case "edit":
        case "message":
          if (inDialog) {
            answer = say(plain(reply.message));
            // The dialog shows the line; a message with more (buttons, lists) also lands in the chat.
            if (reply.message.blocks?.length) await privately(reply.message);
            return;
          }
          if (kind === "card.action") answer = cardMessage(plain(reply.message));
          return privately(reply.message);
        case "open":
        case "push":
        case "update":
          return show(reply.screen);
        case "errors": {
          const drawn = request.drawn.get(request.submitted?.drawn);
          if (kind === "dialog.submit" && drawn) {
            answer = draw({
              ...drawn,
              values: request.submitted?.values ?? {},
              errors: reply.errors,
              ...(reply.summary ? { errorSummary: reply.summary } : {}),
            });
            return;
          }
          const text = [reply.summary, ...Object.values(reply.errors)].filter(Boolean).join(" ");
          if (inDialog) answer = say(text);
          else await privately({ summary: text });
          return;
        }
        case "close":
          if (inDialog && answer !== undefined) {
            // The second reply after an early close: the dialog is gone, so the refreshed screen goes to the chat.
            if (reply.refresh) await afterwards(reply.refresh);
            if (reply.message) await privately(reply.message);
            return;
          }
          if (inDialog) answer = reply.refresh ? draw(reply.refresh) : reply.message ? say(plain(reply.message)) : {};
          if (reply.message && (!inDialog || reply.refresh || reply.message.blocks?.length))
            await privately(reply.message);
          return;
        case "home":
          // No personal tab yet: the home view comes as a card in the 1:1 chat.
          if (inDialog) answer = panelDialog(reply.screen);
          else await privately({ summary: reply.screen.title, blocks: reply.screen.blocks });
          return;
        case "suggestions":
          options = reply.options;
          return;
        case "none":
          if (inDialog) answer = {};
          return;
      }
    },
  };
}

function cardMessage(value: string): CardActionAnswer {
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value };
}

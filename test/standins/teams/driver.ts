// Plays Teams towards the bot: signs each activity with the stand-in's key (as the Bot Connector does) and posts
// it to the bot's /api/messages; records what the bot answered to invokes (dialogs, card actions, searches).
import { type Activity, build, type Sender } from "./activities.ts";
import { type AttachedFile, attachFile } from "./attached-files.ts";
import { type Claims, type SigningKey, signJwt } from "./jwt.ts";
import { botFrameworkIssuer } from "./login.ts";
import type { ServiceContext } from "./service-context.ts";
import type { StandInChannel, StandInTeam } from "./state.ts";

export interface DriverAnswer {
  status: number;
  body: unknown;
}

export interface SendOptions {
  /** Replace the token's claims (wrong audience, issuer, serviceurl, expiry…). */
  claims?: Claims;
  /** Sign with another key (a forger's), or with the right key under another kid. */
  key?: SigningKey;
  kid?: string;
  /** Send no Authorization header, or this one verbatim. */
  authorization?: string | null;
  url?: string;
}

export class TeamsDriver {
  botUrl = "";
  readonly #context: ServiceContext;
  readonly sender: Sender;

  constructor(context: ServiceContext, sender: Sender) {
    this.#context = context;
    this.sender = sender;
  }

  claims(over: Claims = {}): Claims {
    const now = this.#context.nowSeconds();
    return {
      iss: botFrameworkIssuer,
      aud: this.#context.appId,
      serviceurl: this.sender.serviceUrl,
      nbf: now - 5,
      iat: now - 5,
      exp: now + 300,
      ...over,
    };
  }

  /** A correctly signed Authorization header for one request. */
  authorization(options: SendOptions = {}): string {
    return `Bearer ${signJwt(this.claims(options.claims), options.key ?? this.#context.key, options.kid)}`;
  }

  async send(activity: Activity, options: SendOptions = {}): Promise<DriverAnswer> {
    this.#notePersonalConversation(activity);
    const authorization =
      options.authorization === null ? undefined : (options.authorization ?? this.authorization(options));
    return this.post(JSON.stringify(activity), authorization, options.url);
  }

  /** A body sent as is (not JSON, not an activity…), signed unless `authorization` says otherwise. */
  async sendRaw(body: string, options: SendOptions = {}): Promise<DriverAnswer> {
    const authorization =
      options.authorization === null ? undefined : (options.authorization ?? this.authorization(options));
    return this.post(body, authorization, options.url);
  }

  async post(body: string, authorization: string | undefined, url = this.botUrl): Promise<DriverAnswer> {
    if (!url) throw new Error("set driver.botUrl first");
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? parseOrText(text) : undefined };
  }

  message(userAad: string, text: string, over: Activity = {}): Promise<DriverAnswer> {
    return this.send(build.personalMessage(this.sender, this.#context.state.user(userAad), text, over));
  }

  /**
   * Files attached to a message in the 1:1 chat (the bot's manifest says `supportsFiles`): one
   * `file.download.info` attachment each, whose download link the stand-in serves. `text` is what was typed with
   * them (Teams sends an empty text for files alone).
   */
  async attachFiles(
    userAad: string,
    files: { name: string; bytes: Uint8Array }[],
    text = "",
    options: { linkSeconds?: number } = {},
  ): Promise<DriverAnswer & { files: AttachedFile[] }> {
    const user = this.#context.state.user(userAad);
    const attached = files.map((file) => attachFile(this.#context, user, file, options.linkSeconds));
    const activity = build.personalMessage(this.sender, user, text, {
      textFormat: "plain",
      attachments: attached.map((file) => file.attachment),
    });
    return { ...(await this.send(activity)), files: attached.map((file) => file.stored) };
  }

  /** An image pasted into a 1:1 message: an `image/*` attachment whose link needs the bot's token, and its HTML. */
  pasteImage(userAad: string, text = ""): Promise<DriverAnswer> {
    const user = this.#context.state.user(userAad);
    const src = `${this.sender.serviceUrl}v3/attachments/0-weu-d1-${this.sender.nextId()}/views/original`;
    return this.send(
      build.personalMessage(this.sender, user, text, {
        textFormat: "plain",
        attachments: [
          { contentType: "image/*", contentUrl: src },
          {
            contentType: "text/html",
            content: `<div><div><span><img src="${src}" itemtype="http://schema.skype.com/AMSImage"></span></div></div>`,
          },
        ],
      }),
    );
  }

  /** A channel post that @mentions the bot; the post id is remembered so the bot may reply in its thread. */
  async mention(
    userAad: string,
    teamAad: string,
    channelId: string,
    text: string,
  ): Promise<DriverAnswer & { postId: string }> {
    const { team, channel } = this.#teamChannel(teamAad, channelId);
    const activity = build.channelMention(this.sender, this.#context.state.user(userAad), team, channel, text);
    const postId = String(activity.id);
    this.#context.knownPosts.add(postId);
    return { ...(await this.send(activity)), postId };
  }

  /** A person's reply in the thread of a channel post (the bot's prompt, say); the activity is returned too. */
  async replyInThread(
    userAad: string,
    channelId: string,
    threadRootId: string,
    text: string,
  ): Promise<DriverAnswer & { activity: Activity }> {
    const channel = this.#context.state.channels.get(channelId);
    if (!channel) throw new Error(`the stand-in has no channel ${channelId}`);
    const team = this.#context.state.team(channel.teamAadGroupId);
    const activity = build.channelReply(
      this.sender,
      this.#context.state.user(userAad),
      team,
      channel,
      threadRootId,
      text,
    );
    return { ...(await this.send(activity)), activity };
  }

  /** A person's new top-level post in a channel, without a mention (`plainChannel`: conversation without messageid). */
  postInChannel(userAad: string, channelId: string, text: string, plainChannel = false): Promise<DriverAnswer> {
    const channel = this.#context.state.channels.get(channelId);
    if (!channel) throw new Error(`the stand-in has no channel ${channelId}`);
    const team = this.#context.state.team(channel.teamAadGroupId);
    return this.send(
      build.channelPost(this.sender, this.#context.state.user(userAad), team, channel, text, plainChannel),
    );
  }

  /** A channel post that @mentions the bot, in any channel of a team (a working group's, say), or in a thread. */
  mentionIn(userAad: string, channelId: string, text: string, threadRootId?: string): Promise<DriverAnswer> {
    const channel = this.#context.state.channels.get(channelId);
    if (!channel) throw new Error(`the stand-in has no channel ${channelId}`);
    const team = this.#context.state.team(channel.teamAadGroupId);
    return this.send(
      build.channelMention(this.sender, this.#context.state.user(userAad), team, channel, text, threadRootId),
    );
  }

  /** An invoke (task/fetch, task/submit, adaptiveCard/action, application/search…); the answer is recorded. */
  async invoke(userAad: string, name: string, value: unknown, conversation?: Activity): Promise<DriverAnswer> {
    const activity = build.invoke(this.sender, this.#context.state.user(userAad), name, value, conversation);
    const answer = await this.send(activity);
    this.#context.state.invokeAnswers.push({ name, userAadObjectId: userAad, value, ...answer });
    return answer;
  }

  /** Opens a dialog as a card button with `msteams: { type: "task/fetch" }` would. */
  openDialog(userAad: string, data: Record<string, unknown>): Promise<DriverAnswer> {
    return this.invoke(userAad, "task/fetch", {
      type: "task/fetch",
      data: { ...data, msteams: { type: "task/fetch" } },
    });
  }

  /** Submits a dialog's card: `data` is the submit action's data merged with the inputs' values, as Teams does. */
  submitDialog(userAad: string, data: Record<string, unknown>): Promise<DriverAnswer> {
    return this.invoke(userAad, "task/submit", { type: "task/submit", data });
  }

  cardAction(userAad: string, verb: string, data: Record<string, unknown>): Promise<DriverAnswer> {
    return this.invoke(userAad, "adaptiveCard/action", { action: { type: "Action.Execute", verb, data } });
  }

  /** What Teams sends while someone types into a Data.Query choice set. */
  search(userAad: string, dataset: string, queryText: string, options: { skip?: number; top?: number } = {}) {
    return this.invoke(userAad, "application/search", {
      kind: "search",
      queryText,
      queryOptions: { skip: options.skip ?? 0, top: options.top ?? 15 },
      dataset,
    });
  }

  installPersonal(userAad: string): Promise<DriverAnswer> {
    return this.send(build.installPersonal(this.sender, this.#context.state.user(userAad)));
  }

  uninstallPersonal(userAad: string): Promise<DriverAnswer> {
    this.#context.uninstalledFor.add(userAad);
    return this.send(build.installPersonal(this.sender, this.#context.state.user(userAad), "remove"));
  }

  /** The bot is installed in a team: both activities Teams sends (installationUpdate, then conversationUpdate). */
  async installInTeam(userAad: string, teamAad: string): Promise<DriverAnswer[]> {
    const team = this.#context.state.team(teamAad);
    const general = this.#teamChannel(teamAad, team.id).channel;
    const user = this.#context.state.user(userAad);
    return [
      await this.send(build.installInTeam(this.sender, user, team, general)),
      await this.send(build.botAddedToTeam(this.sender, user, team, general)),
    ];
  }

  installInGroupChat(userAad: string, chatId: string, memberAads: string[]): Promise<DriverAnswer> {
    const state = this.#context.state;
    state.conversations.set(chatId, { id: chatId, kind: "groupChat", with: chatId });
    return this.send(
      build.botAddedToGroupChat(
        this.sender,
        state.user(userAad),
        chatId,
        memberAads.map((aad) => state.user(aad)),
      ),
    );
  }

  /** A person writing to the bot (or installing it) in a 1:1 chat makes that chat exist on Teams' side. */
  #notePersonalConversation(activity: Activity): void {
    const conversation = activity.conversation as { conversationType?: string } | undefined;
    const from = activity.from as { aadObjectId?: string } | undefined;
    if (conversation?.conversationType !== "personal" || !from?.aadObjectId) return;
    if (activity.type === "installationUpdate" && activity.action === "remove") return;
    this.#context.uninstalledFor.delete(from.aadObjectId);
    this.#context.state.ensurePersonalConversation(from.aadObjectId);
  }

  #teamChannel(teamAad: string, channelId: string): { team: StandInTeam; channel: StandInChannel } {
    const team = this.#context.state.team(teamAad);
    const channel = this.#context.state.channels.get(channelId);
    if (!channel) throw new Error(`the stand-in has no channel ${channelId}`);
    return { team, channel };
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
